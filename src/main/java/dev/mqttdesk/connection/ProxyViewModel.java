package dev.mqttdesk.connection;

import dev.mqttdesk.core.mqtt.ProxyOptions;
import dev.mqttdesk.core.profile.ProxyProfile;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.List;

/** The proxy pane: none, HTTP CONNECT or SOCKS5, with host, port, user name and password. */
public final class ProxyViewModel {

    private final ObjectProperty<ProxyOptions.Type> type = new SimpleObjectProperty<>(this, "type", ProxyOptions.Type.NONE);
    private final StringProperty host = new SimpleStringProperty(this, "host", "");
    private final StringProperty port = new SimpleStringProperty(this, "port", "");
    private final StringProperty username = new SimpleStringProperty(this, "username", "");
    private final StringProperty password = new SimpleStringProperty(this, "password", "");

    /** The options; bad input is refused with the field it is about. */
    ProxyOptions options() {
        ProxyOptions.Type t = type.get() == null ? ProxyOptions.Type.NONE : type.get();
        if (t == ProxyOptions.Type.NONE) {
            return ProxyOptions.NONE;
        }
        int p;
        try {
            p = Integer.parseInt(port.get().strip());
        } catch (NumberFormatException e) {
            p = -1; // refused by the options, after the host, in the order of the fields
        }
        return new ProxyOptions(t, host.get(), p, username.get(), password.get());
    }

    ProxyProfile profile() {
        return new ProxyProfile(type.get().name(), host.get(), port.get(), username.get());
    }

    void load(ProxyProfile p) {
        ProxyOptions.Type t = ProxyOptions.Type.NONE;
        try {
            t = p == null || p.type() == null ? t : ProxyOptions.Type.valueOf(p.type());
        } catch (IllegalArgumentException unknown) {
            // a name from a later version: none
        }
        type.set(t);
        host.set(p == null || p.host() == null ? "" : p.host());
        port.set(p == null || p.port() == null ? "" : p.port());
        username.set(p == null || p.username() == null ? "" : p.username());
    }

    /** The saved ones (the password is not saved). */
    List<Observable> savedState() {
        return List.of(type, host, port, username);
    }

    public ObjectProperty<ProxyOptions.Type> typeProperty() { return type; }
    public StringProperty hostProperty() { return host; }
    public StringProperty portProperty() { return port; }
    public StringProperty usernameProperty() { return username; }
    public StringProperty passwordProperty() { return password; }
}
