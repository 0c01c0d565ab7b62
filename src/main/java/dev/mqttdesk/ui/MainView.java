package dev.mqttdesk.ui;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;

/** Thin controller of the window's frame: the app bar, the selected connection's page, the status bar. */
public final class MainView {

    @FXML private Label feedbackLabel;
    @FXML private Label builtInBrokerStatus;
    @FXML private Button checkButton;
    @FXML private Button miniProgramButton;
    @FXML private Button brokerStatsButton;
    @FXML private StackPane pageHolder;

    private final ReadOnlyStringProperty lastFeedback;
    private final ReadOnlyStringProperty brokerStatus;
    private final ReadOnlyObjectProperty<Node> page;
    private final Runnable openCheck;
    private final Runnable openMiniProgram;
    private final Runnable openBrokerStats;

    public MainView(ReadOnlyStringProperty lastFeedback, ReadOnlyStringProperty brokerStatus,
                    ReadOnlyObjectProperty<Node> page, Runnable openCheck, Runnable openMiniProgram,
                    Runnable openBrokerStats) {
        this.lastFeedback = lastFeedback;
        this.brokerStatus = brokerStatus;
        this.page = page;
        this.openCheck = openCheck;
        this.openMiniProgram = openMiniProgram;
        this.openBrokerStats = openBrokerStats;
    }

    @FXML
    private void initialize() {
        feedbackLabel.textProperty().bind(lastFeedback);
        builtInBrokerStatus.textProperty().bind(brokerStatus);
        // Only the selected page is in the scene, so each contract id is found exactly once.
        showPage(page.get());
        page.addListener((o, was, now) -> showPage(now));
    }

    private void showPage(Node p) {
        if (p == null) {
            pageHolder.getChildren().clear();
        } else {
            pageHolder.getChildren().setAll(p);
        }
    }

    @FXML
    private void onCheck() {
        openCheck.run();
    }

    @FXML
    private void onMiniProgram() {
        openMiniProgram.run();
    }

    @FXML
    private void onBrokerStats() {
        openBrokerStats.run();
    }
}
