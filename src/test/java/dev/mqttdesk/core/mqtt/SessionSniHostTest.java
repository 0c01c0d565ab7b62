package dev.mqttdesk.core.mqtt;

import dev.mqttdesk.core.i18n.InvalidInputException;
import dev.mqttdesk.core.i18n.Text;
import dev.mqttdesk.core.tls.PresentedCertificate;
import dev.mqttdesk.core.tls.TlsInspection;
import dev.mqttdesk.core.url.BrokerUrl;
import dev.mqttdesk.core.url.Transport;
import dev.mqttdesk.testing.Mosquitto;
import dev.mqttdesk.testing.Peer;
import dev.mqttdesk.testing.TestPki;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The SNI host override: the socket goes to the URL's host, SNI and the certificate check use the SNI name.
 * Real peers: mosquitto presenting a certificate only for {@code wrong.example} on 127.0.0.1, and
 * {@code openssl s_server -servername wrong.example -servername_fatal}, which refuses any other SNI.
 */
class SessionSniHostTest {

    static TestPki pki;
    static Mosquitto mosquitto;

    @BeforeAll
    static void start() {
        pki = TestPki.shared();
        mosquitto = Mosquitto.builder().listener("wrong-host", Mosquitto.Kind.TLS, pki.wrongHost()).start();
    }

    @AfterAll
    static void stop() {
        mosquitto.close();
    }

    private static TlsOptions trust(String sniHost) {
        return new TlsOptions(pki.caCert(), false, null, null, null, TlsOptions.Versions.BOTH, sniHost);
    }

    private static MqttActionException failure(SessionProbe probe, ConnectionSettings s) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> probe.session.connect(s).get(30, TimeUnit.SECONDS));
        return assertInstanceOf(MqttActionException.class, e.getCause());
    }

    @Test
    void with_the_sni_host_a_certificate_for_that_name_is_accepted_on_an_ip_and_without_it_refused() throws Exception {
        BrokerUrl url = mosquitto.url("wrong-host", "127.0.0.1");
        ConnectionSettings plain = ConnectionSettings.defaults(url).withReconnectPeriod(0).withConnectTimeout(10);

        SessionProbe refused = new SessionProbe();
        MqttActionException e = failure(refused, plain.withTls(trust(null)));
        assertEquals(Text.of("error.tls", Text.of("tls.reason.wrongHost", "127.0.0.1")), e.text());

        // A name the certificate does not list is the one the refusal names.
        MqttActionException other = failure(new SessionProbe(), plain.withTls(trust("elsewhere.example")));
        assertEquals(Text.of("error.tls", Text.of("tls.reason.wrongHost", "elsewhere.example")), other.text());

        SessionProbe probe = new SessionProbe();
        probe.connect(plain.withTls(trust(TestPki.WRONG_HOST)));
        TlsInspection seen = probe.session.tlsInspection().orElseThrow();
        assertEquals(TestPki.WRONG_HOST, seen.host());
        assertTrue(seen.hostMatched(), seen.toString());
        probe.close();
    }

    @Test
    void the_sni_name_reaches_the_server_and_a_server_that_wants_another_refuses_the_handshake() throws Exception {
        int port = Mosquitto.freePort();
        TestPki.ServerCert other = pki.good();
        TestPki.ServerCert named = pki.wrongHost();
        try (Peer server = Peer.start(List.of("openssl", "s_server", "-accept", "127.0.0.1:" + port,
                "-cert", other.cert().toString(), "-key", other.key().toString(),
                "-cert2", named.cert().toString(), "-key2", named.key().toString(),
                "-servername", TestPki.WRONG_HOST, "-servername_fatal"))) {
            server.awaitLine(l -> l.contains("ACCEPT"));
            ConnectionSettings s = ConnectionSettings.defaults(BrokerUrl.of(Transport.TLS, "127.0.0.1", port))
                    .withReconnectPeriod(0).withConnectTimeout(3);

            // s_server speaks no MQTT: the handshake completes with the certificate for the SNI name (it switches
            // to -cert2), our CONNECT arrives, and no CONNACK comes.
            SessionProbe probe = new SessionProbe();
            failure(probe, s.withTls(trust(TestPki.WRONG_HOST)));
            server.awaitLine(l -> l.contains("Hostname in TLS extension: \"" + TestPki.WRONG_HOST + "\""));
            server.awaitLine(l -> l.contains("Switching server context"));
            TlsInspection seen = probe.session.tlsInspection().orElseThrow();
            PresentedCertificate leaf = seen.certificates().get(0);
            assertTrue(leaf.subjectAltNames().contains("DNS:" + TestPki.WRONG_HOST), leaf.toString());

            SessionProbe wrong = new SessionProbe();
            MqttActionException e = failure(wrong, s.withTls(trust("elsewhere.example")));
            assertEquals("error.tls", e.text().key(), e.text().toString());
            // s_server's SNI callback refused the name (OpenSSL: "final_server_name:callback failed").
            server.awaitLine(l -> l.contains("final_server_name"));
        }
    }

    @Test
    void an_sni_host_must_be_a_host_name_and_cannot_go_through_a_proxy() {
        for (String bad : List.of("127.0.0.1", "::1", "two words", "a..b", "-x.example")) {
            assertEquals("error.sniHost", assertThrows(InvalidInputException.class, () -> trust(bad)).text().key(), bad);
        }
        ConnectionSettings s = ConnectionSettings.defaults(BrokerUrl.of(Transport.TLS, "127.0.0.1", 8883));
        assertEquals("error.sniHost.proxy", assertThrows(InvalidInputException.class,
                () -> s.withTls(trust("a.example")).withProxy(new ProxyOptions(ProxyOptions.Type.HTTP, "127.0.0.1", 3128, null, null)))
                .text().key());
    }
}
