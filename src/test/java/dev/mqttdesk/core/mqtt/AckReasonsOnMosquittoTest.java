package dev.mqttdesk.core.mqtt;

import dev.mqttdesk.core.i18n.Text;
import dev.mqttdesk.core.log.Direction;
import dev.mqttdesk.core.url.Transport;
import dev.mqttdesk.testing.DynamicSecurity;
import dev.mqttdesk.testing.Mosquitto;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What mosquitto says in its SUBACK and PUBACK reaches the user in words: a refused subscription
 * or publish fails with the reason code named, and "no matching subscribers" comes as a notice.
 */
class AckReasonsOnMosquittoTest {


    static DynamicSecurity dynsec;
    static Mosquitto broker;

    @BeforeAll
    static void start() {
        dynsec = DynamicSecurity.start();
        broker = dynsec.broker;
    }

    @AfterAll
    static void stop() {
        dynsec.close();
    }

    private static SessionProbe connected() throws Exception {
        SessionProbe p = new SessionProbe();
        p.connect(ConnectionSettings.defaults(broker.url(Transport.TCP)));
        return p;
    }

    private static Text failure(java.util.concurrent.CompletableFuture<Void> action) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> action.get(20, TimeUnit.SECONDS));
        assertTrue(MqttActionException.brokerReason(e) != null, "a refusal by the broker, as data: " + e);
        return assertInstanceOf(MqttActionException.class, e.getCause()).text();
    }

    @Test
    void a_subscription_the_broker_refuses_fails_with_not_authorized_in_words() throws Exception {
        SessionProbe p = connected();
        Text why = failure(p.session.subscribe("secret/x", 1));
        assertEquals("error.subscribe.refused", why.key());
        String words = why.resolve();
        assertTrue(words.contains("secret/x") && words.contains(Text.of("ack.reason.NOT_AUTHORIZED").resolve()) && words.contains("0x87"),
                words);
        assertEquals(SessionState.CONNECTED, p.session.state());
        assertTrue(p.session.subscriptions().isEmpty(), "nothing was granted");
        p.session.subscribe("open/x", 1).get(20, TimeUnit.SECONDS); // still working
        p.close();
    }

    @Test
    void an_unsubscribe_the_broker_refuses_fails_in_words_and_the_subscription_stays() throws Exception {
        SessionProbe p = connected();
        p.session.subscribe("open/locked", 1).get(20, TimeUnit.SECONDS);
        Text why = failure(p.session.unsubscribe("open/locked"));
        assertEquals("error.unsubscribe.refused", why.key());
        assertTrue(why.resolve().contains("0x87") && why.resolve().contains("open/locked"), why.resolve());
        assertEquals(java.util.List.of("open/locked"),
                p.session.subscriptions().stream().map(Subscribed::filter).toList(), "still subscribed");
        p.close();
    }

    @Test
    void a_publish_the_broker_refuses_fails_with_its_reason_code_and_is_not_logged_as_sent() throws Exception {
        SessionProbe p = connected();
        Text why = failure(p.session.publish("secret/x", 1, false, "no".getBytes(StandardCharsets.UTF_8)));
        assertEquals("error.publish.refused", why.key());
        assertTrue(why.resolve().contains("0x87") && why.resolve().contains(Text.of("ack.reason.NOT_AUTHORIZED").resolve()), why.resolve());
        // mosquitto 2.0.11 closes the connection after a refused QoS 1 publish ("Bad socket read/write"
        // in its log); the session reconnects on its own. Publish again until it is back.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            try {
                p.session.publish("open/ok", 1, false, "yes".getBytes(StandardCharsets.UTF_8)).get(20, TimeUnit.SECONDS);
                break;
            } catch (ExecutionException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(50);
            }
        }
        // The log holds only what the broker took: the accepted message is the first sent.
        assertEquals("open/ok", p.awaitMessage(m -> m.direction() == Direction.SENT).topic());
        p.close();
    }

    @Test
    void a_message_nobody_subscribes_to_is_accepted_and_the_broker_s_no_matching_subscribers_is_told() throws Exception {
        SessionProbe p = connected();
        p.session.publish("open/nobody", 1, false, "x".getBytes(StandardCharsets.UTF_8)).get(20, TimeUnit.SECONDS);
        SessionEvent notice = p.awaitEvent(e -> e.kind() == SessionEvent.Kind.NOTICE);
        assertEquals("notice.publishAck", notice.detail().key());
        assertTrue(notice.detail().resolve().contains(String.format(Locale.ROOT, "0x%02X", 0x10)), notice.detail().resolve());
        p.close();
    }
}
