package dev.mqttdesk.publish;

import dev.mqttdesk.core.i18n.InputField;
import dev.mqttdesk.ui.Choices;
import dev.mqttdesk.ui.Collapsed;
import dev.mqttdesk.ui.ViewLifetime;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.GridPane;

import java.util.Map;

/** Thin controller: binds the publish form to its view model. */
public final class PublishView {

    @FXML private TextField pubTopicField;
    @FXML private ChoiceBox<Integer> pubQosChoice;
    @FXML private CheckBox retainCheck;
    @FXML private TextArea pubMessageArea;
    @FXML private Button publishButton;
    @FXML private Label publishError;
    @FXML private TitledPane pubPropertiesPane;
    @FXML private Label pubPropertiesNote;
    @FXML private GridPane pubPropertiesGrid;
    @FXML private TextField pubContentTypeField;
    @FXML private TextField pubResponseTopicField;
    @FXML private TextField pubCorrelationDataField;
    @FXML private TextField pubMessageExpiryField;
    @FXML private CheckBox pubPayloadFormatCheck;
    @FXML private TextArea pubUserPropertiesArea;

    private final PublishViewModel model;
    private final ViewLifetime life;

    public PublishView(PublishViewModel model, ViewLifetime life) {
        this.life = life;
        this.model = model;
    }

    @FXML
    private void initialize() {
        Collapsed.untilOpened(pubPropertiesPane);
        pubTopicField.textProperty().bindBidirectional(model.topicProperty());
        pubQosChoice.getItems().setAll(0, 1, 2);
        pubQosChoice.setConverter(Choices.converter(String::valueOf));
        pubQosChoice.setValue(model.qosProperty().get());
        pubQosChoice.valueProperty().addListener((o, a, b) -> model.qosProperty().set(b == null ? 0 : b));
        life.listen(model.qosProperty(), (o, a, b) -> pubQosChoice.setValue(b.intValue()));
        retainCheck.selectedProperty().bindBidirectional(model.retainProperty());
        pubMessageArea.textProperty().bindBidirectional(model.payloadProperty());
        pubContentTypeField.textProperty().bindBidirectional(model.contentTypeProperty());
        pubResponseTopicField.textProperty().bindBidirectional(model.responseTopicProperty());
        pubCorrelationDataField.textProperty().bindBidirectional(model.correlationDataProperty());
        pubMessageExpiryField.textProperty().bindBidirectional(model.messageExpiryProperty());
        pubUserPropertiesArea.textProperty().bindBidirectional(model.userPropertiesProperty());
        pubPayloadFormatCheck.selectedProperty().bindBidirectional(model.payloadUtf8Property());
        // MQTT 3.1.1 has no properties: they stay as typed, disabled, and a line says why.
        pubPropertiesGrid.disableProperty().bind(model.mqtt5Property().not());
        pubPropertiesNote.visibleProperty().bind(model.mqtt5Property().not());
        pubPropertiesNote.managedProperty().bind(pubPropertiesNote.visibleProperty());

        publishError.textProperty().bind(model.errorProperty());
        publishError.visibleProperty().bind(model.errorProperty().isNotEmpty());
        publishError.managedProperty().bind(publishError.visibleProperty());
        Map<InputField, Node> fields = Map.of(InputField.TOPIC, pubTopicField, InputField.QOS, pubQosChoice,
                InputField.RETAIN, retainCheck,
                InputField.PUB_CONTENT_TYPE, pubContentTypeField, InputField.PUB_RESPONSE_TOPIC, pubResponseTopicField,
                InputField.PUB_CORRELATION_DATA, pubCorrelationDataField, InputField.PUB_MESSAGE_EXPIRY, pubMessageExpiryField,
                InputField.PUB_USER_PROPERTIES, pubUserPropertiesArea);
        life.listen(model.errorProperty(), (o, a, b) -> {
            fields.values().forEach(n -> n.getStyleClass().remove("field-error"));
            if (!b.isEmpty()) {
                Node marked = fields.getOrDefault(model.errorFieldProperty().get(), pubTopicField);
                marked.getStyleClass().add("field-error");
                if (marked != pubTopicField && marked != pubQosChoice && marked != retainCheck) {
                    pubPropertiesPane.setExpanded(true);
                }
            }
        });
    }

    @FXML
    private void onPublish() {
        model.publish();
    }
}
