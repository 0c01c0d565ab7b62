package dev.mqttdesk.testing;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fixtures themselves: they must do what they say, or every test built on them proves nothing. */
class MosquittoTest {

    static Mosquitto broker;

    @BeforeAll
    static void start() {
        TestPki pki = TestPki.shared();
        broker = Mosquitto.builder().webSockets().tls(pki.good()).wss(pki.good()).start();
    }

    @AfterAll
    static void stop() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void every_listener_has_its_own_port_and_accepts_connections() throws Exception {
        List<Integer> ports = broker.listeners().stream().map(Mosquitto.Listener::port).distinct().toList();
        assertEquals(4, ports.size(), broker.listeners().toString());
        for (int port : ports) {
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                assertTrue(s.isConnected());
            }
        }
        assertEquals(Mosquitto.Kind.TCP, broker.listeners().get(0).kind(), "the plain TCP listener comes first");
    }

    @Test
    void a_message_from_mosquitto_pub_reaches_mosquitto_sub_with_its_qos_and_retain_flag() {
        try (Peer sub = broker.sub("-t", "fixture/plain", "-q", "2", "-C", "1", "-W", "20")) {
            sub.awaitSubscribed();
            broker.pub("-t", "fixture/plain", "-m", "hello fixture", "-q", "1");
            Peer.Received got = sub.awaitMessage(m -> true);
            assertEquals(new Peer.Received("fixture/plain", 1, false, "hello fixture"), got);
            assertEquals(0, sub.awaitExit().exitCode());
        }
    }

    @Test
    void mosquitto_pub_reads_lines_from_its_input_and_tls_peers_verify_the_test_ca() {
        String tlsPort = Integer.toString(broker.port("tls"));
        try (Peer sub = broker.sub("-p", tlsPort, "--cafile", broker.caFile().toString(),
                "-t", "fixture/lines", "-C", "2", "-W", "20")) {
            sub.awaitSubscribed();
            try (Peer pub = broker.pubLines("-t", "fixture/lines", "-q", "1")) {
                pub.writeLine("one");
                pub.writeLine("two");
                pub.closeInput();
                assertEquals(0, pub.awaitExit().exitCode());
            }
            sub.awaitExit();
            assertEquals(List.of("one", "two"), sub.messages().stream().map(Peer.Received::payload).toList());
        }
    }

    @Test
    void the_broker_log_shows_a_peer_as_it_connects() {
        broker.pub("-i", "fixture-log-peer", "-t", "fixture/log", "-m", "x");
        String line = broker.awaitLog(l -> l.contains("fixture-log-peer"));
        assertTrue(line.contains("New client connected"), line);
    }

    @Test
    void a_retained_message_is_printed_with_its_retain_flag() {
        broker.pub("-t", "fixture/retained", "-m", "kept", "-r");
        try (Peer sub = broker.sub("-t", "fixture/retained", "-C", "1", "-W", "20")) {
            assertTrue(sub.awaitMessage(m -> m.payload().equals("kept")).retain());
        }
    }

    @Test
    void a_missing_program_fails_on_ci_and_skips_elsewhere() {
        if (System.getenv("CI") != null) {
            var error = assertThrows(IllegalStateException.class, () -> Mosquitto.program("mosquitto_no_such_program"));
            assertTrue(error.getMessage().contains("apt-get install"), error.getMessage());
        } else {
            var skip = assertThrows(TestAbortedException.class, () -> Mosquitto.program("mosquitto_no_such_program"));
            assertTrue(skip.getMessage().contains("apt-get install"), skip.getMessage());
        }
        assertTrue(Mosquitto.program("mosquitto").endsWith("mosquitto"), "found in /usr/sbin even when not on PATH");
    }

    @Test
    void a_broker_that_cannot_start_fails_with_its_own_log() {
        var error = assertThrows(IllegalStateException.class,
                () -> Mosquitto.builder().configLine("no_such_option 1").start());
        assertTrue(error.getMessage().contains("no_such_option"), error.getMessage());
        assertTrue(error.getMessage().toLowerCase().contains("error"), error.getMessage());
    }

    @Test
    void a_broker_with_users_refuses_anonymous_peers_and_accepts_the_right_password() {
        try (Mosquitto secured = Mosquitto.builder().user("desk", "s3cret").start()) {
            Peer.Result anonymous = Peer.start(secured.command("mosquitto_pub", "-t", "x", "-m", "y")).awaitExit();
            assertNotEquals(0, anonymous.exitCode(), anonymous.toString());
            Peer.Result wrong = Peer.start(secured.command("mosquitto_pub", "-t", "x", "-m", "y",
                    "-u", "desk", "-P", "wrong")).awaitExit();
            assertNotEquals(0, wrong.exitCode(), wrong.toString());
            secured.pub("-t", "x", "-m", "y", "-u", "desk", "-P", "s3cret");
        }
    }

    @Test
    void a_stopped_broker_starts_again_on_the_same_ports() {
        try (Mosquitto m = Mosquitto.builder().webSockets().start()) {
            int tcp = m.tcpPort();
            m.stop();
            assertFalse(m.isRunning());
            assertThrows(IllegalStateException.class, () -> m.pub("-t", "x", "-m", "down"));
            m.start();
            assertEquals(tcp, m.tcpPort());
            m.pub("-t", "x", "-m", "up again");
        }
    }

    @Test
    void the_raw_http_server_answers_with_its_status_and_records_the_request() throws Exception {
        try (RawHttpServer http = RawHttpServer.answering("404 Not Found");
             Socket s = new Socket(InetAddress.getLoopbackAddress(), http.port())) {
            OutputStream out = s.getOutputStream();
            out.write("GET /mqtt HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            var in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
            assertEquals("HTTP/1.1 404 Not Found", in.readLine());
            assertEquals(List.of("GET /mqtt HTTP/1.1"), http.requestLines());
        }
    }
}
