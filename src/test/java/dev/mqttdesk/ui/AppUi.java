package dev.mqttdesk.ui;

import dev.mqttdesk.MqttDeskApp;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/** The whole application, started headless for a test, driven through the UI contract's ids. */
public final class AppUi implements AutoCloseable {

    public final FxRobot robot = new FxRobot();
    private final Application app;

    private AppUi(Application app) {
        this.app = app;
    }

    public static AppUi start() throws Exception {
        return start(Files.createTempDirectory("mqttdesk-home"));
    }

    /** Starts the app with this settings folder, as a second start on the same machine would. */
    public static AppUi start(Path home) throws Exception {
        System.setProperty("mqttdesk.home", home.toString());
        FxToolkit.registerPrimaryStage();
        Application app = FxToolkit.setupApplication(MqttDeskApp::new);
        WaitForAsyncUtils.waitForFxEvents();
        return new AppUi(app);
    }

    public <T extends Node> T node(String query) {
        return robot.lookup(query).query();
    }

    public String text(String query) {
        Node n = node(query);
        return n instanceof Labeled l ? l.getText() : ((TextInputControl) n).getText();
    }

    /**
     * Focuses a text field and replaces its content. (The robot's key-by-key typing drops repeated
     * characters under Monocle now and then; the field's own listeners see the same change either way.)
     */
    public void type(String query, String text) {
        robot.clickOn(query);
        robot.interact(() -> ((TextInputControl) node(query)).setText(text));
    }

    public void click(String query) {
        robot.clickOn(query);
    }

    public void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return condition.call();
        });
    }

    /** Connects through the URL field and the Connect button, and waits for the status to say so. */
    public void connect(String url) throws Exception {
        type("#brokerUrlField", url);
        robot.type(javafx.scene.input.KeyCode.ENTER);
        click("#connectButton");
        waitFor(() -> hasStyle("#connectionStatus", "connected"));
    }

    /** Subscribes through the form and waits for the filter to join the list. */
    @SuppressWarnings("unchecked")
    public void subscribe(String filter) throws Exception {
        type("#subTopicField", filter);
        click("#subscribeButton");
        waitFor(() -> ((javafx.scene.control.ListView<dev.mqttdesk.subscribe.Subscription>) node("#subscriptionList"))
                .getItems().stream().anyMatch(s -> s.filter().equals(filter)));
    }

    public boolean hasStyle(String query, String styleClass) {
        return node(query).getStyleClass().contains(styleClass);
    }

    @Override
    public void close() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }
}
