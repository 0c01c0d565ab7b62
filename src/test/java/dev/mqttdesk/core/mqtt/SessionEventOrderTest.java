package dev.mqttdesk.core.mqtt;

import dev.mqttdesk.core.url.Transport;
import dev.mqttdesk.testing.Mosquitto;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The listener sees the session's events in the order the session went through them. */
class SessionEventOrderTest {

    @Test
    void a_disconnect_while_reconnecting_reaches_a_slow_listener_after_the_reconnecting_it_follows() throws Exception {
        try (Mosquitto broker = Mosquitto.startTcp()) {
            List<SessionEvent> seen = new CopyOnWriteArrayList<>();
            CountDownLatch insideReconnecting = new CountDownLatch(1);
            MqttSession session = new MqttSession(e -> {
                if (e.state() == SessionState.RECONNECTING && insideReconnecting.getCount() > 0) {
                    insideReconnecting.countDown();
                    // A listener that takes its time (a hop to another thread, a busy UI).
                    sleep(500);
                }
                seen.add(e);
            }, m -> { });
            session.connect(ConnectionSettings.defaults(broker.url(Transport.TCP)).withReconnectPeriod(200))
                    .get(20, TimeUnit.SECONDS);
            broker.stop();
            assertTrue(insideReconnecting.await(20, TimeUnit.SECONDS));

            // While the listener is still busy with RECONNECTING: the client's disconnect fails at once.
            session.disconnect().get(20, TimeUnit.SECONDS);
            assertEquals(SessionState.DISCONNECTED, session.state());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (seen.stream().noneMatch(e -> e.state() == SessionState.DISCONNECTED) && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            SessionEvent last = seen.get(seen.size() - 1);
            assertEquals(SessionState.DISCONNECTED, last.state(), seen.toString());
            assertEquals("status.disconnectedByUser", last.detail().key(), seen.toString());
            for (int i = 1; i < seen.size(); i++) {
                assertEquals(seen.get(i - 1).sequence() + 1, seen.get(i).sequence(), "in the session's order: " + seen);
            }
            assertEquals(List.of(SessionState.CONNECTING, SessionState.CONNECTED, SessionState.RECONNECTING,
                    SessionState.DISCONNECTED), seen.stream().filter(SessionEvent::isStateChange).map(SessionEvent::state)
                    .distinct().toList(), seen.toString());
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
