package dev.mqttdesk.core.mqtt;

import dev.mqttdesk.core.log.Direction;
import dev.mqttdesk.core.log.Message;
import dev.mqttdesk.core.url.Transport;
import dev.mqttdesk.testing.Mosquitto;
import dev.mqttdesk.testing.Peer;
import dev.mqttdesk.testing.TestPki;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every action of a session against a real mosquitto, over every transport and both protocol
 * versions, with mosquitto_pub and mosquitto_sub as the peers on the other side.
 */
class SessionOnMosquittoTest {

    static final AtomicInteger SEQUENCE = new AtomicInteger();
    static TestPki pki;
    static Mosquitto broker;

    @BeforeAll
    static void start() {
        pki = TestPki.shared();
        broker = Mosquitto.builder().webSockets().tls(pki.good()).wss(pki.good()).start();
    }

    @AfterAll
    static void stop() {
        if (broker != null) {
            broker.close();
        }
    }

    static Stream<Arguments> transportsAndVersions() {
        return Stream.of(Transport.values()).flatMap(t -> Stream.of(MqttVersion.values()).map(v -> Arguments.of(t, v)));
    }

    static Stream<Arguments> versionsAndQos() {
        return Stream.of(MqttVersion.values()).flatMap(v -> Stream.of(0, 1, 2).map(q -> Arguments.of(v, q)));
    }

    /** Settings for a listener of the shared broker; TLS trusts the test CA. */
    static ConnectionSettings settings(Transport t, MqttVersion v) {
        ConnectionSettings s = ConnectionSettings.defaults(broker.url(t)).withVersion(v).withConnectTimeout(10);
        return t.secure() ? s.withTls(new TlsOptions(pki.caCert(), false)) : s;
    }

    /** mosquitto_pub / mosquitto_sub speak the same protocol version as the session under test. */
    static String peerVersion(MqttVersion v) {
        return v == MqttVersion.MQTT_5_0 ? "mqttv5" : "mqttv311";
    }

    /** A topic prefix no other test uses. */
    static String topicBase(Object... parts) {
        StringBuilder sb = new StringBuilder("desk");
        for (Object p : parts) {
            sb.append('/').append(p.toString().replace(' ', '_'));
        }
        return sb.append('/').append(SEQUENCE.incrementAndGet()).toString();
    }

