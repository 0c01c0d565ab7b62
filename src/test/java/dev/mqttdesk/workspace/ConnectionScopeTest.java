package dev.mqttdesk.workspace;

import dev.mqttdesk.connection.Presets;
import dev.mqttdesk.core.mqtt.SessionState;
import dev.mqttdesk.core.profile.ConnectionProfile;
import dev.mqttdesk.core.profile.SavedConnection;
import dev.mqttdesk.core.profile.SavedSubscription;
import dev.mqttdesk.testing.Mosquitto;
import dev.mqttdesk.testing.RecordingFeedback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.lang.ref.WeakReference;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

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
    static final ScopeServices services = new ScopeServices(QUIET, Runnable::run, new Presets());

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return condition.call();
        });
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(10, TimeUnit.SECONDS);
    }

    private static long hivemqClientThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("com.hivemq.client")).count();
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
        onFx(() -> ConnectionPage.load(scope, services.presets())); // its views bind to shared things too

        onFx(() -> {
            scope.connection().connect();
            return null;
        });
        waitFor(() -> scope.stateProperty().get() == SessionState.CONNECTED);
        waitFor(() -> scope.subscribe().subscriptions().size() == 1); // the saved subscription, on connecting
        mosquitto.pub("-t", "close/1", "-q", "1", "-m", "before close");
        waitFor(() -> scope.log().receivedProperty().get() == 1);

        scope.closeAsync().get(10, TimeUnit.SECONDS);
        mosquitto.awaitLog(line -> line.contains("scope-close-test") && line.contains("disconnect"));
        int before = changes.get();
        onFx(() -> {
            scope.connection().nameProperty().set("after close");
            return null;
        });
        assertEquals(before, changes.get(), "a closed scope reports no more changes");
        mosquitto.pub("-t", "close/2", "-q", "1", "-m", "after close");
        waitFor(() -> hivemqClientThreads() == 0);
        assertEquals(1, scope.log().receivedProperty().get());
        return new WeakReference<>(scope);
    }
}
