package dev.mqttdesk.core.mqtt;

import dev.mqttdesk.core.i18n.Text;
import dev.mqttdesk.core.tls.TlsInspection;
import dev.mqttdesk.core.url.Transport;
import dev.mqttdesk.testing.Mosquitto;
import dev.mqttdesk.testing.TestPki;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Mutual TLS against a mosquitto with {@code require_certificate true}: every key form connects; no certificate is told in words. */
class SessionMutualTlsOnMosquittoTest {

    static TestPki pki;
    static Mosquitto broker;

    @BeforeAll
    static void start() {
        pki = TestPki.shared();
        broker = Mosquitto.builder().tls(pki.good()).requireClientCertificate().start();
    }

    @AfterAll
    static void stop() {
        if (broker != null) {
            broker.close();
        }
    }

    private static ConnectionSettings with(TlsOptions tls) {
        return ConnectionSettings.defaults(broker.url(Transport.TLS)).withTls(tls).withConnectTimeout(10);
    }

    private static TlsOptions client(Path cert, Path key, String password) {
        return new TlsOptions(pki.caCert(), false, cert, key, password, TlsOptions.Versions.BOTH);
    }

    /** Connects, publishes one message the broker logs, and disconnects. */
    private static void connectsAndPublishes(ConnectionSettings settings) throws Exception {
        SessionProbe probe = new SessionProbe();
        probe.connect(settings);
        probe.session.publish("mtls/test", 1, false, "hello".getBytes()).get(20, TimeUnit.SECONDS);
        probe.close();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"client-rsa.key", "client-rsa-pkcs1.key"})
    void a_pem_certificate_with_an_unencrypted_rsa_key_connects(String keyFile) throws Exception {
        TestPki.ClientCert c = pki.clientRsa(keyFile);
        connectsAndPublishes(with(client(c.cert(), c.key(), null)));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"client-rsa-encrypted.key", "client-rsa-legacy-encrypted.key"})
    void a_pem_certificate_with_an_encrypted_key_connects_with_its_password(String keyFile) throws Exception {
        TestPki.ClientCert c = pki.clientRsa(keyFile);
        connectsAndPublishes(with(client(c.cert(), c.key(), TestPki.KEY_PASSWORD)));
    }

    @Test
    void an_ec_certificate_with_its_sec1_key_connects() throws Exception {
        connectsAndPublishes(with(client(pki.clientEcSec1().cert(), pki.clientEcSec1().key(), null)));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = TlsOptions.Versions.class)
    void a_pkcs12_file_connects_over_each_tls_version(TlsOptions.Versions versions) throws Exception {
        TlsOptions tls = new TlsOptions(pki.caCert(), false, pki.clientPkcs12(), null, TestPki.KEY_PASSWORD, versions);
        connectsAndPublishes(with(tls));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ca.pem", "ca.p12", "ca-no-password.p12", "ca.jks"})
    void the_ca_file_may_be_pem_pkcs12_or_jks(String caFile) throws Exception {
        TestPki.ClientCert c = pki.clientRsa("client-rsa.key");
        connectsAndPublishes(with(new TlsOptions(pki.file(caFile), false, c.cert(), c.key(), null, TlsOptions.Versions.BOTH)));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = TlsOptions.Versions.class, names = {"TLS_1_2", "TLS_1_3"})
    void without_a_client_certificate_the_user_reads_that_the_broker_wants_one(TlsOptions.Versions versions) throws Exception {
        SessionProbe probe = new SessionProbe();
        var error = assertThrows(ExecutionException.class, () -> probe.session.connect(
                with(new TlsOptions(pki.caCert(), false, null, null, null, versions))).get(30, TimeUnit.SECONDS));
        Text why = assertInstanceOf(MqttActionException.class, error.getCause()).text();
        assertEquals(Text.of("error.tls", Text.of("tls.reason.clientCertificateRequired")), why, why.resolve());
        // The inspector still has the broker's chain: the broker's side of the handshake went through.
        TlsInspection seen = probe.session.tlsInspection().orElseThrow();
        assertEquals(TlsInspection.Decision.CA_FILE, seen.decidedBy());
        assertTrue(seen.hostMatched());
        assertEquals("CN=localhost", seen.certificates().get(0).subject());
    }
}
