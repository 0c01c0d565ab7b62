package dev.mqttdesk.check;

import dev.mqttdesk.core.tls.TrustStores;
import dev.mqttdesk.core.tls.TrustRecorder;
import dev.mqttdesk.core.i18n.InvalidInputException;


import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;

/** Whom the check trusts: the JDK's CAs (what a phone's are closest to), plus the CA file when one is given. */
final class CheckTrust {

    private final TrustManagerFactory factory;
    private final X509ExtendedTrustManager manager;
    private final X509ExtendedTrustManager systemOnly;
    private final Path caFile;

    private CheckTrust(TrustManagerFactory factory, X509ExtendedTrustManager systemOnly, Path caFile) {
        this.factory = factory;
        this.manager = extended(factory);
        this.systemOnly = systemOnly;
        this.caFile = caFile;
    }

    /** Loads the trust; a CA file that cannot be read is the user's to fix, and says so. */
    static CheckTrust load(Path caFile) {
        TrustManagerFactory system = systemFactory();
        if (caFile == null) {
            return new CheckTrust(system, null, null);
        }
        TrustStores.readCertificates(caFile); // complains in words about a missing or empty file
        return new CheckTrust(TrustStores.systemPlus(caFile), extended(system), caFile);
    }

    TrustManagerFactory factory() {
        return factory;
    }

    /** A recorder for one TLS handshake, asking both the full trust and the system's alone. */
    TrustRecorder recorder() {
        return TrustRecorder.observing(manager, systemOnly);
    }

    /** A TLS context that trusts what the check trusts, and refuses everything else. */
    SSLContext verifyingContext() throws GeneralSecurityException {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }

    Path caFile() {
        return caFile;
    }

    private static TrustManagerFactory systemFactory() {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init((KeyStore) null);
            return tmf;
        } catch (GeneralSecurityException e) {
            throw new InvalidInputException("check.error.trustStore", e.getMessage());
        }
    }

    private static X509ExtendedTrustManager extended(TrustManagerFactory factory) {
        return TrustRecorder.extended(factory);
    }
}
