package dev.mqttdesk.core.mqtt;

import dev.mqttdesk.broker.LocalBroker;
import dev.mqttdesk.core.log.Direction;
import dev.mqttdesk.core.log.Message;
import dev.mqttdesk.core.url.BrokerUrl;
import dev.mqttdesk.core.url.Transport;
import dev.mqttdesk.testing.Mosquitto;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * MQTT 5's subscribe options do what they say on mosquitto and on the built-in broker (HiveMQ CE).
 * Each check that something does not arrive waits for a marker published after it.
 */
class SubscribeOptionsOnBrokersTest {

    static Mosquitto mosquitto;
    static LocalBroker local;

    @BeforeAll
    static void start() {
        mosquitto = Mosquitto.startTcp();
        local = LocalBroker.start(0, 0);
    }

    @AfterAll
    static void stop() {
        mosquitto.close();
        local.close();
    }

    private static BrokerUrl url(String broker) {
        return broker.equals("mosquitto") ? mosquitto.url(Transport.TCP) : BrokerUrl.parse(local.tcpUrl());
    }

    private static SessionProbe connected(String broker) throws Exception {
        SessionProbe p = new SessionProbe();
        p.connect(ConnectionSettings.defaults(url(broker)));
        return p;
    }

    private static void publish(SessionProbe p, String topic, String payload, boolean retain) throws Exception {
        p.session.publish(topic, 1, retain, payload.getBytes(StandardCharsets.UTF_8)).get(20, TimeUnit.SECONDS);
    }

    private static List<String> received(SessionProbe p, String topic) {
        List<String> out = new ArrayList<>();
        for (Message m : p.messages) {
            if (m.direction() == Direction.RECEIVED && m.topic().equals(topic)) {
                out.add(m.payloadText());
            }
        }
        return out;
    }

