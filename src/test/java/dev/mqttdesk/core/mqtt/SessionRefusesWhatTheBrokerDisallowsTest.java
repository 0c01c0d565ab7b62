package dev.mqttdesk.core.mqtt;

import dev.mqttdesk.core.i18n.Text;
import dev.mqttdesk.core.url.BrokerUrl;
import dev.mqttdesk.core.url.Transport;
import dev.mqttdesk.testing.GatekeeperHiveMq;
import dev.mqttdesk.testing.Mosquitto;
import dev.mqttdesk.testing.Peer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * What a broker said in its CONNACK it does not take is refused before it is sent, in words. The HiveMQ
 * client 1.3 sends it anyway, and both brokers then end the connection (mosquitto: RETAIN_NOT_SUPPORTED;
 * HiveMQ CE: QOS_NOT_SUPPORTED, WILDCARD_SUBSCRIPTIONS_NOT_SUPPORTED, SHARED_SUBSCRIPTIONS_NOT_SUPPORTED).
 */
class SessionRefusesWhatTheBrokerDisallowsTest {

    static Mosquitto mosquitto;
    static GatekeeperHiveMq hivemq;

    @BeforeAll
    static void start() {
        mosquitto = Mosquitto.builder().configLine("retain_available false").listenerLine("max_qos 1").start();
        hivemq = GatekeeperHiveMq.start("""
                <mqtt>
                  <wildcard-subscriptions><enabled>false</enabled></wildcard-subscriptions>
                  <shared-subscriptions><enabled>false</enabled></shared-subscriptions>
                </mqtt>""");
    }

    @AfterAll
    static void stop() {
        mosquitto.close();
        hivemq.close();
    }

    private static Text refusal(CompletableFuture<Void> action) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> action.get(10, TimeUnit.SECONDS));
        return assertInstanceOf(MqttActionException.class, e.getCause()).text();
    }

    private static String words(Text t) {
        String s = t.resolve();
        assertFalse(s.isBlank() || s.contains("Exception") || s.contains("error."), s);
        return s;
    }

    @Test
    void on_mosquitto_without_retain_and_qos_2_a_retained_or_qos_2_publish_is_refused_and_the_connection_stays() throws Exception {
        SessionProbe probe = new SessionProbe();
        probe.connect(ConnectionSettings.defaults(mosquitto.url(Transport.TCP)).withReconnectPeriod(0));
        ConnAck ack = probe.awaitState(SessionState.CONNECTED).connAck();
        assertEquals(false, ack.retainAvailable());
        assertEquals(1, ack.maximumQos());
        String topic = "desk/limits/" + System.nanoTime();
        try (Peer sub = mosquitto.sub("-V", "5", "-q", "1", "-t", topic).awaitSubscribed()) {
            Text retained = refusal(probe.session.publish(topic, 0, true, bytes("retained")));
            assertEquals(Text.of("error.broker.retainUnavailable"), retained);
            words(retained);
            Text qos2 = refusal(probe.session.publish(topic, 2, false, bytes("qos 2")));
            assertEquals(Text.of("error.broker.qosAboveMaximum", "2", "1"), qos2);
            words(qos2);
            // Nothing went out and the broker kept us: the next allowed message is the first the peer sees.
            probe.session.publish(topic, 1, false, bytes("marker")).get(10, TimeUnit.SECONDS);
            sub.awaitMessage(m -> m.payload().equals("marker"));
            assertEquals(java.util.List.of(new Peer.Received(topic, 1, false, "marker")), sub.messages());
            assertEquals(SessionState.CONNECTED, probe.session.state());
        }
        probe.close();
    }

    @Test
    void on_hivemq_without_wildcards_and_shared_subscriptions_those_are_refused_and_the_connection_stays() throws Exception {
        SessionProbe probe = new SessionProbe();
        probe.connect(ConnectionSettings.defaults(BrokerUrl.parse(hivemq.tcpUrl())).withReconnectPeriod(0));
        ConnAck ack = probe.awaitState(SessionState.CONNECTED).connAck();
        assertEquals(false, ack.wildcardSubscriptionAvailable());
        assertEquals(false, ack.sharedSubscriptionAvailable());
        for (String filter : new String[]{"a/#", "a/+/b", "#"}) {
            Text why = refusal(probe.session.subscribe(filter, 1));
            assertEquals(Text.of("error.broker.wildcardUnavailable"), why, filter);
            words(why);
        }
        Text shared = refusal(probe.session.subscribe("$share/g/a/b", 1));
        assertEquals(Text.of("error.broker.sharedUnavailable"), shared);
        words(shared);
        // Still connected, and a plain filter is granted: it is the only subscription.
        probe.session.subscribe("a/b", 1).get(10, TimeUnit.SECONDS);
        SessionEvent last = probe.awaitEvent(e -> e.subscriptions().size() == 1);
        assertEquals("a/b", last.subscriptions().get(0).filter());
        assertEquals(SessionState.CONNECTED, probe.session.state());
        probe.close();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
