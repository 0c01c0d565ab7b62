package dev.mqttdesk.workspace;

import dev.mqttdesk.connection.Presets;
import dev.mqttdesk.core.mqtt.SessionState;
import dev.mqttdesk.core.profile.ConnectionProfile;
import dev.mqttdesk.core.profile.SavedConnection;
import dev.mqttdesk.testing.Mosquitto;
import dev.mqttdesk.testing.RecordingFeedback;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The connection's view models show the session's real state and subscriptions even when the user
 * acts (on the FX thread) while the session's earlier events still wait in the FX queue.
 */
class ConnectionScopeEventOrderTest {

    static final ScopeServices services = new ScopeServices(new RecordingFeedback(), new dev.mqttdesk.testing.SameThreadTaskExecutor(), new Presets());

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private static ConnectionScope open(Mosquitto broker, String clientId) throws Exception {
        ConnectionProfile form = new ConnectionProfile("mqtt://127.0.0.1:" + broker.tcpPort(), "MQTT_5_0", clientId,
                "", "60", true, "10", "200", true, "", false);
        SavedConnection saved = new SavedConnection("x", "order", "", form, false, null, false, List.of(), null, 100);
        ConnectionScope scope = onFx(() -> new ConnectionScope(saved, services, () -> { }));
        onFx(() -> {
            scope.connection().connect();
            return null;
        });
        waitFor(() -> scope.stateProperty().get() == SessionState.CONNECTED);
        return scope;
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return condition.call();
        });
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(30, TimeUnit.SECONDS);
    }

    /** Busy-waits on the calling (FX) thread, so the session's events pile up in the FX queue meanwhile. */
    private static void spinUntil(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 20 s");
            }
            Thread.onSpinWait();
        }
    }

    @Test
    void disconnecting_while_reconnecting_ends_in_disconnected_not_in_reconnecting_forever() throws Exception {
        try (Mosquitto broker = Mosquitto.startTcp()) {
            ConnectionScope scope = open(broker, "order-reconnecting");
            onFx(() -> {
                broker.kill();
                // RECONNECTING is queued for this thread now; the user clicks Disconnect before it is shown.
                spinUntil(() -> scope.session().state() == SessionState.RECONNECTING);
                scope.session().disconnect();
                return null;
            });
            // Everything queued before this marker has run.
            WaitForAsyncUtils.waitForFxEvents();
            waitFor(() -> scope.session().state() == SessionState.DISCONNECTED);
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(SessionState.DISCONNECTED, scope.stateProperty().get());
            assertTrue(onFx(() -> scope.connection().editableBinding().get()), "the form is editable again");
            scope.close();
        }
    }

    @Test
    void a_suback_queued_before_a_disconnect_does_not_bring_the_row_back() throws Exception {
        try (Mosquitto broker = Mosquitto.startTcp()) {
            ConnectionScope scope = open(broker, "order-suback");
            onFx(() -> {
                scope.subscribe().filterProperty().set("order/#");
                scope.subscribe().subscribe();
                // The SUBACK arrives and its event waits in the FX queue; then the link drops and the user disconnects.
                spinUntil(() -> scope.session().subscriptions().stream().anyMatch(s -> s.filter().equals("order/#")));
                broker.kill();
                spinUntil(() -> scope.session().state() == SessionState.RECONNECTING);
                scope.session().disconnect();
                return null;
            });
            WaitForAsyncUtils.waitForFxEvents();
            waitFor(() -> scope.session().state() == SessionState.DISCONNECTED);
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(SessionState.DISCONNECTED, scope.stateProperty().get());
            assertEquals(List.of(), onFx(() -> List.copyOf(scope.subscribe().subscriptions())));
            assertTrue(onFx(() -> scope.subscribe().saved().stream().anyMatch(s -> s.filter().equals("order/#"))),
                    "still saved for the next connect");
            scope.close();
        }
    }
}