    private static Message awaitReceived(SessionProbe p, String topic, String payload) throws InterruptedException {
        return p.awaitMessage(m -> m.direction() == Direction.RECEIVED && m.topic().equals(topic)
                && m.payloadText().equals(payload));
    }

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"mosquitto", "built-in"})
    void no_local_keeps_our_own_publishes_from_coming_back(String broker) throws Exception {
        String topic = "nl/" + broker;
        SessionProbe us = connected(broker);
        SessionProbe other = connected(broker);
        us.session.subscribe(topic, new SubscribeOptions(1, true, false, 0)).get(20, TimeUnit.SECONDS);
        publish(us, topic, "own", false);
        publish(other, topic, "marker", false);
        awaitReceived(us, topic, "marker");
        assertEquals(List.of("marker"), received(us, topic), "our own message did not come back");

        // The same without no local: our own message comes back (what the seeds warned of).
        String plain = topic + "/plain";
        us.session.subscribe(plain, new SubscribeOptions(1, false, false, 0)).get(20, TimeUnit.SECONDS);
        publish(us, plain, "own", false);
        awaitReceived(us, plain, "own");
        us.close();
        other.close();
    }

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"mosquitto", "built-in"})
    void retain_handling_0_sends_the_retained_message_1_only_for_a_new_subscription_2_never(String broker)
            throws Exception {
        String topic = "rh/" + broker;
        SessionProbe other = connected(broker);
        publish(other, topic, "kept", true);

        SessionProbe h2 = connected(broker);
        h2.session.subscribe(topic, new SubscribeOptions(1, false, false, 2)).get(20, TimeUnit.SECONDS);
        SessionProbe h1 = connected(broker);
        h1.session.subscribe(topic, new SubscribeOptions(1, false, false, 1)).get(20, TimeUnit.SECONDS);
        awaitReceived(h1, topic, "kept");
        // Subscribing again to what it already has: with 1, no retained message this time.
        h1.session.subscribe(topic, new SubscribeOptions(1, false, false, 1)).get(20, TimeUnit.SECONDS);
        SessionProbe h0 = connected(broker);
        h0.session.subscribe(topic, new SubscribeOptions(1, false, false, 0)).get(20, TimeUnit.SECONDS);
        Message firstKept = awaitReceived(h0, topic, "kept");
        h0.session.subscribe(topic, new SubscribeOptions(1, false, false, 0)).get(20, TimeUnit.SECONDS);
        // The retained copy may follow the SUBACK; the marker, from another client, may overtake it (seen on the
        // built-in broker). Wait for the second copy before sending the marker, so the order below is defined.
        h0.awaitMessage(m -> m != firstKept && m.direction() == Direction.RECEIVED && m.topic().equals(topic)
                && m.payloadText().equals("kept"));

        publish(other, topic, "marker", false);
        awaitReceived(h2, topic, "marker");
        awaitReceived(h1, topic, "marker");
        h0.awaitMessage(m -> m.payloadText().equals("marker"));
        assertEquals(List.of("marker"), received(h2, topic), "2: never the retained message");
        assertEquals(List.of("kept", "marker"), received(h1, topic), "1: only for the new subscription");
        assertEquals(List.of("kept", "kept", "marker"), received(h0, topic), "0: on every subscribe");
        publish(other, topic, "", true); // clears the retained message
        for (SessionProbe p : List.of(other, h0, h1, h2)) {
            p.close();
        }
    }

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"mosquitto", "built-in"})
    void retain_as_published_keeps_the_retain_flag_of_a_forwarded_message(String broker) throws Exception {
        String topic = "rap/" + broker;
        SessionProbe asPublished = connected(broker);
        asPublished.session.subscribe(topic, new SubscribeOptions(1, false, true, 0)).get(20, TimeUnit.SECONDS);
        SessionProbe plain = connected(broker);
        plain.session.subscribe(topic, new SubscribeOptions(1, false, false, 0)).get(20, TimeUnit.SECONDS);
        SessionProbe other = connected(broker);
        publish(other, topic, "live", true);

        assertTrue(awaitReceived(asPublished, topic, "live").retain(), "retain as published: the flag stays");
        assertFalse(awaitReceived(plain, topic, "live").retain(), "otherwise a live message arrives without it");
        publish(other, topic, "", true);
        for (SessionProbe p : List.of(other, asPublished, plain)) {
            p.close();
        }
    }

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"mosquitto", "built-in"})
    void a_shared_subscription_hands_each_message_to_one_member_of_the_group(String broker) throws Exception {
        String topic = "sh/" + broker;
        SessionProbe a = connected(broker);
        SessionProbe b = connected(broker);
        a.session.subscribe("$share/desk/" + topic, 1).get(20, TimeUnit.SECONDS);
        b.session.subscribe("$share/desk/" + topic, 1).get(20, TimeUnit.SECONDS);
        SessionProbe other = connected(broker);
        int count = 20;
        for (int i = 0; i < count; i++) {
            publish(other, topic, "m" + i, false);
        }
        Set<String> all = new TreeSet<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (all.size() < count && System.nanoTime() < deadline) {
            all.clear();
            all.addAll(received(a, topic));
            all.addAll(received(b, topic));
            Thread.sleep(20);
        }
        assertEquals(count, all.size(), "every message reached the group");
        assertEquals(count, received(a, topic).size() + received(b, topic).size(), "each message once: " + all);
        for (SessionProbe p : List.of(a, b, other)) {
            p.close();
        }
    }

    @Test
    void no_local_on_a_shared_subscription_is_refused_in_words_before_anything_is_sent() throws Exception {
        SessionProbe p = connected("mosquitto");
        ExecutionException e = assertThrows(ExecutionException.class, () -> p.session
                .subscribe("$share/g/t", new SubscribeOptions(1, true, false, 0)).get(20, TimeUnit.SECONDS));
        assertEquals("error.noLocalShared", assertInstanceOf(MqttActionException.class, e.getCause()).text().key());
        assertEquals(SessionState.CONNECTED, p.session.state());
        assertTrue(p.session.subscriptions().isEmpty());
        p.close();
    }
}
