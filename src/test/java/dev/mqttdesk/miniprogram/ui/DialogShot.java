package dev.mqttdesk.miniprogram.ui;

import dev.mqttdesk.MqttDeskApp;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.scene.control.Button;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * For docs/miniprogram-dialog.png: starts the real window, selects the saved connection whose name holds
 * the first argument, and presses "Mini-program code…" as a user would, for a screenshot taken from
 * outside (xvfb-run, import -window root). Not a test: run by hand, see README.
 */
public final class DialogShot {

    private DialogShot() {
    }

    public static void main(String[] args) {
        Application.launch(Shot.class, args);
    }

    /** The application the launcher starts (a main class that extends Application needs JavaFX's module path). */
    public static final class Shot extends Application {

    @Override
    public void start(Stage stage) {
        new MqttDeskApp().start(stage);
        String wanted = getParameters().getRaw().isEmpty() ? "" : getParameters().getRaw().get(0);
        PauseTransition wait = new PauseTransition(Duration.seconds(3));
        wait.setOnFinished(e -> {
            @SuppressWarnings("unchecked")
            TreeView<Object> list = (TreeView<Object>) stage.getScene().lookup("#profileList");
            for (int row = 0; row < list.getExpandedItemCount(); row++) {
                TreeItem<Object> item = list.getTreeItem(row);
                if (item != null && String.valueOf(item.getValue()).contains(wanted)) {
                    list.getSelectionModel().select(row);
                    break;
                }
            }
            PauseTransition next = new PauseTransition(Duration.seconds(1));
            next.setOnFinished(f -> ((Button) stage.getScene().lookup("#miniProgramButton")).fire());
            next.play();
        });
        wait.play();
    }
    }
}
