package dev.mqttdesk.check;

import dev.mqttdesk.testing.TestPki;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a phone accepts, the check accepts: an extra expired certificate beside a good path warns, never fails. */
class ExtraCertificateTest {

    private final TestPki pki = TestPki.shared();

    private StepResult tlsOf(List<java.nio.file.Path> chain) throws Exception {
        try (TlsTestServer server = new TlsTestServer(pki.good().key(), chain)) {
            CheckReport report = Checks.run("wss://localhost:" + server.port() + "/mqtt", Checks.quick().withCaFile(pki.caCert()));
            Checks.assertAllWordsInBundle(report);
            return report.step(CheckId.TLS).orElseThrow();
        }
    }

    @Test
    void that_an_extra_expired_certificate_after_a_good_path_warns_and_names_it() throws Exception {
        StepResult tls = tlsOf(List.of(pki.good().cert(), pki.expired().cert()));
        assertEquals(CheckStatus.WARN, tls.status(), tls.detail().resolve());
        assertEquals("check.tls.extraExpired", tls.detail().key());
        assertTrue(tls.detail().resolve().contains("2020-01-02"), tls.detail().resolve());
        assertEquals(List.of("extraExpired"), tls.data().get("warnings"));
    }

    @Test
    void that_the_same_good_leaf_alone_passes_and_an_expired_leaf_still_fails() throws Exception {
        assertEquals(CheckStatus.PASS, tlsOf(List.of(pki.good().cert())).status());
        try (TlsTestServer server = new TlsTestServer(pki.expired().key(), List.of(pki.expired().cert()))) {
            CheckReport report = Checks.run("wss://localhost:" + server.port() + "/mqtt", Checks.quick().withCaFile(pki.caCert()));
            StepResult tls = report.step(CheckId.TLS).orElseThrow();
            assertEquals(CheckStatus.FAIL, tls.status());
            assertEquals("check.tls.expired", tls.detail().key());
        }
    }
}
