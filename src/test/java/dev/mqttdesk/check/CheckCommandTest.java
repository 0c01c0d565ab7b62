package dev.mqttdesk.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mqttdesk.broker.LocalBroker;
import dev.mqttdesk.testing.Mosquitto;
import dev.mqttdesk.testing.TestPki;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code mqtt-desk check ...} in-process: exit codes, the JSON object, plain lines, usage errors. */
class CheckCommandTest {

    static final String DOMAIN = "ci.mqttdesk.test";
    static final List<String> IDS = List.of("scheme", "port", "domain", "icp", "dns", "tcp", "tls", "websocket", "mqtt",
            "roundtrip", "library", "wechat_limits");
    static TestPki pki;
    static Mosquitto mosquitto;

    @BeforeAll
    static void start() throws Exception {
        pki = TestPki.shared();
        mosquitto = Mosquitto.builder().listener("wss", Mosquitto.Kind.WSS, DomainCert.issue(pki, DOMAIN)).start();
    }

    @AfterAll
    static void stop() {
        if (mosquitto != null) {
            mosquitto.close();
        }
    }

    /** What one run printed, and its exit code. */
    record Run(int exit, String out, String err) {
        List<String> outLines() {
            return out.lines().toList();
        }
    }

    static Run check(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = CheckCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                HostResolver.withOverrides(Map.of(DOMAIN, "127.0.0.1")));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void a_healthy_wss_broker_with_the_ca_given_exits_0_and_prints_one_json_object_with_every_check() throws Exception {
        String url = "wxs://" + DOMAIN + ":" + mosquitto.port("wss") + "/mqtt";
        Run run = check(url, "--cafile", pki.caCert().toString(), "--json", "--timeout", "5");
        assertEquals(0, run.exit(), run.out() + run.err());
        assertEquals(1, run.outLines().size(), "exactly one line on stdout: " + run.out());
        JsonNode root = new ObjectMapper().readTree(run.outLines().get(0));
        assertEquals(url, root.get("url").asText());
        assertEquals("warn", root.get("verdict").asText(), "only the port (not 443) warns");
        assertEquals(pki.caCert().toString(), root.get("cafile").asText());
        List<String> ids = new ArrayList<>();
        for (JsonNode c : root.get("checks")) {
            ids.add(c.get("id").asText());
            assertTrue(c.get("status").asText().matches("pass|warn|fail|skip"), c.toString());
            assertFalse(c.get("detail").asText().isBlank(), c.toString());
            assertTrue(c.has("fix"), c.toString());
            if (c.get("id").asText().matches("dns|tcp|tls|websocket|mqtt|roundtrip")) {
                assertEquals("pass", c.get("status").asText(), c.toString());
            }
        }
        assertEquals(IDS, ids);
    }

    @Test
    void a_failed_step_exits_1_and_the_json_verdict_says_fail() throws Exception {
        Run run = check("wss://127.0.0.1:" + LocalBroker.freePort() + "/mqtt", "--json", "--timeout", "2");
        assertEquals(1, run.exit(), run.out() + run.err());
        JsonNode root = new ObjectMapper().readTree(run.out());
        assertEquals("fail", root.get("verdict").asText());
        assertEquals("fail", root.get("checks").get(IDS.indexOf("tcp")).get("status").asText());
        assertEquals("skip", root.get("checks").get(IDS.indexOf("mqtt")).get("status").asText());
    }

    @Test
    void plain_output_prints_one_line_per_step_then_the_verdict() {
        Run run = check("wss://127.0.0.1:" + LocalBroker.freePort() + "/mqtt", "--timeout", "2");
        assertEquals(1, run.exit());
        List<String> lines = run.outLines();
        assertEquals(1 + IDS.size() + 1, lines.size(), run.out());
        for (int i = 0; i < IDS.size(); i++) {
            assertTrue(lines.get(1 + i).contains(" " + IDS.get(i) + ":"), lines.get(1 + i));
        }
        assertTrue(lines.get(lines.size() - 1).contains("FAIL") || lines.get(lines.size() - 1).contains("失败"), run.out());
    }

    @Test
    void the_plain_report_says_when_a_ca_file_is_trusted() {
        Run run = check("wss://127.0.0.1:" + LocalBroker.freePort() + "/mqtt", "--cafile", pki.caCert().toString(),
                "--timeout", "1");
        assertTrue(run.outLines().get(1).contains(pki.caCert().toString()), run.out());
    }

    @ParameterizedTest(name = "check {0}")
    @ValueSource(strings = {"", "--json", "--bogus wss://a.example.com", "wss://a.example.com wss://b.example.com",
            "wss://a.example.com --timeout", "wss://a.example.com --timeout ten", "wss://a.example.com --timeout 0",
            "ftp://a.example.com", "wss://a.example.com --cafile /no/such/ca.pem", "wss://a.example.com --cafile"})
    void bad_usage_exits_2_with_a_message_on_stderr_and_nothing_on_stdout(String args) {
        Run run = check(args.isEmpty() ? new String[0] : args.split(" "));
        assertEquals(2, run.exit(), run.out() + run.err());
        assertEquals("", run.out());
        assertFalse(run.err().isBlank());
        assertFalse(run.err().contains("Exception"), "words, not a stack trace: " + run.err());
    }

    @Test
    void help_prints_the_usage_and_exits_0() {
        Run run = check("--help");
        assertEquals(0, run.exit());
        assertTrue(run.out().contains("--cafile") && run.out().contains("--json") && run.out().contains("--timeout"), run.out());
    }
}
