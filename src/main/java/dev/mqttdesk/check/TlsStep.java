package dev.mqttdesk.check;

import dev.mqttdesk.core.tls.TrustRecorder;
import dev.mqttdesk.core.tls.HostNames;
import dev.mqttdesk.core.tls.CertificateFacts;
import dev.mqttdesk.core.i18n.Text;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import java.net.SocketTimeoutException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The TLS handshake, judged as a phone judges it: a chain from a trusted CA, complete, in date,
 * naming the host in its SANs, over TLS 1.2 or newer. Shows the certificate either way.
 */
final class TlsStep implements CheckStep {

    private static final Set<String> MODERN_PROTOCOLS = Set.of("TLSv1.2", "TLSv1.3");

    @Override
    public CheckId id() {
        return CheckId.TLS;
    }

    @Override
    public boolean network() {
        return true;
    }

    @Override
    public int timeouts() {
        return 3; // the connection, the handshake, and after a refused handshake one look for TLS 1.0/1.1
    }

    @Override
    public StepResult run(CheckContext context) throws Exception {
        if (!context.target().url().transport().secure()) {
            return StepResult.skip(id(), Text.of("check.tls.notTls", context.target().url().transport().scheme()));
        }
        TrustRecorder recorder = context.trust().recorder();
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, new javax.net.ssl.TrustManager[]{recorder}, null);
        String protocol;
        String cipher;
        try (SSLSocket socket = Sockets.tls(context, tls)) {
            socket.startHandshake();
            SSLSession session = socket.getSession();
            protocol = session.getProtocol();
            cipher = session.getCipherSuite();
        } catch (SocketTimeoutException e) {
            return StepResult.fail(id(), Text.of("check.tls.timeout", context.options().timeoutSeconds()),
                    Text.of("check.tls.fix.handshake"));
        } catch (SSLException e) {
            if (recorder.chain() == null) {
                return OldTlsProbe.version(context)
                        .map(old -> StepResult.fail(id(), Text.of("check.tls.onlyOld", old), Text.of("check.tls.fix.onlyOld"))
                                .with("protocol", old))
                        .orElseGet(() -> handshakeFailed(e));
            }
            throw e;
        }
        return judge(context, recorder, protocol, cipher);
    }

    private StepResult handshakeFailed(SSLException e) {
        String message = rootMessage(e);
        if (message.toLowerCase(java.util.Locale.ROOT).contains("unrecognized ssl message")
                || message.toLowerCase(java.util.Locale.ROOT).contains("plaintext")) {
            return StepResult.fail(id(), Text.of("check.tls.plaintext"), Text.of("check.tls.fix.plaintext"));
        }
        return StepResult.fail(id(), Text.of("check.tls.handshake", message), Text.of("check.tls.fix.handshake"));
    }

    private StepResult judge(CheckContext context, TrustRecorder recorder, String protocol, String cipher) {
        X509Certificate[] chain = recorder.chain();
        CertificateFacts facts = CertificateFacts.of(chain);
        String host = context.target().host();
        Text shown = Text.of("check.tls.certificate", facts.subject(), facts.issuer(), facts.sansText(),
                facts.notBefore().toString(), facts.notAfter().toString(), chain.length);
        List<String> problems = new ArrayList<>();
        List<Text[]> said = new ArrayList<>();
        X509Certificate leaf = chain[0];
        CertificateException rejection = recorder.rejection();
        if (rejection != null && chain.length == 1 && leaf.getSubjectX500Principal().equals(leaf.getIssuerX500Principal())) {
            problem(problems, said, "selfSigned", Text.of("check.tls.selfSigned", facts.subject(), shown), Text.of("check.tls.fix.selfSigned"));
        }
        List<String> warnings = new ArrayList<>();
        List<Text[]> warned = new ArrayList<>();
        Instant now = Instant.now();
        for (X509Certificate c : chain) {
            String who = c.getSubjectX500Principal().getName();
            boolean expired = now.isAfter(c.getNotAfter().toInstant());
            if (!expired && !now.isBefore(c.getNotBefore().toInstant())) {
                continue;
            }
            if (c != leaf && rejection == null) {
                // The trust manager built a good path without it: a phone does the same and connects.
                problem(warnings, warned, "extraExpired", Text.of("check.tls.extraExpired", who,
                        (expired ? c.getNotAfter() : c.getNotBefore()).toInstant().toString(), shown),
                        Text.of("check.tls.fix.extraExpired"));
            } else if (expired) {
                problem(problems, said, "expired", Text.of("check.tls.expired", who, c.getNotAfter().toInstant().toString(), shown),
                        Text.of("check.tls.fix.expired"));
            } else {
                problem(problems, said, "notYetValid", Text.of("check.tls.notYetValid", who, c.getNotBefore().toInstant().toString(), shown),
                        Text.of("check.tls.fix.expired"));
            }
        }
        if (!HostNames.covers(leaf, host)) {
            problem(problems, said, "wrongHost", Text.of("check.tls.wrongHost", host, facts.sansText(), shown),
                    Text.of("check.tls.fix.wrongHost", host));
        }
        X509Certificate last = chain[chain.length - 1];
        if (rejection != null && problems.isEmpty() && !isSelfIssued(last) && !recorder.isAnchor(last.getIssuerX500Principal())
                && pointsToItsIssuer(last)) {
            // It names where its issuer can be downloaded, as certificates below a public CA's intermediate do; phones
            // do not fetch it (nor does this check): the chain must be whole as sent. Without that pointer the issuer
            // is more likely a CA nobody trusts, which "untrusted" below says.
            String missing = last.getIssuerX500Principal().getName();
            problem(problems, said, "missingIntermediate", Text.of("check.tls.missingIntermediate", missing, chain.length, shown),
                    Text.of("check.tls.fix.missingIntermediate", missing));
        }
        if (rejection != null && problems.isEmpty()) {
            problem(problems, said, "untrusted", Text.of("check.tls.untrusted", facts.issuer(), chain.length, rootMessage(rejection), shown),
                    Text.of("check.tls.fix.untrusted"));
        }
        if (!MODERN_PROTOCOLS.contains(protocol)) {
            problem(problems, said, "oldProtocol", Text.of("check.tls.oldProtocol", protocol, shown), Text.of("check.tls.fix.handshake"));
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("protocol", protocol);
        data.put("cipherSuite", cipher);
        data.put("chainLength", chain.length);
        data.put("certificate", facts.asData());
        data.put("trustedBySystem", recorder.systemTrusts());
        if (context.trust().caFile() != null) {
            data.put("caFile", context.trust().caFile().toString());
        }
        if (!problems.isEmpty()) {
            data.put("problems", problems);
            Text[] first = said.get(0);
            return StepResult.fail(id(), first[0], first[1]).with(data);
        }
        if (!warnings.isEmpty()) {
            data.put("warnings", warnings);
            Text[] first = warned.get(0);
            return StepResult.warn(id(), first[0], first[1]).with(data);
        }
        if (!recorder.systemTrusts()) {
            return StepResult.pass(id(), Text.of("check.tls.okThroughCaFile", protocol, shown, context.trust().caFile().toString()))
                    .with(data);
        }
        return StepResult.pass(id(), Text.of("check.tls.ok", protocol, shown)).with(data);
    }

    /** Whether the certificate's Authority Information Access holds a caIssuers address (OID 1.3.6.1.5.5.7.48.2). */
    static boolean pointsToItsIssuer(X509Certificate c) {
        byte[] aia = c.getExtensionValue("1.3.6.1.5.5.7.1.1");
        byte[] caIssuers = {0x06, 0x08, 0x2B, 0x06, 0x01, 0x05, 0x05, 0x07, 0x30, 0x02};
        if (aia == null) {
            return false;
        }
        for (int i = 0; i + caIssuers.length <= aia.length; i++) {
            if (java.util.Arrays.equals(aia, i, i + caIssuers.length, caIssuers, 0, caIssuers.length)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isSelfIssued(X509Certificate c) {
        return c.getSubjectX500Principal().equals(c.getIssuerX500Principal());
    }

    private static void problem(List<String> ids, List<Text[]> said, String id, Text detail, Text fix) {
        if (!ids.contains(id)) {
            ids.add(id);
            said.add(new Text[]{detail, fix});
        }
    }

    static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        String m = c.getMessage();
        return m == null || m.isBlank() ? c.getClass().getSimpleName() : m;
    }
}
