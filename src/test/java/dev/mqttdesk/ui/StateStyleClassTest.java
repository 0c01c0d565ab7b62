package dev.mqttdesk.ui;

import dev.mqttdesk.core.mqtt.SessionState;
import javafx.collections.ListChangeListener;
import javafx.scene.layout.Region;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code #connectionStatus} carries exactly one state class at all times, also in the middle of a change. */
class StateStyleClassTest {

    @Test
    void that_every_change_of_the_style_classes_leaves_exactly_one_state_class_and_keeps_the_others() {
        Region status = new Region();
        status.getStyleClass().addAll("status-label", "disconnected");
        List<String> seen = new ArrayList<>();
        status.getStyleClass().addListener((ListChangeListener<String>) change -> {
            List<String> now = List.copyOf(change.getList());
            long states = now.stream().filter(c -> List.of(SessionState.values()).stream()
                    .anyMatch(s -> s.styleClass().equals(c))).count();
            seen.add(states + " " + now);
        });
        SessionState[] path = {SessionState.CONNECTING, SessionState.CONNECTED, SessionState.RECONNECTING,
                SessionState.CONNECTED, SessionState.DISCONNECTED, SessionState.DISCONNECTED};
        for (SessionState s : path) {
            Fx.showOneOf(status, s);
            assertTrue(status.getStyleClass().contains(s.styleClass()), s.name());
        }
        assertEquals(5, seen.size(), "one change per new state, none for the same state again: " + seen);
        seen.forEach(line -> assertTrue(line.startsWith("1 "), "exactly one state class after every change: " + seen));
        assertEquals(List.of("status-label", "disconnected"), status.getStyleClass());
    }
}
