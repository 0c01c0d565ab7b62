package dev.mqttdesk.connection;

import dev.mqttdesk.core.i18n.InputField;
import dev.mqttdesk.ui.ViewLifetime;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.FXCollections;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;

import java.util.Map;

/** Thin controller: the last will; its MQTT 5 properties are disabled for MQTT 3.1.1. */
public final class WillView {

    @FXML private TitledPane willPane;
    @FXML private TextField willTopicField;
    @FXML private TextArea willMessageArea;
    @FXML private ChoiceBox<Integer> willQosChoice;
    @FXML private CheckBox willRetainCheck;
    @FXML private Label willMqtt3Note;
    @FXML private TextField willDelayField;
    @FXML private TextField willMessageExpiryField;
    @FXML private TextField willContentTypeField;
    @FXML private TextField willResponseTopicField;
    @FXML private TextField willCorrelationDataField;
    @FXML private TextArea willUserPropertiesArea;
    @FXML private Label willError;

    private final ConnectionViewModel connection;
    private final ViewLifetime life;

    public WillView(ConnectionViewModel connection, ViewLifetime life) {
        this.life = life;
        this.connection = connection;
    }

    @FXML
    private void initialize() {
        WillViewModel model = connection.will();
        willTopicField.textProperty().bindBidirectional(model.topicProperty());
        willMessageArea.textProperty().bindBidirectional(model.messageProperty());
        willQosChoice.setItems(FXCollections.observableArrayList(0, 1, 2));
        willQosChoice.valueProperty().bindBidirectional(model.qosProperty());
        willRetainCheck.selectedProperty().bindBidirectional(model.retainProperty());
        willDelayField.textProperty().bindBidirectional(model.delayProperty());
        willMessageExpiryField.textProperty().bindBidirectional(model.messageExpiryProperty());
        willContentTypeField.textProperty().bindBidirectional(model.contentTypeProperty());
        willResponseTopicField.textProperty().bindBidirectional(model.responseTopicProperty());
        willCorrelationDataField.textProperty().bindBidirectional(model.correlationDataProperty());
        willUserPropertiesArea.textProperty().bindBidirectional(model.userPropertiesProperty());

        BooleanBinding editable = connection.editableBinding();
        for (Node n : new Node[]{willTopicField, willMessageArea, willQosChoice, willRetainCheck}) {
            n.disableProperty().bind(editable.not());
        }
        BooleanBinding mqtt5 = connection.mqtt5Binding();
        BooleanBinding usable = editable.and(mqtt5);
        for (Node n : new Node[]{willDelayField, willMessageExpiryField, willContentTypeField, willResponseTopicField,
                willCorrelationDataField, willUserPropertiesArea}) {
            n.disableProperty().bind(usable.not());
        }
        willMqtt3Note.visibleProperty().bind(mqtt5.not());
        willMqtt3Note.managedProperty().bind(mqtt5.not());

        FieldMarks.install(connection, life, willPane, willError, Map.of(
                InputField.WILL_TOPIC, willTopicField, InputField.WILL_QOS, willQosChoice,
                InputField.WILL_DELAY, willDelayField, InputField.WILL_MESSAGE_EXPIRY, willMessageExpiryField,
                InputField.WILL_CONTENT_TYPE, willContentTypeField, InputField.WILL_RESPONSE_TOPIC, willResponseTopicField,
                InputField.WILL_CORRELATION_DATA, willCorrelationDataField,
                InputField.WILL_USER_PROPERTIES, willUserPropertiesArea));
    }
}
