package dev.mqttdesk.ui;

import dev.mqttdesk.core.mqtt.SessionState;
import javafx.application.Platform;
import javafx.scene.Node;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Runs UI work on the FX thread: now when already there, else soon. For rare events, not for messages. */
public final class Fx {

    private Fx() {
    }

    /**
     * Runs UI work on the FX thread, always queued, even when called there: for events that must keep their
     * order behind those already queued (running one in place would overtake them).
     */
    public static void later(Runnable r) {
        Platform.runLater(r);
    }

    public static void run(Runnable r) {
        if (Platform.isFxApplicationThread()) {
            r.run();
        } else {
            Platform.runLater(r);
        }
    }

    /**
     * Gives a node the style class of this state in place of the other states' classes, in one change of
     * the list, so that every listener sees exactly one of them; the node's other classes stay in order.
     */
    public static void showOneOf(Node node, SessionState state) {
        List<String> classes = new ArrayList<>(node.getStyleClass());
        Set<String> states = new HashSet<>();
        for (SessionState s : SessionState.values()) {
            states.add(s.styleClass());
        }
        classes.removeIf(states::contains);
        classes.add(state.styleClass());
        if (!classes.equals(node.getStyleClass())) {
            node.getStyleClass().setAll(classes);
        }
    }
}
