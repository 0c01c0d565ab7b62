package dev.mqttdesk.core.mqtt;

import dev.mqttdesk.core.i18n.InputField;
import dev.mqttdesk.core.i18n.InvalidInputException;

import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;

/** Trust stores for TLS: the JDK's own CAs, plus those of a PEM file the user names. */
public final class TrustStores {

    private TrustStores() {
    }

    /** A trust manager factory that trusts the system CAs and every certificate in {@code pemFile}. */
    public static TrustManagerFactory systemPlus(Path pemFile) {
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            Path cacerts = Path.of(System.getProperty("java.home"), "lib", "security", "cacerts");
            if (Files.isReadable(cacerts)) {
                try (InputStream in = Files.newInputStream(cacerts)) {
                    store.load(in, null);
                }
            } else {
                store.load(null, null);
            }
            int i = 0;
            for (Certificate cert : readCertificates(pemFile)) {
                store.setCertificateEntry("mqttdesk-ca-" + i++, cert);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            return tmf;
        } catch (IOException | GeneralSecurityException e) {
            throw new InvalidInputException(InputField.CA_FILE, "error.tls.caFile", pemFile, e.getMessage());
        }
    }

    /** The certificates in a PEM (or DER) file; at least one, or a clear complaint. */
    public static Collection<? extends Certificate> readCertificates(Path file) {
        if (file == null || !Files.isReadable(file)) {
            throw new InvalidInputException(InputField.CA_FILE, "error.tls.caFileMissing", String.valueOf(file));
        }
        try (InputStream in = Files.newInputStream(file)) {
            Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certs.isEmpty()) {
                throw new InvalidInputException(InputField.CA_FILE, "error.tls.caFileEmpty", file);
            }
            return certs;
        } catch (IOException | GeneralSecurityException e) {
            throw new InvalidInputException(InputField.CA_FILE, "error.tls.caFile", file, e.getMessage());
        }
    }
}
