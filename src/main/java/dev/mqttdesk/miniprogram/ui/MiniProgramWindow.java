package dev.mqttdesk.miniprogram.ui;

import dev.mqttdesk.core.i18n.Messages;
import javafx.fxml.FXMLLoader;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.io.IOException;
import java.io.UncheckedIOException;

/** The "Mini-program code…" window (小程序代码…): the page for the selected connection, previewed. */
public final class MiniProgramWindow {

    private MiniProgramWindow() {
    }

    public static Stage open(Window owner, MiniProgramViewModel model) {
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.setTitle(Messages.get("miniprogram.dialog.title"));
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(pane(model), Math.min(900, screen.getWidth()), Math.min(700, screen.getHeight()));
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().addAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
        stage.show();
        return stage;
    }

    /** The pane bound to a view model: for the window, and for tests. */
    public static Parent pane(MiniProgramViewModel model) {
        FXMLLoader loader = new FXMLLoader(MiniProgramWindow.class.getResource("/dev/mqttdesk/miniprogram/ui/MiniProgramPane.fxml"),
                Messages.bundle());
        Parent root;
        try {
            root = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("MiniProgramPane.fxml ships with the application and must load", e);
        }
        MiniProgramView view = loader.getController();
        view.attach(model);
        return root;
    }
}
