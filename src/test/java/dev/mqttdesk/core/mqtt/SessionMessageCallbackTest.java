package dev.mqttdesk.core.mqtt;

import dev.mqttdesk.core.log.Message;
import dev.mqttdesk.core.url.Transport;
import dev.mqttdesk.testing.Mosquitto;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A message consumer that throws costs that one message, not every later one. */
class SessionMessageCallbackTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(MqttVersion.class)
    void a_consumer_that_throws_does_not_stop_later_messages(MqttVersion v) throws Exception {
        try (Mosquitto broker = Mosquitto.startTcp()) {
            List<Message> kept = new CopyOnWriteArrayList<>();
            List<SessionEvent> events = new CopyOnWriteArrayList<>();
            MqttSession session = new MqttSession(events::add, m -> {
                if (m.payloadText().startsWith("boom")) {
                    throw new IllegalStateException("consumer bug");
                }
                kept.add(m);
            });
            session.connect(ConnectionSettings.defaults(broker.url(Transport.TCP)).withVersion(v)).get(20, TimeUnit.SECONDS);
            session.subscribe("cb/#", 1).get(10, TimeUnit.SECONDS);
            broker.pub("-q", "1", "-t", "cb/a", "-m", "boom 1");
            broker.pub("-q", "1", "-t", "cb/a", "-m", "boom 2");
            broker.pub("-q", "1", "-t", "cb/a", "-m", "after");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (kept.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(List.of("after"), kept.stream().map(Message::payloadText).toList());
            assertEquals(SessionState.CONNECTED, session.state());
            List<SessionEvent> notices = events.stream().filter(e -> e.kind() == SessionEvent.Kind.NOTICE).toList();
            assertEquals(1, notices.size(), "told once, not once per message: " + events);
            assertEquals("notice.messageHandlerFailed", notices.get(0).detail().key());
            session.disconnect().get(10, TimeUnit.SECONDS);
        }
    }
}