    static List<Message> received(SessionProbe probe) {
        return probe.messages.stream().filter(m -> m.direction() == Direction.RECEIVED).toList();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("transportsAndVersions")
    void every_action_works_against_mosquitto(Transport t, MqttVersion v) throws Exception {
        String base = topicBase(t, v);
        String pv = peerVersion(v);
        SessionProbe probe = new SessionProbe();
        ConnectionSettings settings = settings(t, v);

        // connect
        probe.connect(settings);
        assertEquals(SessionState.CONNECTED, probe.session.state());
        broker.awaitLog(l -> l.contains("as " + settings.clientId()));

        // subscribe, and receive what mosquitto_pub sends
        probe.session.subscribe(base + "/in/#", 1).get(10, TimeUnit.SECONDS);
        probe.session.subscribe(base + "/sentinel", 1).get(10, TimeUnit.SECONDS);
        broker.pub("-V", pv, "-q", "1", "-t", base + "/in/x", "-m", "from mosquitto_pub 你好");
        Message in = probe.awaitMessage(m -> m.direction() == Direction.RECEIVED && m.topic().equals(base + "/in/x"));
        assertEquals("from mosquitto_pub 你好", in.payloadText());
        assertEquals(1, in.qos());
        assertFalse(in.retain());

        // publish, and mosquitto_sub receives it
        try (Peer sub = broker.sub("-V", pv, "-q", "2", "-t", base + "/out", "-C", "1", "-W", "20")) {
            sub.awaitSubscribed();
            probe.session.publish(base + "/out", 1, false, "from MQTT Desk 你好".getBytes(StandardCharsets.UTF_8))
                    .get(10, TimeUnit.SECONDS);
            assertEquals(new Peer.Received(base + "/out", 1, false, "from MQTT Desk 你好"), sub.awaitMessage(m -> true));
        }
        probe.awaitMessage(m -> m.direction() == Direction.SENT && m.topic().equals(base + "/out"));

        // unsubscribe: the next message on that topic does not come. mosquitto delivers to one client in
        // order, so once the sentinel (published after it) arrived, the other would have arrived first.
        probe.session.unsubscribe(base + "/in/#").get(10, TimeUnit.SECONDS);
        broker.pub("-V", pv, "-q", "1", "-t", base + "/in/x", "-m", "after unsubscribe");
        broker.pub("-V", pv, "-q", "1", "-t", base + "/sentinel", "-m", "sentinel");
        probe.awaitMessage(m -> m.direction() == Direction.RECEIVED && m.topic().equals(base + "/sentinel"));
        assertEquals(List.of("from mosquitto_pub 你好", "sentinel"),
                received(probe).stream().map(Message::payloadText).toList());

        // disconnect: the session says so, and the broker saw a clean DISCONNECT
        probe.close();
        assertEquals(SessionState.DISCONNECTED, probe.session.state());
        broker.awaitLog(l -> l.contains("Client " + settings.clientId() + " disconnected"));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(MqttVersion.class)
    void a_retained_message_arrives_with_its_retain_flag_both_ways(MqttVersion v) throws Exception {
        String base = topicBase("retained", v);
        String pv = peerVersion(v);
        broker.pub("-V", pv, "-q", "1", "-r", "-t", base + "/from-peer", "-m", "kept by mosquitto");

        SessionProbe probe = new SessionProbe();
        probe.connect(settings(Transport.TCP, v));
        probe.session.subscribe(base + "/from-peer", 1).get(10, TimeUnit.SECONDS);
        Message got = probe.awaitMessage(m -> m.direction() == Direction.RECEIVED);
        assertEquals("kept by mosquitto", got.payloadText());
        assertTrue(got.retain(), "a retained message delivered on subscribing carries the retain flag");

        probe.session.publish(base + "/from-desk", 1, true, "kept by MQTT Desk".getBytes(StandardCharsets.UTF_8))
                .get(10, TimeUnit.SECONDS);
        probe.close();
        // A subscriber that comes later still gets it, flagged as retained.
        try (Peer sub = broker.sub("-V", pv, "-t", base + "/from-desk", "-C", "1", "-W", "20")) {
            assertEquals(new Peer.Received(base + "/from-desk", 0, true, "kept by MQTT Desk"), sub.awaitMessage(m -> true));
        }
    }

    @ParameterizedTest(name = "{0} QoS {1}")
    @MethodSource("versionsAndQos")
    void each_qos_is_kept_both_ways(MqttVersion v, int qos) throws Exception {
        String base = topicBase("qos", v, qos);
        String pv = peerVersion(v);
        SessionProbe probe = new SessionProbe();
        probe.connect(settings(Transport.TCP, v));

        // Subscribed at this QoS, a message published at QoS 2 arrives at this QoS (the lower of the two).
        probe.session.subscribe(base + "/in", qos).get(10, TimeUnit.SECONDS);
        broker.pub("-V", pv, "-q", "2", "-t", base + "/in", "-m", "in at " + qos);
        Message in = probe.awaitMessage(m -> m.direction() == Direction.RECEIVED);
        assertEquals(qos, in.qos());
        assertEquals("in at " + qos, in.payloadText());

        // Published at this QoS to a QoS 2 subscriber, it arrives at this QoS.
        try (Peer sub = broker.sub("-V", pv, "-q", "2", "-t", base + "/out", "-C", "1", "-W", "20")) {
            sub.awaitSubscribed();
            probe.session.publish(base + "/out", qos, false, ("out at " + qos).getBytes(StandardCharsets.UTF_8))
                    .get(10, TimeUnit.SECONDS);
            assertEquals(new Peer.Received(base + "/out", qos, false, "out at " + qos), sub.awaitMessage(m -> true));
        }
        Message sent = probe.awaitMessage(m -> m.direction() == Direction.SENT);
        assertEquals(qos, sent.qos());
        probe.close();
    }
}
