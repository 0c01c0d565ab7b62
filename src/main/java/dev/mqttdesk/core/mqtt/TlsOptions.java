package dev.mqttdesk.core.mqtt;

import java.nio.file.Path;
import java.util.List;

/**
 * How a TLS connection trusts the broker and shows itself: the system trust store plus an optional CA file,
 * or, only when the user switches it on, no verification at all; an optional client certificate for mutual
 * TLS; which TLS versions may be spoken.
 *
 * @param clientCert  a PEM certificate (with {@code clientKey}), or a PKCS12 file holding both; null for none
 * @param keyPassword the password of an encrypted key or of the PKCS12 file; null for none
 */
public record TlsOptions(Path caFile, boolean skipVerification, Path clientCert, Path clientKey, String keyPassword,
                         Versions versions) {

    public static final TlsOptions SYSTEM = new TlsOptions(null, false);

    /** The TLS versions a connection offers. */
    public enum Versions {
        BOTH(List.of("TLSv1.3", "TLSv1.2")), TLS_1_2(List.of("TLSv1.2")), TLS_1_3(List.of("TLSv1.3"));

        private final List<String> protocols;

        Versions(List<String> protocols) {
            this.protocols = protocols;
        }

        /** The JDK's names, as {@code SSLEngine.setEnabledProtocols} takes them. */
        public List<String> protocols() {
            return protocols;
        }
    }

    public TlsOptions {
        versions = versions == null ? Versions.BOTH : versions;
        keyPassword = keyPassword == null || keyPassword.isEmpty() ? null : keyPassword;
    }

    /** Trust only, no client certificate, both versions. */
    public TlsOptions(Path caFile, boolean skipVerification) {
        this(caFile, skipVerification, null, null, null, Versions.BOTH);
    }

    /** The key password never shows (settings end up in logs and test reports). */
    @Override
    public String toString() {
        return "TlsOptions[caFile=" + caFile + ", skipVerification=" + skipVerification + ", clientCert=" + clientCert
                + ", clientKey=" + clientKey + ", keyPassword=" + (keyPassword == null ? "none" : "(hidden)")
                + ", versions=" + versions + "]";
    }
}
