package dev.mqttdesk.ui;

import dev.mqttdesk.core.i18n.Messages;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ButtonType;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

import java.util.List;

/**
 * The window's keyboard shortcuts. Each one does what its button does on the selected connection's
 * page (found by the contract's ids, so a page swapped in later is served alike); F1 lists them.
 * Filtered before the focused control sees the key, so Ctrl+Enter publishes even from the payload box.
 */
public final class Shortcuts {

    /** One shortcut: its keys, the bundle key of what it does, and the button it presses. */
    record Shortcut(KeyCombination keys, String what, String... buttons) {
    }

    static final List<Shortcut> ALL = List.of(
            new Shortcut(new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN), "shortcut.publish", "#publishButton"),
            new Shortcut(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), "shortcut.find"),
            new Shortcut(new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN), "shortcut.clear", "#clearLogButton"),
            new Shortcut(new KeyCodeCombination(KeyCode.K, KeyCombination.SHORTCUT_DOWN), "shortcut.connect", "#connectButton", "#disconnectButton"),
            new Shortcut(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN), "shortcut.new", "#newProfileButton"),
            new Shortcut(new KeyCodeCombination(KeyCode.F1), "shortcut.help"));

    private Shortcuts() {
    }

    public static void install(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            for (Shortcut s : ALL) {
                if (s.keys().match(e)) {
                    e.consume();
                    run(scene, s);
                    return;
                }
            }
        });
    }

    private static void run(Scene scene, Shortcut s) {
        switch (s.what()) {
            case "shortcut.find" -> {
                Node field = scene.lookup("#filterTextField");
                if (field != null) {
                    field.requestFocus();
                }
            }
            case "shortcut.help" -> help(scene);
            default -> {
                // The first of its buttons that can be pressed now (Connect, or else Disconnect).
                for (String id : s.buttons()) {
                    if (scene.lookup(id) instanceof ButtonBase b && !b.isDisabled() && b.isVisible()) {
                        b.fire();
                        return;
                    }
                }
            }
        }
    }

    private static void help(Scene scene) {
        StringBuilder text = new StringBuilder();
        for (Shortcut s : ALL) {
            text.append(s.keys().getDisplayText()).append('\t').append(Messages.get(s.what())).append('\n');
        }
        Alert sheet = new Alert(Alert.AlertType.INFORMATION, text.toString().strip(), ButtonType.OK);
        sheet.setTitle(Messages.get("shortcut.title"));
        sheet.setHeaderText(Messages.get("shortcut.title"));
        sheet.getDialogPane().setId("shortcutSheet");
        sheet.initOwner(scene.getWindow());
        sheet.show();
    }
}
