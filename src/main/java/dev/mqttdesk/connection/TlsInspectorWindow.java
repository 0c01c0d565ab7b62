package dev.mqttdesk.connection;

import dev.mqttdesk.core.i18n.Messages;
import javafx.scene.Scene;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import javafx.stage.Window;

/** A small window with what the last TLS handshake showed, as selectable text. */
final class TlsInspectorWindow {

    private TlsInspectorWindow() {
    }

    static void show(Window owner, String text) {
        TextArea area = new TextArea(text);
        area.setId("tlsInspector");
        area.setEditable(false);
        area.setWrapText(true);
        area.getStyleClass().add("code");
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle(Messages.get("tlsInspector.title"));
        Scene scene = new Scene(area, 900, 480);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
        stage.show();
    }
}
