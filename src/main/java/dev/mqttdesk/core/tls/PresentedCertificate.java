package dev.mqttdesk.core.tls;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;

/** One certificate of the chain a broker presented, as the TLS inspector shows it. */
public record PresentedCertificate(String subject, String issuer, Instant notBefore, Instant notAfter,
                                   List<String> subjectAltNames, String sha256, Validity validity) {

    /** A certificate that ends within this time is flagged as ending soon. */
    public static final Duration SOON = Duration.ofDays(30);

    public enum Validity { VALID, ENDS_SOON, EXPIRED, NOT_YET_VALID }

    public static PresentedCertificate of(X509Certificate c, Instant now) {
        Instant from = c.getNotBefore().toInstant().truncatedTo(ChronoUnit.SECONDS);
        Instant until = c.getNotAfter().toInstant().truncatedTo(ChronoUnit.SECONDS);
        Validity validity = now.isAfter(until) ? Validity.EXPIRED
                : now.isBefore(from) ? Validity.NOT_YET_VALID
                : now.plus(SOON).isAfter(until) ? Validity.ENDS_SOON : Validity.VALID;
        return new PresentedCertificate(c.getSubjectX500Principal().getName(), c.getIssuerX500Principal().getName(),
                from, until, HostNames.subjectAltNames(c), sha256(c), validity);
    }

    /** The SHA-256 fingerprint as colon-separated upper-case hex, the way browsers and openssl print it. */
    static String sha256(X509Certificate c) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(c.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("SHA-256 of a parsed certificate", e);
        }
    }
}
