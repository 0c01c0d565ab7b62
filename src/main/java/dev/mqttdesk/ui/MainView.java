package dev.mqttdesk.ui;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;

/** Thin controller of the window's frame: the app bar and the status bar. */
public final class MainView {

    @FXML private Label feedbackLabel;
    @FXML private Label builtInBrokerStatus;
    @FXML private Button checkButton;

    private final ReadOnlyStringProperty lastFeedback;
    private final ReadOnlyStringProperty brokerStatus;
    private final Runnable openCheck;

    public MainView(ReadOnlyStringProperty lastFeedback, ReadOnlyStringProperty brokerStatus, Runnable openCheck) {
        this.lastFeedback = lastFeedback;
        this.brokerStatus = brokerStatus;
        this.openCheck = openCheck;
    }

    @FXML
    private void initialize() {
        feedbackLabel.textProperty().bind(lastFeedback);
        builtInBrokerStatus.textProperty().bind(brokerStatus);
    }

    @FXML
    private void onCheck() {
        openCheck.run();
    }
}
