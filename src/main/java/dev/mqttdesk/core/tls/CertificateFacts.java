package dev.mqttdesk.core.tls;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a report shows of a certificate chain: the leaf's names and dates, and who signed what. */
public record CertificateFacts(String subject, String issuer, List<String> subjectAltNames, Instant notBefore,
                        Instant notAfter, List<String> chain) {

    public static CertificateFacts of(X509Certificate[] chain) {
        X509Certificate leaf = chain[0];
        List<String> subjects = new ArrayList<>();
        for (X509Certificate c : chain) {
            subjects.add(c.getSubjectX500Principal().getName());
        }
        return new CertificateFacts(leaf.getSubjectX500Principal().getName(), leaf.getIssuerX500Principal().getName(),
                HostNames.subjectAltNames(leaf), seconds(leaf.getNotBefore().toInstant()),
                seconds(leaf.getNotAfter().toInstant()), subjects);
    }

    public String sansText() {
        return subjectAltNames.isEmpty() ? "-" : String.join(", ", subjectAltNames);
    }

    public Map<String, Object> asData() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("subject", subject);
        m.put("issuer", issuer);
        m.put("subjectAltNames", subjectAltNames);
        m.put("notBefore", notBefore.toString());
        m.put("notAfter", notAfter.toString());
        m.put("chain", chain);
        return m;
    }

    private static Instant seconds(Instant i) {
        return i.truncatedTo(ChronoUnit.SECONDS);
    }
}
