package dev.mqttdesk;

import dev.mqttdesk.core.i18n.Messages;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

import java.lang.management.ManagementFactory;

/** Start-up and wiring only. */
public class MqttDeskApp extends Application {

    @Override
    public void start(Stage stage) {
        boolean trace = getParameters().getRaw().contains("--startup-trace") || Boolean.getBoolean("mqttdesk.startupTrace");
        if (trace) {
            stage.addEventHandler(WindowEvent.WINDOW_SHOWN, e -> System.out.println(
                    "startup-trace: window shown " + (System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime()) + " ms after JVM start"));
        }
        stage.setTitle(Messages.get("app.title"));
        stage.setScene(new Scene(new BorderPane(), 1200, 800));
        stage.show();
    }
}
