package dev.mqttdesk.workspace;

import dev.mqttdesk.connection.Presets;
import dev.mqttdesk.core.mqtt.SessionState;
import dev.mqttdesk.core.profile.ConnectionProfile;
import dev.mqttdesk.core.profile.SavedConnection;
import dev.mqttdesk.testing.RecordingFeedback;
import dev.mqttdesk.testing.SameThreadTaskExecutor;
import dev.mqttdesk.ui.ViewLifetime;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.TimeUnit;

/** Connection scopes for tests of other packages, made as the workspace makes them (the toolkit must be up). */
public final class TestScopes {

    private static final ScopeServices SERVICES = new ScopeServices(new RecordingFeedback(), new SameThreadTaskExecutor(),
            new Presets());

    private TestScopes() {
    }

    /** A scope for {@code url} with no saved subscription, not connected. */
    public static ConnectionScope disconnected(String url, String clientId) throws Exception {
        ConnectionProfile form = new ConnectionProfile(url, "MQTT_5_0", clientId, "", "60", true, "10", "1000", true, "", false);
        SavedConnection saved = new SavedConnection(clientId, clientId, "", form, false, null, false, List.of(), null, 10_000);
        return WaitForAsyncUtils.asyncFx(() -> new ConnectionScope(saved, SERVICES, () -> { })).get(20, TimeUnit.SECONDS);
    }

    /** The connection's page, as the main window shows it. */
    public static javafx.scene.Parent page(ConnectionScope scope) {
        return ConnectionPage.load(scope, SERVICES.presets(), new ViewLifetime());
    }

    /** The same, connected. */
    public static ConnectionScope connected(String url, String clientId) throws Exception {
        ConnectionScope scope = disconnected(url, clientId);
        WaitForAsyncUtils.asyncFx(() -> scope.connection().connect()).get(20, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return scope.stateProperty().get() == SessionState.CONNECTED;
        });
        return scope;
    }
}
