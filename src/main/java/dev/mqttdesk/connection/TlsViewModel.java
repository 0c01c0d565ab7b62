package dev.mqttdesk.connection;

import dev.mqttdesk.core.mqtt.TlsOptions;
import dev.mqttdesk.core.profile.TlsProfile;
import dev.mqttdesk.core.tls.TlsInspection;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The TLS pane beyond the CA file and the skip switch: the client certificate, its key and password, the versions, SNI. */
public final class TlsViewModel {

    private final StringProperty clientCert = new SimpleStringProperty(this, "clientCert", "");
    private final StringProperty clientKey = new SimpleStringProperty(this, "clientKey", "");
    private final StringProperty keyPassword = new SimpleStringProperty(this, "keyPassword", "");
    private final StringProperty sniHost = new SimpleStringProperty(this, "sniHost", "");
    private final ObjectProperty<TlsOptions.Versions> versions = new SimpleObjectProperty<>(this, "versions", TlsOptions.Versions.BOTH);

    /** The connection's options with these settings; files are read when connecting. */
    TlsOptions options(Path caFile, boolean skipVerification) {
        return new TlsOptions(caFile, skipVerification, path(clientCert.get()), path(clientKey.get()), keyPassword.get(),
                versions.get(), sniHost.get());
    }

    TlsProfile profile() {
        return new TlsProfile(clientCert.get(), clientKey.get(), versions.get().name(),
                sniHost.get().isBlank() ? null : sniHost.get().strip());
    }

    void load(TlsProfile p) {
        clientCert.set(p == null || p.clientCert() == null ? "" : p.clientCert());
        clientKey.set(p == null || p.clientKey() == null ? "" : p.clientKey());
        sniHost.set(p == null || p.sniHost() == null ? "" : p.sniHost());
        TlsOptions.Versions v = TlsOptions.Versions.BOTH;
        try {
            v = p == null || p.versions() == null ? v : TlsOptions.Versions.valueOf(p.versions());
        } catch (IllegalArgumentException unknown) {
            // a name from a later version: both
        }
        versions.set(v);
    }

    /** The saved ones (the password is not saved). */
    List<Observable> savedState() {
        return List.of(clientCert, clientKey, versions, sniHost);
    }

    /** The TLS inspector's text: the last handshake's chain, or why there is none. */
    static String inspectionText(Optional<TlsInspection> inspection, String lastError) {
        return TlsInspectionText.of(inspection, lastError);
    }

    private static Path path(String text) {
        return text == null || text.isBlank() ? null : Path.of(text.strip());
    }

    public StringProperty clientCertProperty() { return clientCert; }
    public StringProperty clientKeyProperty() { return clientKey; }
    public StringProperty keyPasswordProperty() { return keyPassword; }
    public ObjectProperty<TlsOptions.Versions> versionsProperty() { return versions; }
    /** The host name sent as SNI and checked in the certificate instead of the URL's host; empty for the URL's. */
    public StringProperty sniHostProperty() { return sniHost; }
}
