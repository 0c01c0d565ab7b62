package dev.mqttdesk.connection;

import dev.mqttdesk.core.i18n.InputField;
import dev.mqttdesk.core.i18n.Messages;
import dev.mqttdesk.core.mqtt.TlsOptions;
import dev.mqttdesk.ui.Choices;
import dev.mqttdesk.ui.Collapsed;
import dev.mqttdesk.ui.ViewLifetime;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.stage.FileChooser;

import java.io.File;
import java.util.Map;

/** Thin controller: the TLS pane, and the inspector it opens. */
public final class TlsView {

    @FXML private TitledPane tlsPane;
    @FXML private TextField caFileField;
    @FXML private Button caFileButton;
    @FXML private TextField clientCertField;
    @FXML private Button clientCertButton;
    @FXML private TextField clientKeyField;
    @FXML private Button clientKeyButton;
    @FXML private PasswordField clientKeyPasswordField;
    @FXML private ChoiceBox<TlsOptions.Versions> tlsVersionChoice;
    @FXML private TextField tlsSniHostField;
    @FXML private CheckBox skipVerifyCheck;
    @FXML private Button tlsInspectButton;
    @FXML private Label tlsError;

    private final ConnectionViewModel connection;
    private final ViewLifetime life;

    public TlsView(ConnectionViewModel connection, ViewLifetime life) {
        this.life = life;
        this.connection = connection;
    }

    @FXML
    private void initialize() {
        Collapsed.untilOpened(tlsPane);
        TlsViewModel model = connection.tls();
        caFileField.textProperty().bindBidirectional(connection.caFileProperty());
        skipVerifyCheck.selectedProperty().bindBidirectional(connection.skipVerificationProperty());
        clientCertField.textProperty().bindBidirectional(model.clientCertProperty());
        clientKeyField.textProperty().bindBidirectional(model.clientKeyProperty());
        clientKeyPasswordField.textProperty().bindBidirectional(model.keyPasswordProperty());
        tlsSniHostField.textProperty().bindBidirectional(model.sniHostProperty());
        tlsVersionChoice.setItems(FXCollections.observableArrayList(TlsOptions.Versions.values()));
        tlsVersionChoice.setConverter(Choices.converter(v -> Messages.get("tls.versions." + v.name())));
        tlsVersionChoice.valueProperty().bindBidirectional(model.versionsProperty());
        BooleanBinding editable = connection.editableBinding();
        for (Node n : new Node[]{caFileField, caFileButton, clientCertField, clientCertButton, clientKeyField, clientKeyButton,
                clientKeyPasswordField, tlsVersionChoice, tlsSniHostField, skipVerifyCheck}) {
            n.disableProperty().bind(editable.not());
        }
        FieldMarks.install(connection, life, tlsPane, tlsError, Map.of(InputField.CA_FILE, caFileField,
                InputField.CLIENT_CERT, clientCertField, InputField.CLIENT_KEY, clientKeyField,
                InputField.CLIENT_KEY_PASSWORD, clientKeyPasswordField, InputField.SNI_HOST, tlsSniHostField));
    }

    @FXML
    private void onInspect() {
        TlsInspectorWindow.show(tlsInspectButton.getScene().getWindow(), connection.tlsInspectionText());
    }

    @FXML
    private void onChooseCaFile() {
        choose(connection.caFileProperty(), "*.pem", "*.crt", "*.cer", "*.p12", "*.pfx", "*.jks");
    }

    @FXML
    private void onChooseClientCert() {
        choose(connection.tls().clientCertProperty(), "*.pem", "*.crt", "*.cer", "*.p12", "*.pfx");
    }

    @FXML
    private void onChooseClientKey() {
        choose(connection.tls().clientKeyProperty(), "*.pem", "*.key");
    }

    private void choose(StringProperty target, String... patterns) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(Messages.get("connection.caFile.choose"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(Messages.get("connection.caFile.filter"), patterns));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(Messages.get("tls.allFiles"), "*"));
        File file = chooser.showOpenDialog(tlsPane.getScene().getWindow());
        if (file != null) {
            target.set(file.getAbsolutePath());
        }
    }
}
