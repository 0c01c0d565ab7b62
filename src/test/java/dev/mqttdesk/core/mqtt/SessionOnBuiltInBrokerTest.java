package dev.mqttdesk.core.mqtt;

import dev.mqttdesk.broker.LocalBroker;
import dev.mqttdesk.core.url.BrokerUrl;
import dev.mqttdesk.core.url.Transport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SessionOnBuiltInBrokerTest {

    static LocalBroker broker;

    @BeforeAll
    static void start() {
        broker = LocalBroker.start(0, 0);
    }

    @AfterAll
    static void stop() {
        broker.close();
    }

    static Stream<Arguments> transportsAndVersions() {
        return Stream.of(Transport.TCP, Transport.WEBSOCKET).flatMap(t ->
                Stream.of(MqttVersion.values()).map(v -> Arguments.of(t, v)));
    }

    private static BrokerUrl url(Transport t) {
        return t == Transport.TCP ? BrokerUrl.parse(broker.tcpUrl()) : BrokerUrl.parse(broker.wsUrl());
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("transportsAndVersions")
    void a_message_published_to_a_subscribed_topic_comes_back_once(Transport t, MqttVersion v) throws Exception {
        SessionProbe probe = new SessionProbe();
        probe.connect(ConnectionSettings.defaults(url(t)).withVersion(v));
        probe.session.subscribe("desk/" + t + "/" + v + "/#", 1).get(10, TimeUnit.SECONDS);
        probe.session.subscribe("desk/+/" + v + "/x", 2).get(10, TimeUnit.SECONDS);
        byte[] payload = "你好 mqtt".getBytes(StandardCharsets.UTF_8);
        String topic = "desk/" + t + "/" + v + "/x";
        probe.session.publish(topic, 1, false, payload).get(10, TimeUnit.SECONDS);
        var got = probe.awaitMessage(m -> m.direction() == dev.mqttdesk.core.log.Direction.RECEIVED);
        assertEquals(topic, got.topic());
        assertEquals("你好 mqtt", got.payloadText());
        probe.awaitMessage(m -> m.direction() == dev.mqttdesk.core.log.Direction.SENT);
        // A marker published after it: a second copy would have come before the marker.
        probe.session.publish(topic, 1, false, "marker".getBytes(StandardCharsets.UTF_8)).get(10, TimeUnit.SECONDS);
        probe.awaitMessage(m -> m.direction() == dev.mqttdesk.core.log.Direction.RECEIVED && m.payloadText().equals("marker"));
        assertEquals(1, probe.messages.stream().filter(m -> m.direction() == dev.mqttdesk.core.log.Direction.RECEIVED
                        && m.payloadText().equals("你好 mqtt")).count(),
                "overlapping subscriptions deliver one message once");
        probe.close();
        assertEquals(SessionState.DISCONNECTED, probe.session.state());
    }

    @Test
    void a_websocket_path_the_broker_does_not_serve_is_named_as_the_likely_cause() throws Exception {
        SessionProbe probe = new SessionProbe();
        BrokerUrl wrong = BrokerUrl.parse("ws://127.0.0.1:" + broker.wsPort() + "/wrong");
        var error = assertThrows(ExecutionException.class,
                () -> probe.session.connect(ConnectionSettings.defaults(wrong).withConnectTimeout(5)).get(20, TimeUnit.SECONDS));
        MqttActionException why = assertInstanceOf(MqttActionException.class, error.getCause());
                assertEquals("error.websocketNoUpgrade", why.text().key(), why.text().toString());
        assertTrue(why.text().resolve().contains("/wrong"), why.text().resolve());
        assertEquals(SessionState.DISCONNECTED, probe.session.state());
    }

    @Test
    void a_second_client_with_the_same_id_is_named_as_a_session_take_over() throws Exception {
        SessionProbe first = new SessionProbe();
        ConnectionSettings settings = ConnectionSettings.defaults(BrokerUrl.parse(broker.tcpUrl()));
        first.connect(settings);
        SessionProbe second = new SessionProbe();
        second.connect(settings);
        SessionEvent kicked = first.awaitEvent(SessionEvent::duplicateClientId);
        assertEquals(SessionState.DISCONNECTED, kicked.state());
        assertEquals("error.sessionTakenOver", kicked.detail().key());
        first.awaitIdle(); // no attempt pending: the first cannot kick the second back later
        assertEquals(SessionState.CONNECTED, second.session.state(), "the first client does not kick the second back");
        second.close();
    }

    @Test
    void a_refused_port_is_named_as_refused() throws Exception {
        SessionProbe probe = new SessionProbe();
        BrokerUrl closed = BrokerUrl.of(Transport.TCP, "127.0.0.1", LocalBroker.freePort());
        var error = assertThrows(ExecutionException.class,
                () -> probe.session.connect(ConnectionSettings.defaults(closed)).get(20, TimeUnit.SECONDS));
        assertEquals("error.refused", ((MqttActionException) error.getCause()).text().key());
        assertTrue(probe.events.stream().anyMatch(e -> e.state() == SessionState.DISCONNECTED));
    }
}
