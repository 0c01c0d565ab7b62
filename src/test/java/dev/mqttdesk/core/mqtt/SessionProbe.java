package dev.mqttdesk.core.mqtt;

import dev.mqttdesk.core.log.Message;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A real session with what it reported recorded, and waits with deadlines for tests. */
public final class SessionProbe {

    public final List<SessionEvent> events = new CopyOnWriteArrayList<>();
    public final List<Message> messages = new CopyOnWriteArrayList<>();
    public final MqttSession session = new MqttSession(events::add, messages::add);

    public void connect(ConnectionSettings settings) throws Exception {
        session.connect(settings).get(30, TimeUnit.SECONDS);
        awaitState(SessionState.CONNECTED);
    }

    public SessionEvent awaitEvent(Predicate<SessionEvent> p) throws InterruptedException {
        return await(events, p, "event");
    }

    public SessionEvent awaitState(SessionState state) throws InterruptedException {
        return awaitEvent(e -> e.state() == state);
    }

    /** Waits until the session can do nothing more by itself (see {@link MqttSession#idle()}). */
    public void awaitIdle() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        while (!session.idle()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the session still connects or waits to reconnect after 40 s; saw " + events);
            }
            Thread.sleep(10);
        }
    }

    public Message awaitMessage(Predicate<Message> p) throws InterruptedException {
        return await(messages, p, "message");
    }

    private static <T> T await(List<T> list, Predicate<T> p, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            for (T t : list) {
                if (p.test(t)) {
                    return t;
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no " + what + " matched within 20 s; saw " + list);
    }

    public void close() throws Exception {
        session.disconnect().get(30, TimeUnit.SECONDS);
    }
}
