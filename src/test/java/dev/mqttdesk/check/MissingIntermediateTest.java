package dev.mqttdesk.check;

import dev.mqttdesk.testing.TestPki;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Phones do not fetch a missing intermediate: a server that sends only its leaf fails, and says which certificate is missing. */
class MissingIntermediateTest {

    private final TestPki pki = TestPki.shared();

    private StepResult tlsOf(List<Path> chain) throws Exception {
        try (TlsTestServer server = new TlsTestServer(pki.viaIntermediate().key(), chain)) {
            CheckReport report = Checks.run("wss://localhost:" + server.port() + "/mqtt", Checks.quick().withCaFile(pki.caCert()));
            Checks.assertAllWordsInBundle(report);
            return report.step(CheckId.TLS).orElseThrow();
        }
    }

    @Test
    void that_a_server_sending_only_its_leaf_fails_naming_the_intermediate_it_does_not_send() throws Exception {
        StepResult tls = tlsOf(List.of(pki.viaIntermediate().cert()));
        assertEquals(CheckStatus.FAIL, tls.status(), tls.detail().resolve());
        assertEquals("check.tls.missingIntermediate", tls.detail().key());
        String words = tls.detail().resolve();
        assertTrue(words.contains("does not send the intermediate certificate") && words.contains("MQTT Desk Test Intermediate"), words);
        assertTrue(tls.fix().resolve().contains("MQTT Desk Test Intermediate"), tls.fix().resolve());
    }

    @Test
    void that_the_same_leaf_sent_with_its_intermediate_passes() throws Exception {
        StepResult tls = tlsOf(List.of(pki.viaIntermediate().cert(), pki.intermediate()));
        assertEquals(CheckStatus.PASS, tls.status(), tls.detail().resolve());
    }

    @Test
    void that_a_self_signed_certificate_is_still_called_self_signed_not_a_missing_intermediate() throws Exception {
        try (TlsTestServer server = new TlsTestServer(pki.selfSigned().key(), List.of(pki.selfSigned().cert()))) {
            CheckReport report = Checks.run("wss://localhost:" + server.port() + "/mqtt", Checks.quick().withCaFile(pki.caCert()));
            assertEquals("check.tls.selfSigned", report.step(CheckId.TLS).orElseThrow().detail().key());
        }
    }
}
