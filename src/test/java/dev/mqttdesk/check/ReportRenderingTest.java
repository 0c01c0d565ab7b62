package dev.mqttdesk.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mqttdesk.core.i18n.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportRenderingTest {

    private final Locale before = Locale.getDefault();

    @AfterEach
    void restoreLocale() {
        Locale.setDefault(before);
    }

    private static CheckReport report(Path caFile, StepResult... steps) {
        return new CheckReport("wxs://broker.example.com/mqtt", "wss://broker.example.com:443/mqtt", caFile,
                Instant.parse("2026-01-02T03:04:05Z"), List.of(steps));
    }

    private static final StepResult SCHEME_OK = StepResult.pass(CheckId.SCHEME, Text.of("check.scheme.ok", "wxs"));
    private static final StepResult PORT_WARN = StepResult.warn(CheckId.PORT, Text.of("check.port.other", "8084"),
            Text.of("check.port.fix", "8084"));
    private static final StepResult TCP_FAIL = StepResult.fail(CheckId.TCP, Text.of("check.tcp.refused", "a:1"),
            Text.of("check.tcp.fix.refused"));
    private static final StepResult ICP_MANUAL = StepResult.skip(CheckId.ICP, Text.of("check.icp.manual", "a"));

    @Test
    void the_verdict_is_fail_over_warn_over_pass_and_skips_count_for_nothing() {
        assertEquals(CheckStatus.PASS, report(null, SCHEME_OK, ICP_MANUAL).verdict());
        assertEquals(CheckStatus.WARN, report(null, SCHEME_OK, PORT_WARN, ICP_MANUAL).verdict());
        assertEquals(CheckStatus.FAIL, report(null, TCP_FAIL, PORT_WARN, SCHEME_OK).verdict());
    }

    @Test
    void informational_items_never_change_the_verdict() {
        StepResult odd = StepResult.fail(CheckId.LIBRARY, Text.of("check.library.advice", "4.1.0", "4.2.x"), null);
        assertEquals(CheckStatus.PASS, report(null, SCHEME_OK, odd).verdict());
    }

    @Test
    void json_has_url_verdict_and_checks_with_id_status_detail_and_fix() throws Exception {
        Locale.setDefault(Locale.ENGLISH);
        String json = JsonReport.render(report(Path.of("/tmp/ca.pem"), SCHEME_OK, PORT_WARN.with("port", 8084)));
        assertFalse(json.contains("\n"), "one line");
        JsonNode root = new ObjectMapper().readTree(json);
        assertEquals("wxs://broker.example.com/mqtt", root.get("url").asText());
        assertEquals("warn", root.get("verdict").asText());
        assertEquals("/tmp/ca.pem", root.get("cafile").asText());
        JsonNode checks = root.get("checks");
        assertEquals(2, checks.size());
        assertEquals("scheme", checks.get(0).get("id").asText());
        assertEquals("pass", checks.get(0).get("status").asText());
        assertTrue(checks.get(0).get("fix").isNull());
        assertEquals("port", checks.get(1).get("id").asText());
        assertEquals("warn", checks.get(1).get("status").asText());
        assertTrue(checks.get(1).get("detail").asText().contains("Android"), checks.get(1).toString());
        assertTrue(checks.get(1).get("fix").asText().contains("443"));
        assertEquals(8084, checks.get(1).get("data").get("port").asInt());
    }

    @Test
    void markdown_has_one_table_row_per_step_with_pipes_escaped() {
        Locale.setDefault(Locale.ENGLISH);
        StepResult piped = StepResult.fail(CheckId.WEBSOCKET, Text.of("check.websocket.notHttp", "a|b"), null);
        String md = MarkdownReport.render(report(null, SCHEME_OK, PORT_WARN, piped));
        assertTrue(md.startsWith("# Mini-program readiness check"), md);
        assertEquals(3, md.lines().filter(l -> l.startsWith("| ") && l.contains("(`")).count(), md);
        assertTrue(md.contains("a\\|b"), md);
        assertTrue(md.contains("**❌ fail**"), md);
        assertFalse(md.contains("CA file"), "no CA line when none was given");
    }

    @Test
    void reports_speak_chinese_in_a_chinese_locale_and_say_when_a_ca_file_was_trusted() {
        Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
        String md = MarkdownReport.render(report(Path.of("/tmp/ca.pem"), SCHEME_OK, PORT_WARN));
        assertTrue(md.startsWith("# 小程序接入检查"), md);
        assertTrue(md.contains("安卓真机"), md);
        assertTrue(md.contains("/tmp/ca.pem"), md);
        assertTrue(PlainLines.verdict(CheckStatus.WARN).contains("警告"));
    }
}
