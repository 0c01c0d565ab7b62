package dev.mqttdesk.check.ui;

import dev.mqttdesk.core.i18n.Messages;
import dev.mqttdesk.ui.TaskExecutor;
import dev.mqttdesk.ui.TaskGroup;
import javafx.fxml.FXMLLoader;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.io.IOException;
import java.io.UncheckedIOException;

/** The "Mini-program check" window (小程序接入检查): the check pane in a stage of its own. */
public final class CheckWindow {

    private CheckWindow() {
    }

    /**
     * Opens the window next to {@code owner} (may be null), with the URL field prefilled (may be null or
     * empty); its check runs on {@code tasks}, and closing the window drops what the check still reports.
     */
    public static Stage open(Window owner, String initialUrl, TaskExecutor tasks) {
        TaskGroup windowTasks = new TaskGroup(tasks);
        CheckViewModel model = new CheckViewModel(windowTasks);
        model.urlProperty().set(initialUrl == null ? "" : initialUrl.strip());
        Stage stage = new Stage();
        stage.setOnHidden(e -> windowTasks.close());
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.setTitle(Messages.get("check.window.title"));
        Parent pane = pane(model);
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        stage.setScene(new Scene(pane, Math.min(1000, screen.getWidth()), Math.min(640, screen.getHeight())));
        stage.show();
        return stage;
    }

    /** The pane bound to a view model, with its style sheet: for the window, and for tests. */
    public static Parent pane(CheckViewModel model) {
        FXMLLoader loader = new FXMLLoader(CheckWindow.class.getResource("/dev/mqttdesk/check/ui/CheckPane.fxml"),
                Messages.bundle());
        Parent root;
        try {
            root = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("CheckPane.fxml ships with the application and must load", e);
        }
        CheckView view = loader.getController();
        view.attach(model);
        root.getStylesheets().add(CheckWindow.class.getResource("/dev/mqttdesk/check/ui/check.css").toExternalForm());
        return root;
    }
}
