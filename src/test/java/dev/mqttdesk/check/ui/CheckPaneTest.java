package dev.mqttdesk.check.ui;

import dev.mqttdesk.check.CheckId;
import dev.mqttdesk.check.CheckOptions;
import dev.mqttdesk.check.CheckStatus;
import dev.mqttdesk.testing.Mosquitto;
import dev.mqttdesk.ui.FxTaskExecutor;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The check pane, headless: type a URL, run, watch the rows fill in, copy the report. */
@ExtendWith(ApplicationExtension.class)
class CheckPaneTest {

    static Mosquitto mosquitto;
    final FxTaskExecutor tasks = new FxTaskExecutor();
    CheckViewModel model;

    @BeforeAll
    static void startBroker() {
        mosquitto = Mosquitto.builder().webSockets().start();
    }

    @AfterAll
    static void stopBroker() {
        if (mosquitto != null) {
            mosquitto.close();
        }
    }

    @AfterEach
    void stopTasks() {
        tasks.close();
    }

    @Start
    void start(Stage stage) {
        model = new CheckViewModel(tasks, CheckOptions.defaults().withTimeout(3));
        // The theme whose named colours the pane's style sheet uses, as the app sets it for every window.
        javafx.application.Application.setUserAgentStylesheet(dev.mqttdesk.settings.Theme.LIGHT.userAgentStylesheet());
        stage.setScene(new Scene(CheckWindow.pane(model), 1000, 640));
        stage.show();
        stage.requestFocus();
    }

    @SuppressWarnings("unchecked")
    private TableView<StepRow> table(FxRobot robot) {
        return robot.lookup("#checkSteps").queryAs(TableView.class);
    }

    private static void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
    }

    @Test
    void running_a_check_fills_in_every_row_and_shows_the_verdict(FxRobot robot) throws Exception {
        TableView<StepRow> table = table(robot);
        assertEquals(CheckId.values().length, table.getItems().size(), "every step has a row before the run");
        assertTrue(table.getItems().stream().allMatch(r -> r.statusProperty().get() == null));
        assertTrue(robot.lookup("#checkCopyButton").queryAs(Button.class).isDisabled(), "nothing to copy yet");

        robot.clickOn("#checkUrlField").write("ws://127.0.0.1:" + mosquitto.port("ws") + "/mqtt");
        robot.clickOn("#checkRunButton");
        waitUntil(() -> model.reportProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();

        assertTrue(table.getItems().stream().allMatch(r -> r.statusProperty().get() != null), "every row has a status");
        assertEquals(CheckStatus.FAIL, row(table, CheckId.SCHEME).statusProperty().get());
        assertEquals(CheckStatus.PASS, row(table, CheckId.WEBSOCKET).statusProperty().get());
        assertEquals(CheckStatus.PASS, row(table, CheckId.ROUNDTRIP).statusProperty().get());
        assertFalse(row(table, CheckId.SCHEME).fixProperty().get().isBlank(), "a failed row shows its fix");
        String verdict = robot.lookup("#checkVerdict").queryAs(Label.class).getText();
        assertTrue(verdict.contains(dev.mqttdesk.core.i18n.Messages.get("check.status.fail").toUpperCase()), verdict);
        assertTrue(robot.lookup("#checkVerdict").queryAs(Label.class).getStyleClass().contains("check-fail"));
        assertTrue(robot.lookup(".check-pass").tryQuery().isPresent(), "pass rows are coloured as such");

        robot.clickOn("#checkCopyButton");
        WaitForAsyncUtils.waitForFxEvents();
        String copied = WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get(5, TimeUnit.SECONDS);
        assertTrue(copied.contains("| ") && copied.contains("(`websocket`)"), copied);
    }

    @Test
    void an_address_that_is_no_url_is_refused_next_to_the_field_and_nothing_runs(FxRobot robot) throws Exception {
        robot.clickOn("#checkUrlField").write("ftp://broker.example.com");
        robot.clickOn("#checkRunButton");
        WaitForAsyncUtils.waitForFxEvents();
        String message = robot.lookup("#checkMessage").queryAs(Label.class).getText();
        assertTrue(message.contains("ftp"), message);
        assertFalse(model.runningProperty().get());
        assertNull(model.reportProperty().get());
    }

    private static StepRow row(TableView<StepRow> table, CheckId id) {
        return table.getItems().stream().filter(r -> r.id() == id).findFirst().orElseThrow();
    }
}
