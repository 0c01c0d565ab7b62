package dev.mqttdesk.core.mqtt;

import dev.mqttdesk.core.i18n.Text;
import dev.mqttdesk.core.message.UserProperty;
import dev.mqttdesk.core.url.BrokerUrl;
import dev.mqttdesk.testing.GatekeeperHiveMq;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A CONNACK reason string and CONNACK user properties from a real broker (HiveMQ CE with a test extension;
 * mosquitto and the plain built-in broker send neither), in the session's refusal and in the panel's fields.
 */
class ConnAckFromExtendedHiveMqTest {

    static GatekeeperHiveMq broker;

    @BeforeAll
    static void start() {
        broker = GatekeeperHiveMq.start();
    }

    @AfterAll
    static void stop() {
        broker.close();
    }

    private static ConnectionSettings settings() {
        return ConnectionSettings.defaults(BrokerUrl.parse(broker.tcpUrl())).withReconnectPeriod(0);
    }

    @Test
    void a_refusal_says_the_brokers_reason_string_in_words_and_the_connack_keeps_it() throws Exception {
        SessionProbe probe = new SessionProbe();
        var error = assertThrows(ExecutionException.class, () -> probe.session
                .connect(settings().withCredentials(GatekeeperHiveMq.REFUSED_USER, "pw")).get(30, TimeUnit.SECONDS));
        Text why = assertInstanceOf(MqttActionException.class, error.getCause()).text();
        assertEquals("error.connack", why.key(), why.toString());
        assertEquals(Text.of("connack.reason.NOT_AUTHORIZED"), ((Text) why.args()[0]).args()[0], why.toString());
        assertEquals(Text.of("reason.string", GatekeeperHiveMq.REASON), why.args()[1], why.toString());
        String words = why.resolve();
        assertTrue(words.contains("\"" + GatekeeperHiveMq.REASON + "\""), words);
        assertTrue(!words.contains("Exception") && !words.contains("reason."), "words, not a class or a key: " + words);

        SessionEvent down = probe.awaitState(SessionState.DISCONNECTED);
        assertEquals(why, down.detail());
        ConnAck ack = down.connAck();
        assertTrue(ack.refused());
        assertEquals("NOT_AUTHORIZED", ack.reasonCode());
        assertEquals(GatekeeperHiveMq.REASON, ack.reasonString());
        assertTrue(ack.fields().contains(new ConnAck.Field("connack.field.reasonString",
                Text.of("connack.value.text", GatekeeperHiveMq.REASON))), ack.fields().toString());
    }

    @Test
    void an_accepted_connack_carries_the_brokers_user_properties_and_no_reason_string() throws Exception {
        SessionProbe probe = new SessionProbe();
        probe.connect(settings().withCredentials("guest", "pw"));
        ConnAck ack = probe.awaitState(SessionState.CONNECTED).connAck();
        assertEquals("SUCCESS", ack.reasonCode());
        assertNull(ack.reasonString());
        assertEquals(List.of(new UserProperty(GatekeeperHiveMq.USER_PROPERTY, GatekeeperHiveMq.USER_VALUE)), ack.userProperties());
        assertTrue(ack.fields().contains(new ConnAck.Field("connack.field.userProperty", Text.of("connack.value.userProperty",
                GatekeeperHiveMq.USER_PROPERTY, GatekeeperHiveMq.USER_VALUE))), ack.fields().toString());
        probe.close();
    }
}
