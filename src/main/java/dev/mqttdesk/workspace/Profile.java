package dev.mqttdesk.workspace;

import dev.mqttdesk.core.mqtt.SessionState;
import dev.mqttdesk.core.profile.SavedConnection;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * A saved connection as the sidebar shows it: name, folder, state, messages not yet looked at. It is
 * opened into a {@link ConnectionScope} when first selected; until then the saved record is the truth.
 */
public final class Profile {

    private final String id;
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final StringProperty folder = new SimpleStringProperty(this, "folder", "");
    private final ObjectProperty<SessionState> state = new SimpleObjectProperty<>(this, "state", SessionState.DISCONNECTED);
    private final ReadOnlyLongWrapper unread = new ReadOnlyLongWrapper(this, "unread");
    private final BooleanProperty skipVerification = new SimpleBooleanProperty(this, "skipVerification");
    private SavedConnection saved;
    private ConnectionScope scope;
    private long receivedAtLastLook;

    Profile(SavedConnection saved) {
        this.id = saved.id();
        this.saved = saved;
        name.set(saved.name());
        folder.set(saved.folder());
        skipVerification.set(saved.form() != null && saved.form().skipVerification());
    }

    /** Everything about the connection as it is saved now. */
    SavedConnection snapshot() {
        if (scope != null) {
            return scope.snapshot(id, folder.get());
        }
        return new SavedConnection(id, name.get(), folder.get(), saved.form(), saved.savePassword(), saved.password(),
                saved.subscribeOnConnect(), saved.subscriptions(), saved.draft(), saved.logCapacity(),
                saved.logMaxMb());
    }

    void open(ConnectionScope opened) {
        scope = opened;
        name.bindBidirectional(opened.connection().nameProperty());
        skipVerification.bind(opened.connection().skipVerificationProperty());
        state.bind(opened.stateProperty());
    }

    /** Closes the scope, keeping what it held as the saved record. */
    ConnectionScope close() {
        ConnectionScope closing = scope;
        if (closing != null) {
            saved = snapshot();
            name.unbindBidirectional(closing.connection().nameProperty());
            skipVerification.unbind();
            state.unbind();
            state.set(SessionState.DISCONNECTED);
            scope = null;
        }
        return closing;
    }

    /** Counts what arrived since the user last looked at this connection. */
    void updateUnread(boolean looking) {
        if (scope == null) {
            return;
        }
        long received = scope.log().receivedProperty().get();
        if (looking || received < receivedAtLastLook) {
            receivedAtLastLook = received;
        }
        unread.set(received - receivedAtLastLook);
    }

    public String id() { return id; }
    public StringProperty nameProperty() { return name; }
    public StringProperty folderProperty() { return folder; }
    public ReadOnlyObjectProperty<SessionState> stateProperty() { return state; }
    public ReadOnlyLongProperty unreadProperty() { return unread.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty skipVerificationProperty() { return skipVerification; }
    /** The open scope, or null while the connection was never selected (or was closed). */
    public ConnectionScope scope() { return scope; }

    @Override
    public String toString() {
        return name.get();
    }
}
