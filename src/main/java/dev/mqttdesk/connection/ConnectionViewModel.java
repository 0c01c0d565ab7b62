package dev.mqttdesk.connection;

import dev.mqttdesk.core.i18n.InputField;
import dev.mqttdesk.core.i18n.InvalidInputException;
import dev.mqttdesk.core.i18n.Text;
import dev.mqttdesk.core.mqtt.ConnectOptions;
import dev.mqttdesk.core.mqtt.ConnectionSettings;
import dev.mqttdesk.core.mqtt.MqttActionException;
import dev.mqttdesk.core.mqtt.MqttSession;
import dev.mqttdesk.core.mqtt.MqttVersion;
import dev.mqttdesk.core.mqtt.ProxyOptions;
import dev.mqttdesk.core.mqtt.SessionEvent;
import dev.mqttdesk.core.mqtt.SessionState;
import dev.mqttdesk.core.mqtt.TlsOptions;
import dev.mqttdesk.core.profile.ConnectionProfile;
import dev.mqttdesk.core.url.BrokerUrl;
import dev.mqttdesk.core.url.Transport;
import dev.mqttdesk.ui.Feedback;
import dev.mqttdesk.ui.Fx;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import javafx.beans.Observable;

import java.nio.file.Path;
import java.util.List;

/**
 * The connection form and the session's state. The URL field and the part fields are two views
 * of one broker address: committing the URL fills the parts, editing a part rewrites the URL.
 */
public final class ConnectionViewModel {

    /** Which field an input error belongs to, so the view can mark it. */
    private final StringProperty url = new SimpleStringProperty(this, "url", "");
    private final StringProperty host = new SimpleStringProperty(this, "host", "");
    private final StringProperty port = new SimpleStringProperty(this, "port", "");
    private final StringProperty path = new SimpleStringProperty(this, "path", BrokerUrl.DEFAULT_WS_PATH);
    private final ObjectProperty<Transport> transport = new SimpleObjectProperty<>(this, "transport", Transport.TCP);
    private final ObjectProperty<MqttVersion> version = new SimpleObjectProperty<>(this, "version", MqttVersion.MQTT_5_0);
    private final StringProperty clientId = new SimpleStringProperty(this, "clientId", ConnectionSettings.newClientId());
    private final StringProperty username = new SimpleStringProperty(this, "username", "");
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final StringProperty keepAlive = new SimpleStringProperty(this, "keepAlive", String.valueOf(ConnectionSettings.DEFAULT_KEEP_ALIVE));
    private final BooleanProperty cleanStart = new SimpleBooleanProperty(this, "cleanStart", true);
    private final StringProperty connectTimeout = new SimpleStringProperty(this, "connectTimeout", String.valueOf(ConnectionSettings.DEFAULT_CONNECT_TIMEOUT));
    private final StringProperty reconnectPeriod = new SimpleStringProperty(this, "reconnectPeriod", String.valueOf(ConnectionSettings.DEFAULT_RECONNECT_PERIOD));
    private final BooleanProperty resubscribe = new SimpleBooleanProperty(this, "resubscribe", true);
    private final StringProperty caFile = new SimpleStringProperty(this, "caFile", "");
    private final BooleanProperty skipVerification = new SimpleBooleanProperty(this, "skipVerification", false);
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final BooleanProperty savePassword = new SimpleBooleanProperty(this, "savePassword", false);

    private final ReadOnlyObjectWrapper<SessionState> state = new ReadOnlyObjectWrapper<>(this, "state", SessionState.DISCONNECTED);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyObjectWrapper<InputField> errorField = new ReadOnlyObjectWrapper<>(this, "errorField", InputField.NONE);

    private final ConnectOptionsViewModel options = new ConnectOptionsViewModel();
    private final WillViewModel will = new WillViewModel();
    private final TlsViewModel tls = new TlsViewModel();
    private final ProxyViewModel proxy = new ProxyViewModel();
    private final ConnAckViewModel connAck = new ConnAckViewModel();

    private final MqttSession session;
    private final Feedback feedback;
    private boolean syncing;
    /** The user typed in the URL field since it was last committed or rewritten. */
    private boolean urlEdited;

