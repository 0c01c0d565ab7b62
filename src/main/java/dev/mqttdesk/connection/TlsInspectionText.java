package dev.mqttdesk.connection;

import dev.mqttdesk.core.i18n.Messages;
import dev.mqttdesk.core.tls.PresentedCertificate;
import dev.mqttdesk.core.tls.TlsInspection;

import java.util.Optional;

/** The TLS inspector's text: per certificate its names, dates and fingerprint; the host check; who trusted it. */
final class TlsInspectionText {

    private TlsInspectionText() {
    }

    static String of(Optional<TlsInspection> inspection, String lastError) {
        StringBuilder sb = new StringBuilder();
        if (inspection.isEmpty()) {
            sb.append(Messages.get("tlsInspector.none"));
        } else {
            TlsInspection i = inspection.get();
            if (i.certificates().isEmpty()) {
                sb.append(Messages.format("tlsInspector.noChain", i.host()));
            } else {
                sb.append(Messages.format("tlsInspector.chain", i.host(), i.certificates().size())).append("\n\n");
                int n = 0;
                for (PresentedCertificate c : i.certificates()) {
                    sb.append(Messages.format("tlsInspector.certificate", n++, c.subject(), c.issuer(),
                            c.notBefore().toString(), c.notAfter().toString(),
                            Messages.get("tlsInspector.validity." + c.validity().name()),
                            c.subjectAltNames().isEmpty() ? "-" : String.join(", ", c.subjectAltNames()), c.sha256()))
                            .append("\n\n");
                }
                sb.append(Messages.format(i.hostMatched() ? "tlsInspector.hostMatched" : "tlsInspector.hostNotMatched", i.host()))
                        .append('\n');
                sb.append(Messages.get("tlsInspector.decided." + i.decidedBy().name()));
                if (i.refusal() != null) {
                    sb.append('\n').append(Messages.format("tlsInspector.refusal", i.refusal()));
                }
            }
        }
        if (lastError != null && !lastError.isBlank()) {
            sb.append("\n\n").append(Messages.format("tlsInspector.lastError", lastError));
        }
        return sb.toString();
    }
}
