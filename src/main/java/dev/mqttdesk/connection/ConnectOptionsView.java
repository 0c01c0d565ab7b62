package dev.mqttdesk.connection;

import dev.mqttdesk.core.i18n.InputField;
import dev.mqttdesk.ui.ViewLifetime;
import javafx.beans.binding.BooleanBinding;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;

import java.util.Map;

/** Thin controller: MQTT 5's CONNECT options, disabled while connected and for MQTT 3.1.1. */
public final class ConnectOptionsView {

    @FXML private TitledPane connectOptionsPane;
    @FXML private Label connectOptionsMqtt3Note;
    @FXML private TextField sessionExpiryField;
    @FXML private TextField receiveMaximumField;
    @FXML private TextField maximumPacketSizeField;
    @FXML private TextField topicAliasMaximumField;
    @FXML private CheckBox requestResponseInfoCheck;
    @FXML private CheckBox requestProblemInfoCheck;
    @FXML private TextArea connectUserPropertiesArea;
    @FXML private Label sessionExpiryHint;
    @FXML private Label connectOptionsError;

    private final ConnectionViewModel connection;
    private final ViewLifetime life;

    public ConnectOptionsView(ConnectionViewModel connection, ViewLifetime life) {
        this.life = life;
        this.connection = connection;
    }

    @FXML
    private void initialize() {
        ConnectOptionsViewModel model = connection.options();
        sessionExpiryField.textProperty().bindBidirectional(model.sessionExpiryProperty());
        receiveMaximumField.textProperty().bindBidirectional(model.receiveMaximumProperty());
        maximumPacketSizeField.textProperty().bindBidirectional(model.maximumPacketSizeProperty());
        topicAliasMaximumField.textProperty().bindBidirectional(model.topicAliasMaximumProperty());
        requestResponseInfoCheck.selectedProperty().bindBidirectional(model.requestResponseInformationProperty());
        requestProblemInfoCheck.selectedProperty().bindBidirectional(model.requestProblemInformationProperty());
        connectUserPropertiesArea.textProperty().bindBidirectional(model.userPropertiesProperty());

        BooleanBinding mqtt5 = connection.mqtt5Binding();
        BooleanBinding usable = connection.editableBinding().and(mqtt5);
        for (Node n : new Node[]{sessionExpiryField, receiveMaximumField, maximumPacketSizeField, topicAliasMaximumField,
                requestResponseInfoCheck, requestProblemInfoCheck, connectUserPropertiesArea}) {
            n.disableProperty().bind(usable.not());
        }
        connectOptionsMqtt3Note.visibleProperty().bind(mqtt5.not());
        connectOptionsMqtt3Note.managedProperty().bind(mqtt5.not());
        BooleanBinding endsAtOnce = connection.sessionEndsWithConnectionBinding();
        sessionExpiryHint.visibleProperty().bind(endsAtOnce);
        sessionExpiryHint.managedProperty().bind(endsAtOnce);

        FieldMarks.install(connection, life, connectOptionsPane, connectOptionsError, Map.of(
                InputField.SESSION_EXPIRY, sessionExpiryField, InputField.RECEIVE_MAXIMUM, receiveMaximumField,
                InputField.MAXIMUM_PACKET_SIZE, maximumPacketSizeField, InputField.TOPIC_ALIAS_MAXIMUM, topicAliasMaximumField,
                InputField.CONNECT_USER_PROPERTIES, connectUserPropertiesArea));
    }
}