    public ConnectionViewModel(MqttSession session, Feedback feedback, BrokerUrl initial) {
        this.session = session;
        this.feedback = feedback;
        showUrl(initial);
        url.addListener((o, a, b) -> urlEdited |= !syncing);
        host.addListener((o, a, b) -> rewriteUrl());
        port.addListener((o, a, b) -> rewriteUrl());
        path.addListener((o, a, b) -> rewriteUrl());
        transport.addListener((o, old, now) -> transportChanged(old, now));
    }

    // ---- the address ----

    /** Commits the URL field (Enter or focus lost): fills host, port, path and transport. */
    public void commitUrl() {
        try {
            showUrl(BrokerUrl.parse(url.get()));
            urlEdited = false;
            clearError();
        } catch (InvalidInputException e) {
            showError(InputField.URL, e.text());
        }
    }

    /** Sets the whole address at once, as a preset does. */
    public void useUrl(String text) {
        url.set(text);
        commitUrl();
    }

    private void showUrl(BrokerUrl u) {
        syncing = true;
        try {
            transport.set(u.transport());
            host.set(u.host());
            port.set(String.valueOf(u.port()));
            if (u.transport().webSocket()) {
                path.set(u.path());
            }
            url.set(u.toString());
        } finally {
            syncing = false;
        }
    }

    private void transportChanged(Transport old, Transport now) {
        if (syncing || old == null || now == null) {
            return;
        }
        syncing = true;
        try {
            // The port follows the transport while it was the old transport's default.
            if (String.valueOf(old.defaultPort()).equals(port.get().strip())) {
                port.set(String.valueOf(now.defaultPort()));
            }
        } finally {
            syncing = false;
        }
        rewriteUrl();
    }

    private void rewriteUrl() {
        if (syncing) {
            return;
        }
        try {
            BrokerUrl u = addressFromParts();
            syncing = true;
            try {
                url.set(u.toString());
            } finally {
                syncing = false;
            }
            if (errorField.get().isAddress()) {
                clearError();
            }
        } catch (InvalidInputException e) {
            // Half-typed parts are normal; the complaint waits for Connect.
        }
    }

    private BrokerUrl addressFromParts() {
        return new BrokerUrl(transport.get(), host.get(), BrokerUrl.parsePort(port.get()), path.get());
    }

    // ---- actions ----

    public void newClientId() {
        clientId.set(ConnectionSettings.newClientId());
    }

    /** Connects with the form's values; bad input is refused with a message and nothing is sent. */
    public void connect() {
        if (urlEdited) {
            // The URL was typed but not committed yet (no Enter, focus never left): it wins.
            commitUrl();
            if (errorField.get() == InputField.URL) {
                feedback.error(Text.of("error.url.invalid", error.get()));
                return;
            }
        }
        ConnectionSettings settings;
        try {
            settings = settingsFromForm();
        } catch (FieldException e) {
            showError(e.field, e.text);
            feedback.error(e.text);
            return;
        }
        clearError();
        session.connect(settings).whenComplete((ok, failure) -> Fx.run(() -> {
            if (failure == null) {
                feedback.info(Text.of("toast.connected", settings.url().toString()));
            } else {
                Text why = MqttActionException.textOf(failure);
                showError(InputField.NONE, why);
                feedback.error(why);
            }
        }));
    }

    /** The form as it is saved (the password goes separately, and only when the user asks). */
    public ConnectionProfile profile() {
        return new ConnectionProfile(url.get(), version.get().name(), clientId.get(), username.get(), keepAlive.get(),
                cleanStart.get(), connectTimeout.get(), reconnectPeriod.get(), resubscribe.get(), caFile.get(),
                skipVerification.get(), options.profile(), will.profile(), tls.profile(), proxy.profile());
    }

    /** Fills the form from a saved profile; a saved URL that no longer parses is shown for the user to mend. */
    public void load(ConnectionProfile p) {
        if (p == null) {
            return;
        }
        useUrl(p.url() == null ? "" : p.url());
        try {
            version.set(MqttVersion.valueOf(p.version()));
        } catch (IllegalArgumentException | NullPointerException e) {
            version.set(MqttVersion.MQTT_5_0);
        }
        if (p.clientId() != null && !p.clientId().isBlank()) {
            clientId.set(p.clientId());
        }
        username.set(p.username() == null ? "" : p.username());
        keepAlive.set(orDefault(p.keepAlive(), ConnectionSettings.DEFAULT_KEEP_ALIVE));
        cleanStart.set(p.cleanStart());
        connectTimeout.set(orDefault(p.connectTimeout(), ConnectionSettings.DEFAULT_CONNECT_TIMEOUT));
        reconnectPeriod.set(orDefault(p.reconnectPeriod(), ConnectionSettings.DEFAULT_RECONNECT_PERIOD));
        resubscribe.set(p.resubscribe());
        caFile.set(p.caFile() == null ? "" : p.caFile());
        skipVerification.set(p.skipVerification());
        options.load(p.connect(), p.cleanStart());
        will.load(p.will());
        tls.load(p.tls());
        proxy.load(p.proxy());
    }

