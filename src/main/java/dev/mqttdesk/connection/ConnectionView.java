package dev.mqttdesk.connection;

import dev.mqttdesk.core.i18n.Messages;
import dev.mqttdesk.core.mqtt.MqttVersion;
import dev.mqttdesk.core.mqtt.SessionState;
import dev.mqttdesk.core.url.Transport;
import dev.mqttdesk.ui.Choices;
import dev.mqttdesk.ui.Fx;
import dev.mqttdesk.core.i18n.InputField;
import dev.mqttdesk.ui.ViewLifetime;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.WeakListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.stage.FileChooser;

import java.io.File;
import java.util.Map;

/** Thin controller: binds the connection form to its view model. */
public final class ConnectionView {

    @FXML private TextField profileNameField;
    @FXML private CheckBox savePasswordCheck;
    @FXML private TextField brokerUrlField;
    @FXML private MenuButton presetMenu;
    @FXML private ChoiceBox<Transport> transportChoice;
    @FXML private ChoiceBox<MqttVersion> protocolChoice;
    @FXML private TextField hostField;
    @FXML private TextField portField;
    @FXML private TextField pathField;
    @FXML private TextField clientIdField;
    @FXML private Button newClientIdButton;
    @FXML private TextField usernameField;
    @FXML private PasswordField passwordField;
    @FXML private TitledPane advancedPane;
    @FXML private TextField keepAliveField;
    @FXML private TextField connectTimeoutField;
    @FXML private TextField reconnectPeriodField;
    @FXML private CheckBox cleanStartCheck;
    @FXML private CheckBox resubscribeCheck;
    @FXML private Label skipVerifyWarning;
    @FXML private Button connectButton;
    @FXML private Button disconnectButton;
    @FXML private Label connectionStatus;
    @FXML private Label connectionError;

    private final ConnectionViewModel model;
    private final ViewLifetime life;
    private final Presets presets;
    private final ListChangeListener<Presets.Preset> presetsChanged = c -> fillPresets();

    public ConnectionView(ConnectionViewModel model, Presets presets, ViewLifetime life) {
        this.life = life;
        this.model = model;
        this.presets = presets;
    }

    @FXML
    private void initialize() {
        profileNameField.textProperty().bindBidirectional(model.nameProperty());
        savePasswordCheck.selectedProperty().bindBidirectional(model.savePasswordProperty());
        brokerUrlField.textProperty().bindBidirectional(model.urlProperty());
        brokerUrlField.setOnAction(e -> model.commitUrl());
        brokerUrlField.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                model.commitUrl();
            }
        });
        transportChoice.setItems(FXCollections.observableArrayList(Transport.values()));
        transportChoice.setConverter(Choices.converter(t -> Messages.get("transport." + t.name())));
        transportChoice.valueProperty().bindBidirectional(model.transportProperty());
        protocolChoice.setItems(FXCollections.observableArrayList(MqttVersion.values()));
        protocolChoice.valueProperty().bindBidirectional(model.versionProperty());
        hostField.textProperty().bindBidirectional(model.hostProperty());
        portField.textProperty().bindBidirectional(model.portProperty());
        pathField.textProperty().bindBidirectional(model.pathProperty());
        pathField.disableProperty().bind(Bindings.createBooleanBinding(
                () -> model.transportProperty().get() == null || !model.transportProperty().get().webSocket(), model.transportProperty()));
        clientIdField.textProperty().bindBidirectional(model.clientIdProperty());
        usernameField.textProperty().bindBidirectional(model.usernameProperty());
        passwordField.textProperty().bindBidirectional(model.passwordProperty());
        keepAliveField.textProperty().bindBidirectional(model.keepAliveProperty());
        connectTimeoutField.textProperty().bindBidirectional(model.connectTimeoutProperty());
        reconnectPeriodField.textProperty().bindBidirectional(model.reconnectPeriodProperty());
        cleanStartCheck.selectedProperty().bindBidirectional(model.cleanStartProperty());
        resubscribeCheck.selectedProperty().bindBidirectional(model.resubscribeProperty());
        skipVerifyWarning.visibleProperty().bind(model.skipVerificationProperty());
        skipVerifyWarning.managedProperty().bind(model.skipVerificationProperty());

        var editable = model.editableBinding();
        for (Node n : new Node[]{brokerUrlField, presetMenu, transportChoice, protocolChoice, hostField, portField,
                clientIdField, newClientIdButton, usernameField, passwordField, keepAliveField, connectTimeoutField,
                reconnectPeriodField, cleanStartCheck, resubscribeCheck}) {
            n.disableProperty().bind(editable.not());
        }
        connectButton.disableProperty().bind(editable.not());
        disconnectButton.disableProperty().bind(editable);

        connectionStatus.textProperty().bind(Bindings.createStringBinding(
                () -> Messages.get("state." + model.stateProperty().get().styleClass()), model.stateProperty()));
        connectButton.textProperty().bind(Bindings.createStringBinding(() -> Messages.get(
                model.stateProperty().get() == SessionState.CONNECTING ? "connection.connecting"
                        : model.stateProperty().get() == SessionState.CONNECTED ? "connection.connected" : "connection.connect"),
                model.stateProperty()));
        showState(model.stateProperty().get());
        life.listen(model.stateProperty(), (o, a, b) -> showState(b));

        connectionError.textProperty().bind(model.errorProperty());
        connectionError.visibleProperty().bind(model.errorProperty().isNotEmpty());
        connectionError.managedProperty().bind(connectionError.visibleProperty());
        life.listen(model.errorFieldProperty(), (o, a, b) -> markField(b));

        // The presets outlive this connection's page: listen weakly, so a deleted connection can go.
        presets.items().addListener(new WeakListChangeListener<>(presetsChanged));
        fillPresets();
    }

    private void fillPresets() {
        presetMenu.getItems().setAll(presets.items().stream().map(p -> {
            MenuItem item = new MenuItem(p.label().resolve() + "   " + p.url());
            item.setId("preset-" + p.id());
            item.setOnAction(e -> model.useUrl(p.url()));
            return item;
        }).toList());
    }

    private void showState(SessionState state) {
        Fx.showOneOf(connectionStatus, state);
    }

    private void markField(InputField field) {
        Map<InputField, Node> fields = Map.ofEntries(Map.entry(InputField.URL, brokerUrlField),
                Map.entry(InputField.HOST, hostField), Map.entry(InputField.PORT, portField),
                Map.entry(InputField.PATH, pathField), Map.entry(InputField.CLIENT_ID, clientIdField),
                Map.entry(InputField.USERNAME, usernameField), Map.entry(InputField.PASSWORD, passwordField),
                Map.entry(InputField.KEEP_ALIVE, keepAliveField), Map.entry(InputField.CONNECT_TIMEOUT, connectTimeoutField),
                Map.entry(InputField.RECONNECT_PERIOD, reconnectPeriodField));
        fields.values().forEach(n -> n.getStyleClass().remove("field-error"));
        Node bad = fields.get(field);
        if (bad != null) {
            bad.getStyleClass().add("field-error");
            if (isInside(bad, advancedPane.getContent())) {
                advancedPane.setExpanded(true);
            }
        }
    }

    private static boolean isInside(Node node, Node container) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == container) {
                return true;
            }
        }
        return false;
    }

    @FXML
    private void onConnect() {
        model.connect();
    }

    @FXML
    private void onDisconnect() {
        model.disconnect();
    }

    @FXML
    private void onNewClientId() {
        model.newClientId();
    }
}
