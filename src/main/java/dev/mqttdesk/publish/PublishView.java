package dev.mqttdesk.publish;

import dev.mqttdesk.ui.Choices;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;

/** Thin controller: binds the publish form to its view model. */
public final class PublishView {

    @FXML private TextField pubTopicField;
    @FXML private ChoiceBox<Integer> pubQosChoice;
    @FXML private CheckBox retainCheck;
    @FXML private TextArea pubMessageArea;
    @FXML private Button publishButton;
    @FXML private Label publishError;

    private final PublishViewModel model;

    public PublishView(PublishViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        pubTopicField.textProperty().bindBidirectional(model.topicProperty());
        pubQosChoice.getItems().setAll(0, 1, 2);
        pubQosChoice.setConverter(Choices.converter(String::valueOf));
        pubQosChoice.setValue(model.qosProperty().get());
        pubQosChoice.valueProperty().addListener((o, a, b) -> model.qosProperty().set(b == null ? 0 : b));
        model.qosProperty().addListener((o, a, b) -> pubQosChoice.setValue(b.intValue()));
        retainCheck.selectedProperty().bindBidirectional(model.retainProperty());
        pubMessageArea.textProperty().bindBidirectional(model.payloadProperty());
        publishError.textProperty().bind(model.errorProperty());
        publishError.visibleProperty().bind(model.errorProperty().isNotEmpty());
        publishError.managedProperty().bind(publishError.visibleProperty());
        model.errorProperty().addListener((o, a, b) -> {
            pubTopicField.getStyleClass().remove("field-error");
            if (!b.isEmpty()) {
                pubTopicField.getStyleClass().add("field-error");
            }
        });
    }

    @FXML
    private void onPublish() {
        model.publish();
    }
}
