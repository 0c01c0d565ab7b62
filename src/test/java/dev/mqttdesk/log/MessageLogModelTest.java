package dev.mqttdesk.log;

import dev.mqttdesk.core.log.Message;
import dev.mqttdesk.core.log.MessageFilter;
import dev.mqttdesk.core.log.MessageStore;
import dev.mqttdesk.ui.FxTaskExecutor;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The log's FX side against a real store: counts under concurrency, clear in a flood, filters that fail. */
@ExtendWith(ApplicationExtension.class)
class MessageLogModelTest {

    private static final FxTaskExecutor TASKS = new FxTaskExecutor();

    @Start
    void start(Stage stage) {
        // The toolkit only: the model runs on the FX thread, no window needed.
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(30, TimeUnit.SECONDS);
    }

    private static Message msg(String payload) {
        return Message.received("t", 0, false, payload.getBytes(StandardCharsets.UTF_8), dev.mqttdesk.core.message.MessageProperties.NONE);
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(condition));
    }

    @Test
    void counters_are_final_when_a_flood_stops_even_with_a_clear_during_it() throws Exception {
        MessageLogModel model = fx(() -> new MessageLogModel(20_000, 1L << 30, TASKS));
        MessageStore store = model.store();
        Thread[] producers = new Thread[3];
        for (int p = 0; p < producers.length; p++) {
            producers[p] = new Thread(() -> {
                for (int i = 0; i < 60_000; i++) {
                    store.add(msg("m" + i));
                }
            });
            producers[p].start();
        }
        Thread.sleep(30);
        fx(() -> {
            model.clear();
            return null;
        });
        for (Thread t : producers) {
            t.join(60_000);
        }
        long received = store.received();
        assertTrue(received > 0 && received <= 180_000);
        // Nothing more arrives: the shown figures must reach the store's and stay there.
        waitFor(() -> model.receivedProperty().get() == received);
        fx(() -> {
            assertEquals(store.size(), model.held().size(), "the table's rows are the log's");
            assertEquals(store.size(), model.shownProperty().get());
            assertEquals(store.evicted(), model.evictedProperty().get());
            assertEquals(received, model.held().size() + model.evictedProperty().get(), "received == shown + evicted");
            for (int i = 0; i < model.held().size(); i += 997) {
                assertNotNull(model.held().get(i), "every row readable");
            }
            return null;
        });
    }

    @Test
    void a_filter_that_overflows_the_stack_stops_with_a_message_and_the_table_still_shows_held_rows() throws Exception {
        MessageLogModel model = fx(() -> new MessageLogModel(1_000, 1L << 30, TASKS));
        MessageStore store = model.store();
        for (int i = 0; i < 100; i++) {
            store.add(msg("c" + i));
        }
        store.add(msg("ab".repeat(200_000)));
        for (int i = 0; i < 100; i++) {
            store.add(msg("c" + i));
        }
        waitFor(() -> model.held().size() == 201);
        fx(() -> {
            model.applyFilter(MessageFilter.of(null, "(a|b)*c", true, null));
            return null;
        });
        waitFor(() -> model.filterStatusProperty().get() != null
                && model.filterStatusProperty().get().key().equals("log.filter.failed"));
        fx(() -> {
            assertEquals(dev.mqttdesk.core.i18n.Messages.get("log.filter.tooDeep"), model.filterStatusProperty().get().args()[0],
                    "the user is told why, in words");
            assertEquals(201, model.held().size(), "the log is whole");
            assertEquals(store.size(), model.held().size());
            for (Message m : model.visibleProperty().get()) {
                assertNotNull(m, "every filtered row is a held one");
            }
            return null;
        });
        // More messages keep coming in whole, and the stopped filter does not run again.
        store.add(msg("c-after"));
        waitFor(() -> model.held().size() == 202 && model.receivedProperty().get() == 202);
    }

    @Test
    void a_filter_follows_new_rows_off_the_fx_thread_and_drops_the_evicted() throws Exception {
        MessageLogModel model = fx(() -> new MessageLogModel(100, 1L << 30, TASKS));
        MessageStore store = model.store();
        fx(() -> {
            model.applyFilter(MessageFilter.of(null, "even", false, null));
            return null;
        });
        for (int i = 0; i < 300; i++) {
            store.add(msg((i % 2 == 0 ? "even " : "odd ") + i));
        }
        waitFor(() -> model.receivedProperty().get() == 300 && !model.filteringProperty().get()
                && model.visibleProperty().get().size() == 50);
        fx(() -> {
            assertEquals("even 200", model.visibleProperty().get().get(0).payloadText(), "the oldest matches went with the log");
            assertEquals("even 298", model.visibleProperty().get().get(49).payloadText());
            return null;
        });
    }
}
