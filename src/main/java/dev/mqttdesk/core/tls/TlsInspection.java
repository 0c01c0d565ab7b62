package dev.mqttdesk.core.tls;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the last TLS handshake of a connection showed: the chain the broker presented, whether it names the
 * host, and which trust decided.
 *
 * @param certificates empty when the handshake failed before the broker sent any
 * @param refusal      the trust manager's words when it refused the chain, else null
 */
public record TlsInspection(String host, List<PresentedCertificate> certificates, boolean hostMatched,
                            Decision decidedBy, String refusal) {

    /** Who decided to trust the chain, or that nobody did. */
    public enum Decision {
        /** The system's CAs (no CA file, or the system's CAs alone already trust it). */
        SYSTEM,
        /** Only the CA file's certificates made it trusted. */
        CA_FILE,
        /** Verification was off: accepted unchecked. */
        NOT_VERIFIED,
        /** Neither trust accepted it. */
        REFUSED,
        /** No certificate arrived. */
        NONE
    }

    /** What a recorder saw; {@code skipVerification} says the connection accepted the chain unchecked. */
    public static TlsInspection of(TrustRecorder recorder, String host, boolean skipVerification) {
        X509Certificate[] chain = recorder.chain();
        if (chain == null || chain.length == 0) {
            return new TlsInspection(host, List.of(), false, Decision.NONE, null);
        }
        Instant now = Instant.now();
        List<PresentedCertificate> certs = new ArrayList<>();
        for (X509Certificate c : chain) {
            certs.add(PresentedCertificate.of(c, now));
        }
        CertificateException rejection = recorder.rejection();
        Decision decision = skipVerification ? Decision.NOT_VERIFIED
                : rejection != null ? Decision.REFUSED
                : recorder.systemTrusts() ? Decision.SYSTEM : Decision.CA_FILE;
        return new TlsInspection(host, List.copyOf(certs), HostNames.covers(chain[0], host), decision,
                rejection == null ? null : rootMessage(rejection));
    }

    private static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
    }
}
