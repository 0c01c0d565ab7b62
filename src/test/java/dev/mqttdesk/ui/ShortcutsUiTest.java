package dev.mqttdesk.ui;

import dev.mqttdesk.core.log.Direction;
import javafx.scene.Node;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The keyboard shortcuts, pressed as keys, on a real mosquitto. */
class ShortcutsUiTest extends UiOnMosquitto {

    private void press(KeyCode... keys) {
        ui.robot.push(keys);
    }

    @Test
    void ctrl_k_connects_ctrl_enter_publishes_ctrl_l_clears_ctrl_f_finds_and_ctrl_k_disconnects() throws Exception {
        ui.type("#brokerUrlField", "mqtt://127.0.0.1:" + mosquitto.tcpPort());
        ui.robot.type(KeyCode.ENTER);
        press(KeyCode.CONTROL, KeyCode.K);
        ui.waitFor(() -> ui.hasStyle("#connectionStatus", "connected"));

        ui.type("#pubTopicField", "keys/1");
        ui.type("#pubMessageArea", "by keyboard");
        press(KeyCode.CONTROL, KeyCode.ENTER);
        ui.waitFor(() -> shown().stream().anyMatch(m -> m.direction() == Direction.SENT && m.topic().equals("keys/1")));
        assertEquals("by keyboard", ((TextInputControl) ui.node("#pubMessageArea")).getText(), "Ctrl+Enter adds no line to the payload");

        press(KeyCode.CONTROL, KeyCode.L);
        ui.waitFor(() -> shown().isEmpty());

        press(KeyCode.CONTROL, KeyCode.F);
        ui.waitFor(() -> ui.node("#filterTextField").isFocused());

        press(KeyCode.CONTROL, KeyCode.K);
        ui.waitFor(() -> ui.hasStyle("#connectionStatus", "disconnected"));
    }

    @Test
    void ctrl_n_adds_a_connection_and_f1_shows_the_sheet_of_shortcuts() throws Exception {
        ui.click("#profileNameField"); // the window has the keyboard
        press(KeyCode.CONTROL, KeyCode.N);
        ui.waitFor(() -> ui.text("#profileNameField").startsWith("New connection"));

        press(KeyCode.F1);
        ui.waitFor(() -> ui.robot.lookup("#shortcutSheet").tryQuery().isPresent());
        Node sheet = ui.node("#shortcutSheet");
        String text = ((javafx.scene.control.DialogPane) sheet).getContentText();
        for (String line : new String[] {"+F\t", "+L\t", "+K\t", "+N\t", "F1\t"}) {
            assertTrue(text.contains(line), text);
        }
        for (String what : new String[] {"publish", "find", "clear", "connect", "new", "help"}) {
            assertTrue(text.contains(dev.mqttdesk.core.i18n.Messages.get("shortcut." + what)), text);
        }
        ui.robot.type(KeyCode.ENTER);
    }
}
