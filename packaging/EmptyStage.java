import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

import java.lang.management.ManagementFactory;

/**
 * The yardstick of packaging/measure-startup.sh: an empty JavaFX stage of the main window's size, started
 * with the same Java, options and class path as the app, printing the app's line on its first WINDOW_SHOWN:
 *   startup-trace: window shown N ms after JVM start
 * (A plain main class that launches a nested Application, as dev.mqttdesk.Main does, so that it also starts
 * from a class path that holds JavaFX, the shaded jar.)
 */
public final class EmptyStage {

    private EmptyStage() {
    }

    public static void main(String[] args) {
        Application.launch(Window.class, args);
    }

    public static final class Window extends Application {
        @Override
        public void start(Stage stage) {
            stage.addEventHandler(WindowEvent.WINDOW_SHOWN, e -> System.out.println("startup-trace: window shown "
                    + (System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime()) + " ms after JVM start"));
            stage.setTitle("empty stage");
            stage.setScene(new Scene(new Pane(), 1440, 860));
            stage.show();
        }
    }
}
