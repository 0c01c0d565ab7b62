package dev.mqttdesk.core.mqtt;

import dev.mqttdesk.core.i18n.Messages;
import dev.mqttdesk.core.i18n.Text;
import dev.mqttdesk.core.url.BrokerUrl;
import dev.mqttdesk.core.url.Transport;
import dev.mqttdesk.testing.Mosquitto;
import dev.mqttdesk.testing.RawHttpServer;
import dev.mqttdesk.testing.TestPki;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a user reads when a connection to a real mosquitto, or to nothing, fails; and that the fix works. */
class SessionOnMosquittoFailuresTest {

    static TestPki pki;
    static Mosquitto broker;
    static Mosquitto secured;

    @BeforeAll
    static void start() {
        pki = TestPki.shared();
        broker = Mosquitto.builder()
                .tls(pki.good())
                .wss(pki.good())
                .listener("self-signed", Mosquitto.Kind.TLS, pki.selfSigned())
                .listener("expired", Mosquitto.Kind.TLS, pki.expired())
                .listener("wrong-host", Mosquitto.Kind.TLS, pki.wrongHost())
                .start();
        secured = Mosquitto.builder().user("desk", "s3cret").start();
    }

    @AfterAll
    static void stop() {
        if (broker != null) {
            broker.close();
        }
        if (secured != null) {
            secured.close();
        }
    }

    private static TlsOptions trustTestCa() {
        return new TlsOptions(pki.caCert(), false);
    }

    /** Connects, expects it to fail, and returns why; the session is then idle. */
    private static Text refusal(ConnectionSettings settings) throws Exception {
        SessionProbe probe = new SessionProbe();
        var error = assertThrows(ExecutionException.class,
                () -> probe.session.connect(settings.withConnectTimeout(10)).get(30, TimeUnit.SECONDS));
        Text why = assertInstanceOf(MqttActionException.class, error.getCause()).text();
        assertEquals(SessionState.DISCONNECTED, probe.session.state());
        assertEquals(why, probe.awaitState(SessionState.DISCONNECTED).detail(), "the state change says why, too");
        return why;
    }

    private static void connects(ConnectionSettings settings) throws Exception {
        SessionProbe probe = new SessionProbe();
        probe.connect(settings);
        probe.close();
    }