    private static String orDefault(String text, int fallback) {
        return text == null || text.isBlank() ? String.valueOf(fallback) : text;
    }

    /** Everything that is saved with the connection: a change to any of them is a change to save. */
    public List<Observable> savedState() {
        List<Observable> all = new java.util.ArrayList<>(List.of(name, url, version, clientId, username, password, keepAlive,
                cleanStart, connectTimeout, reconnectPeriod, resubscribe, caFile, skipVerification, savePassword));
        all.addAll(options.savedState());
        all.addAll(will.savedState());
        all.addAll(tls.savedState());
        all.addAll(proxy.savedState());
        return List.copyOf(all);
    }

    public void disconnect() {
        session.disconnect().whenComplete((ok, failure) -> Fx.run(() -> feedback.info(Text.of("toast.disconnected"))));
    }

    /** What the session reports, already on the FX thread. */
    public void onSessionEvent(SessionEvent event) {
        SessionState previous = state.get();
        // Every event carries the session's state: the form shows that, whatever kind of event it is.
        state.set(event.state());
        connAck.show(event.connAck());
        if (event.kind() == SessionEvent.Kind.NOTICE) {
            feedback.info(event.detail());
            return;
        }
        if (!event.isStateChange()) {
            return;
        }
        if (event.duplicateClientId()) {
            showError(InputField.CLIENT_ID, event.detail());
            feedback.error(event.detail(), Text.of("action.newClientIdAndConnect"), () -> {
                newClientId();
                connect();
            });
        } else if (event.state() == SessionState.RECONNECTING && previous == SessionState.CONNECTED) {
            showError(InputField.NONE, Text.of("status.reconnectingBecause", event.detail()));
            feedback.error(Text.of("status.reconnectingBecause", event.detail()));
        } else if (event.state() == SessionState.DISCONNECTED && previous == SessionState.CONNECTED
                && event.detail() != null && !event.byUser()) {
            showError(InputField.NONE, event.detail());
            feedback.error(event.detail());
        } else if (event.state() == SessionState.CONNECTED && previous == SessionState.RECONNECTING) {
            clearError();
            feedback.info(Text.of("status.reconnected"));
        }
    }

    /** The settings the form would connect with now; refuses bad input with the field it is about. */
    ConnectionSettings settings() {
        try {
            return settingsFromForm();
        } catch (FieldException e) {
            throw new InvalidInputException(e.field, e.text);
        }
    }

    private ConnectionSettings settingsFromForm() throws FieldException {
        int portNumber = parse(InputField.PORT, () -> BrokerUrl.parsePort(port.get()));
        BrokerUrl address;
        try {
            address = new BrokerUrl(transport.get(), host.get(), portNumber, path.get());
        } catch (InvalidInputException e) {
            throw new FieldException(e.field() == InputField.NONE ? InputField.HOST : e.field(), e.text());
        }
        int keepAliveSeconds = number(InputField.KEEP_ALIVE, keepAlive.get());
        int timeout = number(InputField.CONNECT_TIMEOUT, connectTimeout.get());
        int reconnect = number(InputField.RECONNECT_PERIOD, reconnectPeriod.get());
        TlsOptions tlsOptions = parse(InputField.SNI_HOST,
                () -> tls.options(caFile.get().isBlank() ? null : Path.of(caFile.get().strip()), skipVerification.get()));
        if (address.transport().secure()) {
            // Every TLS file is read now, so that a bad one is refused at its field before anything is sent.
            parse(InputField.CA_FILE, () -> dev.mqttdesk.core.mqtt.ClientConfig.Trust.of(tlsOptions));
        }
        ProxyOptions proxyOptions = parse(InputField.PROXY_HOST, proxy::options);
        String id = clientId.get();
        boolean mqtt5 = version.get() == MqttVersion.MQTT_5_0;
        try {
            return new ConnectionSettings(address, version.get(), id, username.get(), password.get(), keepAliveSeconds,
                    cleanStart.get(), timeout, reconnect, resubscribe.get(), tlsOptions,
                    // MQTT 3.1.1 has no CONNECT properties: its fields are disabled and not read.
                    mqtt5 ? options.options() : ConnectOptions.DEFAULT, will.will(mqtt5), proxyOptions);
        } catch (InvalidInputException e) {
            throw new FieldException(e.field(), e.text());
        }
    }

