package dev.mqttdesk.core.mqtt;

import dev.mqttdesk.core.log.Direction;
import dev.mqttdesk.core.url.BrokerUrl;
import dev.mqttdesk.core.url.Transport;
import dev.mqttdesk.testing.Mosquitto;
import dev.mqttdesk.testing.TcpProxy;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A link that stalls (a proxy keeps back what the broker sends) past the action's timeout, then
 * recovers: the acknowledgement that comes late is applied, and the user is told.
 */
class SessionLateAckTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(MqttVersion.class)
    void a_late_suback_shows_the_subscription_and_a_late_puback_counts_the_message_as_sent(MqttVersion v) throws Exception {
        try (Mosquitto broker = Mosquitto.startTcp(); TcpProxy proxy = new TcpProxy(broker.tcpPort())) {
            SessionProbe probe = new SessionProbe();
            ConnectionSettings settings = ConnectionSettings.defaults(BrokerUrl.of(Transport.TCP, "127.0.0.1", proxy.port()))
                    .withVersion(v).withConnectTimeout(1);
            probe.connect(settings);

            proxy.mode(TcpProxy.Mode.HOLD_TO_CLIENT);
            CompletableFuture<Void> sub = probe.session.subscribe("late/#", 1);
            ExecutionException timedOut = assertThrows(ExecutionException.class, () -> sub.get(10, TimeUnit.SECONDS));
            assertEquals("error.timeout", assertInstanceOf(MqttActionException.class, timedOut.getCause()).text().key());
            assertTrue(probe.session.subscriptions().isEmpty());
            proxy.mode(TcpProxy.Mode.FORWARD);
            probe.awaitEvent(e -> e.kind() == SessionEvent.Kind.NOTICE && e.detail().key().equals("notice.lateSuback"));
            SessionEvent shown = probe.awaitEvent(e -> e.subscriptions().contains(
                    new Subscribed("late/#", 1, Subscribed.Standing.GRANTED)));
            assertEquals(SessionState.CONNECTED, shown.state());
            // It is live on the broker.
            broker.pub("-q", "1", "-t", "late/a", "-m", "arrives");
            probe.awaitMessage(m -> m.direction() == Direction.RECEIVED && m.payloadText().equals("arrives"));

            proxy.mode(TcpProxy.Mode.HOLD_TO_CLIENT);
            CompletableFuture<Void> pub = probe.session.publish("elsewhere/x", 1, false, "late".getBytes(StandardCharsets.UTF_8));
            assertThrows(ExecutionException.class, () -> pub.get(10, TimeUnit.SECONDS));
            assertTrue(probe.messages.stream().noneMatch(m -> m.direction() == Direction.SENT));
            proxy.mode(TcpProxy.Mode.FORWARD);
            probe.awaitEvent(e -> e.kind() == SessionEvent.Kind.NOTICE && e.detail().key().equals("notice.latePuback"));
            probe.awaitMessage(m -> m.direction() == Direction.SENT && m.payloadText().equals("late"));
            assertEquals(1, probe.messages.stream().filter(m -> m.direction() == Direction.SENT).count());
            probe.close();
        }
    }
}