    // ------------------------------------------------------------------ TLS

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Transport.class, names = {"TLS", "WEBSOCKET_TLS"})
    void a_certificate_signed_by_the_ca_file_is_trusted_by_ip_and_by_name(Transport t) throws Exception {
        connects(ConnectionSettings.defaults(broker.url(t)).withTls(trustTestCa()));
        Mosquitto.Listener l = broker.listener(t);
        connects(ConnectionSettings.defaults(BrokerUrl.of(t, "localhost", l.port())).withTls(trustTestCa()));
    }

    @Test
    void without_the_ca_file_the_test_ca_is_not_trusted() throws Exception {
        Text why = refusal(ConnectionSettings.defaults(broker.url(Transport.TLS)).withTls(TlsOptions.SYSTEM));
        assertEquals(Text.of("error.tls", Text.of("tls.reason.untrusted")), why);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(MqttVersion.class)
    void a_self_signed_certificate_fails_the_handshake_and_works_with_verification_off(MqttVersion v) throws Exception {
        BrokerUrl url = broker.url("self-signed", "127.0.0.1");
        Text why = refusal(ConnectionSettings.defaults(url).withVersion(v).withTls(trustTestCa()));
        assertEquals(Text.of("error.tls", Text.of("tls.reason.untrusted")), why);
        connects(ConnectionSettings.defaults(url).withVersion(v).withTls(new TlsOptions(null, true)));
    }

    @Test
    void an_expired_certificate_fails_the_handshake() throws Exception {
        Text why = refusal(ConnectionSettings.defaults(broker.url("expired", "127.0.0.1")).withTls(trustTestCa()));
        assertEquals("error.tls", why.key(), why.toString());
        Text reason = assertInstanceOf(Text.class, why.args()[0], why.toString());
        assertEquals("tls.reason.expired", reason.key(), why.toString());
        assertTrue(why.resolve().contains("2020"), "the date it expired: " + why.resolve());
    }

    @Test
    void a_certificate_for_another_host_fails_the_handshake_and_works_with_verification_off() throws Exception {
        for (String host : List.of("127.0.0.1", "localhost")) {
            BrokerUrl url = broker.url("wrong-host", host);
            Text why = refusal(ConnectionSettings.defaults(url).withTls(trustTestCa()));
            assertEquals(Text.of("error.tls", Text.of("tls.reason.wrongHost", host)), why);
            assertTrue(why.resolve().contains("\"" + host + "\""), why.resolve());
            connects(ConnectionSettings.defaults(url).withTls(new TlsOptions(null, true)));
        }
    }

    @Test
    void the_tls_reasons_are_in_both_bundles() {
        for (Locale locale : List.of(Locale.ROOT, Locale.SIMPLIFIED_CHINESE)) {
            ResourceBundle bundle = ResourceBundle.getBundle(Messages.BUNDLE, locale,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            for (String key : List.of("tls.reason.expired", "tls.reason.untrusted", "tls.reason.wrongHost")) {
                assertTrue(bundle.containsKey(key), key + " in " + locale);
            }
        }
        assertTrue(ResourceBundle.getBundle(Messages.BUNDLE, Locale.SIMPLIFIED_CHINESE).getString("tls.reason.untrusted")
                .contains("证书"));
    }

    // ------------------------------------------------------------------ credentials

    @ParameterizedTest(name = "{0}")
    @EnumSource(MqttVersion.class)
    void a_wrong_password_is_refused_by_the_broker_with_its_reason(MqttVersion v) throws Exception {
        ConnectionSettings s = ConnectionSettings.defaults(secured.url(Transport.TCP)).withVersion(v);
        for (Text why : List.of(refusal(s.withCredentials("desk", "wrong")), refusal(s.withCredentials("nobody", "s3cret")),
                refusal(s))) {
            assertEquals("error.connack", why.key(), why.toString());
            // mosquitto 2.0 answers NOT_AUTHORIZED in both versions; other brokers say BAD_USER_NAME_OR_PASSWORD.
            Text reason = (Text) ((Text) why.args()[0]).args()[0];
            assertTrue(Set.of("connack.reason.NOT_AUTHORIZED", "connack.reason.BAD_USER_NAME_OR_PASSWORD").contains(reason.key()),
                    why.toString());
            assertEquals(Text.of("hint.credentials").resolve(), why.args()[2], "the hint points at the credentials");
            // In words with the code as sent: "not authorized (0x87)" (MQTT 5) or "(0x05)" (MQTT 3.1.1).
            assertTrue(why.resolve().contains(reason.resolve() + " (0x"), why.resolve());
        }
        connects(s.withCredentials("desk", "s3cret"));
    }

    // ------------------------------------------------------------------ nothing there

    @ParameterizedTest(name = "{0}")
    @EnumSource(MqttVersion.class)
    void a_refused_port_is_named_as_refused(MqttVersion v) throws Exception {
        BrokerUrl closed = BrokerUrl.of(Transport.TCP, "127.0.0.1", Mosquitto.freePort());
        Text why = refusal(ConnectionSettings.defaults(closed).withVersion(v));
        assertEquals(Text.of("error.refused", "127.0.0.1:" + closed.port()), why);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(MqttVersion.class)
    void an_unknown_host_is_named_as_unknown(MqttVersion v) throws Exception {
        BrokerUrl nowhere = BrokerUrl.of(Transport.TCP, "no-such-host.invalid", 1883);
        Text why = refusal(ConnectionSettings.defaults(nowhere).withVersion(v));
        assertEquals(Text.of("error.unknownHost", "no-such-host.invalid"), why);
    }

    @Test
    void a_websocket_path_answered_with_404_is_named_with_the_http_status() throws Exception {
        try (RawHttpServer http = RawHttpServer.answering("404 Not Found")) {
            BrokerUrl url = BrokerUrl.parse("ws://127.0.0.1:" + http.port() + "/mqtt");
            Text why = refusal(ConnectionSettings.defaults(url));
            assertEquals("error.websocketHandshake", why.key(), why.toString());
            assertTrue(why.resolve().contains("404"), why.resolve());
            assertTrue(why.resolve().contains("/mqtt"), why.resolve());
            assertTrue(http.requestLines().contains("GET /mqtt HTTP/1.1"), http.requestLines().toString());
        }
    }
}