    private static int number(InputField field, String text) throws FieldException {
        String s = text == null ? "" : text.strip();
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new FieldException(field, Text.of("error.number"));
        }
    }

    private static <T> T parse(InputField field, java.util.function.Supplier<T> parser) throws FieldException {
        try {
            return parser.get();
        } catch (InvalidInputException e) {
            throw new FieldException(e.field() == InputField.NONE ? field : e.field(), e.text());
        }
    }

    private static final class FieldException extends Exception {
        final InputField field;
        final Text text;

        FieldException(InputField field, Text text) {
            super(text.toString(), null, false, false);
            this.field = field;
            this.text = text;
        }
    }

    private void showError(InputField field, Text text) {
        errorField.set(field);
        error.set(text == null ? "" : text.resolve());
    }

    private void clearError() {
        errorField.set(InputField.NONE);
        error.set("");
    }

    // ---- what the view binds to ----

    /** Whether the form may be edited: only while no connection is up or under way. */
    public BooleanBinding editableBinding() {
        return Bindings.createBooleanBinding(() -> state.get() == SessionState.DISCONNECTED, state);
    }

    public ConnectOptionsViewModel options() { return options; }
    public WillViewModel will() { return will; }
    public TlsViewModel tls() { return tls; }
    public ProxyViewModel proxy() { return proxy; }

    /** The TLS inspector's text: what the last handshake showed, and the last error. */
    public String tlsInspectionText() {
        return TlsViewModel.inspectionText(session.tlsInspection(), error.get());
    }
    public ConnAckViewModel connAck() { return connAck; }
    /** Whether the form speaks MQTT 5: the options MQTT 3.1.1 lacks are shown disabled otherwise. */
    public BooleanBinding mqtt5Binding() {
        return Bindings.createBooleanBinding(() -> version.get() == MqttVersion.MQTT_5_0, version);
    }
    /**
     * MQTT 5 without clean start but with a session expiry of 0: the broker ends the session when the
     * connection closes, which is seldom what turning clean start off was for. The view says so.
     */
    public BooleanBinding sessionEndsWithConnectionBinding() {
        return Bindings.createBooleanBinding(() -> version.get() == MqttVersion.MQTT_5_0 && !cleanStart.get()
                        && FormNumbers.isZeroOrEmpty(options.sessionExpiryProperty().get()),
                version, cleanStart, options.sessionExpiryProperty());
    }
    public StringProperty urlProperty() { return url; }
    public StringProperty hostProperty() { return host; }
    public StringProperty portProperty() { return port; }
    public StringProperty pathProperty() { return path; }
    public ObjectProperty<Transport> transportProperty() { return transport; }
    public ObjectProperty<MqttVersion> versionProperty() { return version; }
    public StringProperty clientIdProperty() { return clientId; }
    public StringProperty usernameProperty() { return username; }
    public StringProperty passwordProperty() { return password; }
    public StringProperty keepAliveProperty() { return keepAlive; }
    public BooleanProperty cleanStartProperty() { return cleanStart; }
    public StringProperty connectTimeoutProperty() { return connectTimeout; }
    public StringProperty reconnectPeriodProperty() { return reconnectPeriod; }
    public BooleanProperty resubscribeProperty() { return resubscribe; }
    public StringProperty caFileProperty() { return caFile; }
    public BooleanProperty skipVerificationProperty() { return skipVerification; }
    public StringProperty nameProperty() { return name; }
    public BooleanProperty savePasswordProperty() { return savePassword; }
    public ReadOnlyObjectProperty<SessionState> stateProperty() { return state.getReadOnlyProperty(); }
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<InputField> errorFieldProperty() { return errorField.getReadOnlyProperty(); }
}
