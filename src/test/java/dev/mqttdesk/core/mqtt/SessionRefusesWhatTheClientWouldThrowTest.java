package dev.mqttdesk.core.mqtt;

import dev.mqttdesk.core.i18n.InvalidInputException;
import dev.mqttdesk.core.topic.Topics;
import dev.mqttdesk.core.url.Transport;
import dev.mqttdesk.testing.Mosquitto;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the HiveMQ client's builders would throw (and print as a stack trace) is refused first,
 * with a sentence, and nothing changes state.
 */
class SessionRefusesWhatTheClientWouldThrowTest {

    static Mosquitto broker;

    @BeforeAll
    static void start() {
        broker = Mosquitto.startTcp();
    }

    @AfterAll
    static void stop() {
        broker.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "$share/g, error.topic.share.noFilter",
            "$share/g/, error.topic.share.noFilter",
            "$share/+/t, error.topic.share.name",
            "$share/#, error.topic.share.name",
            "$share//t, error.topic.share.name",
            "$share, error.topic.share.incomplete",
            "$share/g/a/#/b, error.topic.hashPlacement"})
    void an_invalid_shared_subscription_is_refused_with_a_reason_and_nothing_is_sent(String filter, String key)
            throws Exception {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Topics.requireFilter(filter));
        assertEquals(key, e.text().key());
        assertTrue(!e.text().resolve().isBlank());

        SessionProbe probe = new SessionProbe();
        probe.connect(ConnectionSettings.defaults(broker.url(Transport.TCP)));
        CompletableFuture<Void> f = probe.session.subscribe(filter, 1);
        ExecutionException failed = assertThrows(ExecutionException.class, () -> f.get(10, TimeUnit.SECONDS));
        assertEquals(key, assertInstanceOf(MqttActionException.class, failed.getCause()).text().key());
        assertEquals(SessionState.CONNECTED, probe.session.state());
        // Still working: a valid shared subscription is granted.
        probe.session.subscribe("$share/g/t/#", 1).get(10, TimeUnit.SECONDS);
        probe.close();
    }

    private static ConnectionSettings with(String clientId, String user, String password) {
        ConnectionSettings d = ConnectionSettings.defaults(broker.url(Transport.TCP));
        return new ConnectionSettings(d.url(), d.version(), clientId, user, password, d.keepAliveSeconds(), d.cleanStart(),
                d.connectTimeoutSeconds(), d.reconnectPeriodMillis(), d.resubscribe(), d.tls());
    }

    @Test
    void a_user_name_or_password_over_65535_bytes_is_refused_before_anything_changes() {
        String tooLong = "é".repeat(32_768); // 65,536 bytes in UTF-8
        assertEquals("error.password.tooLong",
                assertThrows(InvalidInputException.class, () -> with("id", "user", tooLong)).text().key());
        assertEquals("error.username.tooLong",
                assertThrows(InvalidInputException.class, () -> with("id", tooLong, null)).text().key());
        assertEquals("error.clientId.tooLong",
                assertThrows(InvalidInputException.class, () -> with(tooLong, null, null)).text().key());
        // At the limit they are fine.
        with("id", "é".repeat(32_767) + "a", "é".repeat(32_767) + "a");
    }

    @Test
    void a_reconnect_period_under_100_ms_is_refused_but_0_turns_reconnecting_off() {
        ConnectionSettings d = ConnectionSettings.defaults(broker.url(Transport.TCP));
        assertEquals("error.reconnectPeriod.range",
                assertThrows(InvalidInputException.class, () -> d.withReconnectPeriod(99)).text().key());
        assertEquals(0, d.withReconnectPeriod(0).reconnectPeriodMillis());
        assertEquals(100, d.withReconnectPeriod(100).reconnectPeriodMillis());
    }

    @Test
    void a_ca_file_is_read_only_for_a_secure_transport() throws Exception {
        SessionProbe probe = new SessionProbe();
        probe.connect(ConnectionSettings.defaults(broker.url(Transport.TCP))
                .withTls(new TlsOptions(java.nio.file.Path.of("/nonexistent/ca.pem"), false)));
        assertEquals(SessionState.CONNECTED, probe.session.state());
        probe.close();
    }
}
