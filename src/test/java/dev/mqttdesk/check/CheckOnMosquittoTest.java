package dev.mqttdesk.check;

import dev.mqttdesk.testing.Mosquitto;
import dev.mqttdesk.testing.RawHttpServer;
import dev.mqttdesk.testing.TestPki;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.mqttdesk.check.CheckId.*;
import static dev.mqttdesk.check.CheckStatus.*;
import static dev.mqttdesk.check.Checks.assertStatuses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The check against real mosquitto listeners on loopback: WebSocket behind TLS with certificates from
 * a test CA (good, self-signed, expired, wrong host), plain ws, and a web server that answers 404.
 */
class CheckOnMosquittoTest {

    static final String DOMAIN = "broker.mqttdesk.test";
    static TestPki pki;
    static Mosquitto mosquitto;

    @BeforeAll
    static void start() throws Exception {
        pki = TestPki.shared();
        TestPki.ServerCert domain = DomainCert.issue(pki, DOMAIN);
        mosquitto = Mosquitto.builder()
                .webSockets()
                .listener("good", Mosquitto.Kind.WSS, pki.good())
                .listener("domain", Mosquitto.Kind.WSS, domain)
                .listener("selfsigned", Mosquitto.Kind.WSS, pki.selfSigned())
                .listener("expired", Mosquitto.Kind.WSS, pki.expired())
                .listener("wronghost", Mosquitto.Kind.WSS, pki.wrongHost())
                .start();
    }

    @AfterAll
    static void stop() {
        if (mosquitto != null) {
            mosquitto.close();
        }
    }

    private static String wss(String host, String listener) {
        return "wss://" + host + ":" + mosquitto.port(listener) + "/mqtt";
    }

    private static CheckOptions trustingTheTestCa() {
        return Checks.quick().withCaFile(pki.caCert());
    }

    private static CheckOptions withDomainOnLoopback(CheckOptions options) {
        return options.withResolver(HostResolver.withOverrides(Map.of(DOMAIN, "127.0.0.1")));
    }

    @Test
    void a_good_certificate_from_the_given_ca_passes_every_network_step_and_only_the_port_warns() {
        CheckReport report = Checks.run("wxs://" + DOMAIN + ":" + mosquitto.port("domain") + "/mqtt",
                withDomainOnLoopback(trustingTheTestCa()));
        assertStatuses("scheme=pass port=warn domain=pass icp=skip dns=pass tcp=pass tls=pass websocket=pass mqtt=pass "
                + "roundtrip=pass library=pass", report);
        assertEquals(WARN, report.verdict());
        StepResult tls = report.step(TLS).orElseThrow();
        assertEquals("check.tls.okThroughCaFile", tls.detail().key(), "the report says the CA file made the difference");
        assertTrue(tls.detail().resolve().contains(pki.caCert().toString()), tls.detail().resolve());
        assertEquals(false, tls.data().get("trustedBySystem"));
        @SuppressWarnings("unchecked")
        Map<String, Object> cert = (Map<String, Object>) tls.data().get("certificate");
        assertEquals(List.of("DNS:" + DOMAIN), cert.get("subjectAltNames"));
        assertTrue(String.valueOf(cert.get("issuer")).contains("MQTT Desk Test CA"), cert.toString());
        assertTrue(String.valueOf(tls.data().get("protocol")).matches("TLSv1\\.[23]"), tls.data().toString());
        assertEquals(pki.caCert(), report.caFile());
        Checks.assertAllWordsInBundle(report);
    }

    @Test
    void a_good_certificate_on_localhost_passes_tls_but_localhost_fails_the_domain_rule() {
        CheckReport report = Checks.run(wss("localhost", "good"), trustingTheTestCa());
        assertStatuses("scheme=pass port=warn domain=fail dns=pass tcp=pass tls=pass websocket=pass mqtt=pass roundtrip=pass",
                report);
        assertEquals(FAIL, report.verdict());
    }

    @Test
    void a_certificate_from_a_ca_the_system_does_not_know_is_untrusted_without_the_ca_file() {
        CheckReport report = Checks.run(wss("localhost", "good"), Checks.quick());
        assertStatuses("tcp=pass tls=fail websocket=skip mqtt=skip roundtrip=skip", report);
        StepResult tls = report.step(TLS).orElseThrow();
        assertEquals(List.of("untrusted"), tls.data().get("problems"));
        assertTrue(tls.detail().resolve().contains("MQTT Desk Test CA"), "names the issuer: " + tls.detail().resolve());
    }

