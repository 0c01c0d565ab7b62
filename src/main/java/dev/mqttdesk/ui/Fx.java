package dev.mqttdesk.ui;

import dev.mqttdesk.core.mqtt.SessionState;
import javafx.application.Platform;
import javafx.scene.Node;

/** Runs UI work on the FX thread: now when already there, else soon. For rare events, not for messages. */
public final class Fx {

    private Fx() {
    }

    public static void run(Runnable r) {
        if (Platform.isFxApplicationThread()) {
            r.run();
        } else {
            Platform.runLater(r);
        }
    }

    /**
     * Gives a node the style class of this state and drops the other states' classes, adding first so
     * that at no moment it carries none of them.
     */
    public static void showOneOf(Node node, SessionState state) {
        if (!node.getStyleClass().contains(state.styleClass())) {
            node.getStyleClass().add(state.styleClass());
        }
        for (SessionState s : SessionState.values()) {
            if (s != state) {
                node.getStyleClass().remove(s.styleClass());
            }
        }
    }
}
