package dev.mqttdesk.core.mqtt;

import dev.mqttdesk.core.i18n.InputField;
import dev.mqttdesk.core.i18n.InvalidInputException;
import dev.mqttdesk.core.tls.HostNames;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How a TLS connection trusts the broker and shows itself: the system trust store plus an optional CA file,
 * or, only when the user switches it on, no verification at all; an optional client certificate for mutual
 * TLS; which TLS versions may be spoken.
 *
 * @param clientCert  a PEM certificate (with {@code clientKey}), or a PKCS12 file holding both; null for none
 * @param keyPassword the password of an encrypted key or of the PKCS12 file; null for none
 * @param sniHost     the host name to send as SNI and to check the certificate against instead of the URL's host
 *                    (the socket still goes to the URL's host); null for the URL's host
 */
public record TlsOptions(Path caFile, boolean skipVerification, Path clientCert, Path clientKey, String keyPassword,
                         Versions versions, String sniHost) {

    /** A DNS name as SNI carries it (RFC 6066 §3: a host name, never an address literal). */
    private static final Pattern HOST_NAME = Pattern.compile(
            "(?i)[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?(?:\\.[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)*\\.?");

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
        sniHost = sniHost == null || sniHost.isBlank() ? null : sniHost.strip();
        if (sniHost != null && (HostNames.isAddressLiteral(sniHost) || sniHost.length() > 253
                || !HOST_NAME.matcher(sniHost).matches())) {
            throw new InvalidInputException(InputField.SNI_HOST, "error.sniHost", sniHost);
        }
    }

    /** No SNI override. */
    public TlsOptions(Path caFile, boolean skipVerification, Path clientCert, Path clientKey, String keyPassword,
                      Versions versions) {
        this(caFile, skipVerification, clientCert, clientKey, keyPassword, versions, null);
    }

    /** Trust only, no client certificate, both versions. */
    public TlsOptions(Path caFile, boolean skipVerification) {
        this(caFile, skipVerification, null, null, null, Versions.BOTH, null);
    }

    /** The key password never shows (settings end up in logs and test reports). */
    @Override
    public String toString() {
        return "TlsOptions[caFile=" + caFile + ", skipVerification=" + skipVerification + ", clientCert=" + clientCert
                + ", clientKey=" + clientKey + ", keyPassword=" + (keyPassword == null ? "none" : "(hidden)")
                + ", versions=" + versions + ", sniHost=" + sniHost + "]";
    }
}
