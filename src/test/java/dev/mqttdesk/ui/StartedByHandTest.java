package dev.mqttdesk.ui;

import dev.mqttdesk.MqttDeskApp;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tests written elsewhere start the app as TestFX's examples do: a new instance, start(stage), no launcher. */
@ExtendWith(ApplicationExtension.class)
class StartedByHandTest {

    private final MqttDeskApp app = new MqttDeskApp();

    @Start
    void start(Stage stage) throws Exception {
        System.setProperty("mqttdesk.home", Files.createTempDirectory("mqttdesk-home").toString());
        app.start(stage);
        stage.requestFocus();
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    @Test
    void the_window_comes_up_without_launcher_parameters_and_shows_the_contract_ids(FxRobot robot) {
        for (String id : new String[]{"#brokerUrlField", "#connectButton", "#connectionStatus", "#subTopicField",
                "#publishButton", "#messageLog", "#receivedCount", "#clearLogButton"}) {
            assertTrue(robot.lookup(id).tryQuery().isPresent(), id);
        }
        assertTrue(robot.lookup("#connectionStatus").query().getStyleClass().contains("disconnected"));
    }
}
