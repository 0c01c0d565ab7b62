package dev.mqttdesk.connection;

import dev.mqttdesk.core.i18n.InputField;
import dev.mqttdesk.core.i18n.Messages;
import dev.mqttdesk.core.mqtt.ProxyOptions;
import dev.mqttdesk.ui.Choices;
import dev.mqttdesk.ui.Collapsed;
import dev.mqttdesk.ui.ViewLifetime;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.FXCollections;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;

import java.util.Map;

/** Thin controller: the proxy pane; its fields are off while no proxy is chosen. */
public final class ProxyView {

    @FXML private TitledPane proxyPane;
    @FXML private ChoiceBox<ProxyOptions.Type> proxyTypeChoice;
    @FXML private TextField proxyHostField;
    @FXML private TextField proxyPortField;
    @FXML private TextField proxyUserField;
    @FXML private PasswordField proxyPasswordField;
    @FXML private Label proxyError;

    private final ConnectionViewModel connection;
    private final ViewLifetime life;

    public ProxyView(ConnectionViewModel connection, ViewLifetime life) {
        this.life = life;
        this.connection = connection;
    }

    @FXML
    private void initialize() {
        Collapsed.untilOpened(proxyPane);
        ProxyViewModel model = connection.proxy();
        proxyTypeChoice.setItems(FXCollections.observableArrayList(ProxyOptions.Type.values()));
        proxyTypeChoice.setConverter(Choices.converter(t -> Messages.get("proxy.type." + t.name())));
        proxyTypeChoice.valueProperty().bindBidirectional(model.typeProperty());
        proxyHostField.textProperty().bindBidirectional(model.hostProperty());
        proxyPortField.textProperty().bindBidirectional(model.portProperty());
        proxyUserField.textProperty().bindBidirectional(model.usernameProperty());
        proxyPasswordField.textProperty().bindBidirectional(model.passwordProperty());
        BooleanBinding editable = connection.editableBinding();
        proxyTypeChoice.disableProperty().bind(editable.not());
        BooleanBinding used = editable.and(model.typeProperty().isNotEqualTo(ProxyOptions.Type.NONE));
        for (Node n : new Node[]{proxyHostField, proxyPortField, proxyUserField, proxyPasswordField}) {
            n.disableProperty().bind(used.not());
        }
        FieldMarks.install(connection, life, proxyPane, proxyError, Map.of(
                InputField.PROXY_HOST, proxyHostField, InputField.PROXY_PORT, proxyPortField));
    }
}
