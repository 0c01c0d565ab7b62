package dev.mqttdesk.workspace;

import dev.mqttdesk.core.log.Message;
import dev.mqttdesk.core.log.MessageStore;
import dev.mqttdesk.testing.Mosquitto;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A received row's colour is found once, as the store writes it, from the subscriptions of that
 * moment, and kept: later subscription changes do not repaint old rows (as in MQTTX).
 */
class RowColourTest {

    static Mosquitto mosquitto;

    @BeforeAll
    static void start() throws Exception {
        mosquitto = Mosquitto.startTcp();
        FxToolkit.registerPrimaryStage();
    }

    @AfterAll
    static void stop() {
        mosquitto.close();
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return condition.call();
        });
    }

    private static void onFx(Runnable work) throws Exception {
        WaitForAsyncUtils.asyncFx(work).get(10, TimeUnit.SECONDS);
    }

    private static void subscribe(ConnectionScope scope, String filter, int granted) throws Exception {
        onFx(() -> {
            scope.subscribe().filterProperty().set(filter);
            scope.subscribe().subscribe();
        });
        waitFor(() -> scope.subscribe().saved().size() == granted);
    }

    /** The colour of each held row whose topic is {@code topic}, oldest first. */
    private static List<Integer> coloursOf(ConnectionScope scope, String topic) {
        return scope.log().store().snapshot().stream().filter(m -> m.topic().equals(topic)).map(Message::colour).toList();
    }

    @Test
    void a_row_keeps_the_colour_of_the_first_matching_subscription_it_arrived_through() throws Exception {
        mosquitto.pub("-t", "colours/retained/1", "-r", "-q", "1", "-m", "kept by the broker");
        ConnectionScope scope = TestScopes.connected("mqtt://127.0.0.1:" + mosquitto.tcpPort(), "row-colour-test");
        try {
            subscribe(scope, "colours/a/+", 1);   // colour 0
            subscribe(scope, "colours/#", 2);     // colour 1, overlapping the first
            // The retained message comes right after the grant: its colour must already be known then.
            waitFor(() -> coloursOf(scope, "colours/retained/1").size() >= 1);
            assertEquals(1, coloursOf(scope, "colours/retained/1").get(0));

            mosquitto.pub("-t", "colours/a/1", "-q", "1", "-m", "both match");
            mosquitto.pub("-t", "colours/b", "-q", "1", "-m", "only the second");
            waitFor(() -> !coloursOf(scope, "colours/b").isEmpty());
            waitFor(() -> !coloursOf(scope, "colours/a/1").isEmpty());
            // mosquitto may deliver an overlapped message once per matching subscription: each copy takes the first's colour.
            coloursOf(scope, "colours/a/1").forEach(c -> assertEquals(0, c, "the first saved filter that matches"));
            assertEquals(List.of(1), coloursOf(scope, "colours/b"));

            onFx(() -> scope.subscribe().unsubscribe("colours/a/+"));
            waitFor(() -> scope.subscribe().saved().size() == 1);
            mosquitto.pub("-t", "colours/a/2", "-q", "1", "-m", "after the first went");
            waitFor(() -> !coloursOf(scope, "colours/a/2").isEmpty());
            assertEquals(List.of(1), coloursOf(scope, "colours/a/2"), "only the second matches now");
            coloursOf(scope, "colours/a/1").forEach(c -> assertEquals(0, c, "an old row keeps the colour it came with"));

            // A message no subscription matches (the broker's, through one just removed) has no colour.
            MessageStore store = scope.log().store();
            onFx(() -> store.add(Message.received("elsewhere/1", 0, false, new byte[1], null)));
            assertEquals(List.of(Message.NO_COLOUR), coloursOf(scope, "elsewhere/1"));
            onFx(() -> store.add(Message.sent("colours/sent", 0, false, new byte[1])));
            assertEquals(List.of(Message.NO_COLOUR), coloursOf(scope, "colours/sent"), "sent rows have their own shade");
        } finally {
            scope.closeAsync().get(10, TimeUnit.SECONDS);
            mosquitto.pub("-t", "colours/retained/1", "-r", "-n");
        }
    }
}