    @Test
    void a_self_signed_certificate_fails_tls_as_self_signed_even_with_the_ca_file() {
        CheckReport report = Checks.run(wss("localhost", "selfsigned"), trustingTheTestCa());
        assertStatuses("tcp=pass tls=fail websocket=skip mqtt=skip roundtrip=skip", report);
        StepResult tls = report.step(TLS).orElseThrow();
        assertEquals("check.tls.selfSigned", tls.detail().key());
        assertEquals(List.of("selfSigned"), tls.data().get("problems"));
        Checks.assertAllWordsInBundle(report);
    }

    @Test
    void an_expired_certificate_fails_tls_with_the_date_it_expired() {
        CheckReport report = Checks.run(wss("localhost", "expired"), trustingTheTestCa());
        assertStatuses("tcp=pass tls=fail websocket=skip mqtt=skip roundtrip=skip", report);
        StepResult tls = report.step(TLS).orElseThrow();
        assertEquals("check.tls.expired", tls.detail().key());
        assertTrue(tls.detail().resolve().contains("2020-01-02"), tls.detail().resolve());
        assertEquals(List.of("expired"), tls.data().get("problems"));
    }

    @Test
    void a_certificate_for_another_host_fails_tls_and_shows_the_names_it_has() {
        CheckReport report = Checks.run(wss("localhost", "wronghost"), trustingTheTestCa());
        assertStatuses("tcp=pass tls=fail websocket=skip mqtt=skip roundtrip=skip", report);
        StepResult tls = report.step(TLS).orElseThrow();
        assertEquals("check.tls.wrongHost", tls.detail().key());
        assertTrue(tls.detail().resolve().contains(TestPki.WRONG_HOST), tls.detail().resolve());
        assertEquals(List.of("wrongHost"), tls.data().get("problems"));
    }

    @Test
    void a_tls_port_asked_without_tls_is_named_as_not_speaking_tls_the_other_way_round() {
        CheckReport report = Checks.run("wss://127.0.0.1:" + mosquitto.port("ws") + "/mqtt", trustingTheTestCa());
        assertStatuses("tcp=pass tls=fail websocket=skip", report);
        assertEquals("check.tls.plaintext", report.step(TLS).orElseThrow().detail().key(),
                report.step(TLS).orElseThrow().detail().resolve());
    }

    @Test
    void plain_ws_on_mosquitto_fails_the_scheme_and_passes_the_upgrade_connect_and_round_trip() {
        CheckReport report = Checks.run("ws://127.0.0.1:" + mosquitto.port("ws") + "/mqtt", Checks.quick());
        assertStatuses("scheme=fail port=warn domain=fail dns=pass tcp=pass tls=skip websocket=pass mqtt=pass roundtrip=pass",
                report);
        assertEquals("check.scheme.plain", report.step(SCHEME).orElseThrow().detail().key());
    }

    @Test
    void a_server_answering_404_to_the_upgrade_fails_it_with_the_status_and_the_path_hint() {
        try (RawHttpServer http = RawHttpServer.answering("404 Not Found")) {
            CheckReport report = Checks.run("ws://127.0.0.1:" + http.port() + "/wrong", Checks.quick());
            assertStatuses("tcp=pass websocket=fail mqtt=skip roundtrip=skip", report);
            StepResult ws = report.step(WEBSOCKET).orElseThrow();
            assertEquals(404, ws.data().get("status"));
            assertTrue(ws.detail().resolve().contains("404"), ws.detail().resolve());
            assertTrue(ws.detail().resolve().contains("/wrong"), ws.detail().resolve());
            assertTrue(ws.fix().resolve().contains("/mqtt"), ws.fix().resolve());
            assertTrue(http.requestLines().contains("GET /wrong HTTP/1.1"), http.requestLines().toString());
        }
    }

    @Test
    void a_broker_that_wants_credentials_warns_at_connect_and_skips_the_round_trip() {
        try (Mosquitto locked = Mosquitto.builder().webSockets().user("device", "secret").start()) {
            CheckReport report = Checks.run("ws://127.0.0.1:" + locked.port("ws") + "/mqtt", Checks.quick());
            assertStatuses("websocket=pass mqtt=warn roundtrip=skip", report);
            StepResult mqtt = report.step(MQTT).orElseThrow();
            assertEquals("check.mqtt.needsCredentials", mqtt.detail().key());
            assertFalse(mqtt.fix().resolve().isBlank());
        }
    }
}
