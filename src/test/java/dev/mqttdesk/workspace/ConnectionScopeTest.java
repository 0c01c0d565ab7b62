package dev.mqttdesk.workspace;

import dev.mqttdesk.core.i18n.Text;
import dev.mqttdesk.core.message.MessageProperties;
import dev.mqttdesk.connection.Presets;
import dev.mqttdesk.core.mqtt.SessionState;
import dev.mqttdesk.core.profile.ConnectionProfile;
import dev.mqttdesk.core.profile.SavedConnection;
import dev.mqttdesk.core.profile.SavedSubscription;
import dev.mqttdesk.testing.Mosquitto;
import dev.mqttdesk.testing.RecordingFeedback;
import dev.mqttdesk.testing.SameThreadTaskExecutor;
import dev.mqttdesk.core.log.Message;
import dev.mqttdesk.core.log.MessageFilter;
import dev.mqttdesk.ui.TaskRunner;
import dev.mqttdesk.ui.ViewLifetime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A closed connection leaves nothing behind: no client, no listener on what it shared, nothing that keeps it alive. */
class ConnectionScopeTest {

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

    private static final RecordingFeedback QUIET = new RecordingFeedback();

    /** Shared with every scope, and outliving them, as in the app. */
    static final ScopeServices services = new ScopeServices(QUIET, new SameThreadTaskExecutor(), new Presets());

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return condition.call();
        });
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(10, TimeUnit.SECONDS);
    }

    @Test
    void a_closed_connection_leaves_no_client_no_listener_and_nothing_that_keeps_it_alive() throws Exception {
        WeakReference<ConnectionScope> ref = openUseAndClose();
        for (int i = 0; i < 50 && ref.get() != null; i++) {
            System.gc();
            Thread.sleep(100);
        }
        assertNull(ref.get(), "nothing shared (services, presets, executor, toolkit, client threads) keeps a closed scope alive");
    }

    /** Only a weak reference leaves this method, so nothing of the test itself holds the scope. */
    private WeakReference<ConnectionScope> openUseAndClose() throws Exception {
        AtomicInteger changes = new AtomicInteger();
        ConnectionProfile form = new ConnectionProfile("mqtt://127.0.0.1:" + mosquitto.tcpPort(), "MQTT_5_0", "scope-close-test",
                "", "60", true, "10", "1000", true, "", false);
        SavedConnection saved = new SavedConnection("x", "closing", "", form, false, null, true,
                List.of(SavedSubscription.of("close/#", 1, 0)), null, 100);
        ConnectionScope scope = onFx(() -> new ConnectionScope(saved, services, changes::incrementAndGet));
        onFx(() -> ConnectionPage.load(scope, services.presets(), new ViewLifetime())); // its views bind to shared things too

        onFx(() -> {
            scope.connection().connect();
            return null;
        });
        waitFor(() -> scope.stateProperty().get() == SessionState.CONNECTED);
        waitFor(() -> scope.subscribe().subscriptions().size() == 1); // the saved subscription, on connecting
        mosquitto.pub("-t", "close/1", "-q", "1", "-m", "before close");
        waitFor(() -> scope.log().receivedProperty().get() == 1);
        waitFor(() -> {
            onFx(() -> {
                scope.tree().tick();
                return null;
            });
            return scope.tree().tree().root().total() == 1; // the topic tree took it in
        });

        scope.closeAsync().get(10, TimeUnit.SECONDS);
        mosquitto.awaitLog(line -> line.contains("scope-close-test") && line.contains("disconnect"));
        int before = changes.get();
        onFx(() -> {
            scope.connection().nameProperty().set("after close");
            return null;
        });
        assertEquals(before, changes.get(), "a closed scope reports no more changes");
        mosquitto.pub("-t", "close/2", "-q", "1", "-m", "after close");
        // Its own client has nothing connected and nothing pending (other tests' clients may share the JVM's threads).
        waitFor(() -> scope.session().idle());
        assertEquals(1, scope.log().receivedProperty().get());
        onFx(() -> {
            scope.log().store().add(dev.mqttdesk.core.log.Message.received("close/3", 0, false, new byte[1], null));
            scope.log().store().drain();
            return null;
        });
        assertEquals(0, scope.tree().queued(), "a closed scope's topic tree no longer listens to its store");
        return new WeakReference<>(scope);
    }

    @Test
    void closing_a_connection_cancels_its_background_tasks_before_they_say_anything(@TempDir Path dir) throws Exception {
        ArrayDeque<Runnable> pool = new ArrayDeque<>(); // the shared pool, busy: the scope's work waits in it
        RecordingFeedback feedback = new RecordingFeedback();
        ScopeServices held = new ScopeServices(feedback, new TaskRunner(pool::add, Runnable::run), new Presets());
        ConnectionProfile form = new ConnectionProfile("mqtt://127.0.0.1:1", "MQTT_5_0", "scope-cancel-test",
                "", "60", true, "10", "1000", true, "", false);
        SavedConnection saved = new SavedConnection("y", "cancelling", "", form, false, null, false, List.of(), null, 100);
        ConnectionScope scope = onFx(() -> new ConnectionScope(saved, held, () -> { }));
        Path file = dir.resolve("log.jsonl");
        Message big = Message.received("big", 0, false, "x\n".repeat(100_000).getBytes(), MessageProperties.NONE);
        scope.log().store().add(big); // a held row, so the filter has work to wait with
        waitFor(() -> scope.log().held().size() == 1);
        for (Runnable r; (r = pool.poll()) != null; ) {
            r.run(); // the charts take the row in on a task of their own: done before the ones this test holds back
        }
        onFx(() -> {
            scope.export().export(List.of(big), file);
            scope.detail().show(big);
            scope.log().applyFilter(MessageFilter.of("big", null, false, null));
            return null;
        });
        assertEquals(4, pool.size(), "export, text, JSON and one filter chunk wait for a thread");

        scope.closeAsync().get(10, TimeUnit.SECONDS);
        for (Runnable r; (r = pool.poll()) != null; ) {
            r.run();
        }
        assertFalse(Files.exists(file), "the export never ran");
        assertEquals(1, feedback.told.size(), feedback.told.toString());
        assertEquals(Text.of("log.export.cancelled"), feedback.told.get(0).args()[1],
                "the export says it was cancelled, and nothing else is said");
        assertFalse(scope.export().runningProperty().get());
        assertNull(scope.detail().textProperty().get(), "the text never arrived");
        assertTrue(scope.detail().textLoadingProperty().get());
        assertEquals("log.filter.running", scope.log().filterStatusProperty().get().key(), "the filter never finished");
    }
}
