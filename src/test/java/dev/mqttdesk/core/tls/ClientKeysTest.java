package dev.mqttdesk.core.tls;

import dev.mqttdesk.core.i18n.InputField;
import dev.mqttdesk.core.i18n.InvalidInputException;
import dev.mqttdesk.testing.TestPki;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Each way a client certificate or key cannot be used is refused before connecting, at its field, in words. */
class ClientKeysTest {

    static final TestPki pki = TestPki.shared();

    private static InvalidInputException refusal(Path cert, Path key, String password) {
        return assertThrows(InvalidInputException.class, () -> ClientKeys.read(cert, key, password));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"client-rsa.key", "client-rsa-pkcs1.key"})
    void an_unencrypted_rsa_key_is_read(String keyFile) {
        TestPki.ClientCert c = pki.clientRsa(keyFile);
        assertEquals("RSA", ClientKeys.read(c.cert(), c.key(), null).key().getAlgorithm());
    }

    @Test
    void a_sec1_ec_key_is_read() {
        assertEquals("EC", ClientKeys.read(pki.clientEcSec1().cert(), pki.clientEcSec1().key(), null).key().getAlgorithm());
    }

    @Test
    void a_key_of_another_certificate_is_refused_at_the_key_field() {
        InvalidInputException e = refusal(pki.clientRsa("client-rsa.key").cert(), pki.file("stranger.key"), null);
        assertEquals(InputField.CLIENT_KEY, e.field());
        assertEquals("error.tls.keyMismatch", e.text().key());
    }

    @Test
    void an_ec_key_with_the_rsa_certificate_does_not_match_either() {
        InvalidInputException e = refusal(pki.clientRsa("client-rsa.key").cert(), pki.clientEcSec1().key(), null);
        assertEquals("error.tls.keyMismatch", e.text().key());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"client-rsa-encrypted.key", "client-rsa-legacy-encrypted.key"})
    void a_wrong_key_password_is_refused_at_the_password_field(String keyFile) {
        TestPki.ClientCert c = pki.clientRsa(keyFile);
        InvalidInputException e = refusal(c.cert(), c.key(), "not-the-password");
        assertEquals(InputField.CLIENT_KEY_PASSWORD, e.field());
        assertEquals("error.tls.keyPassword", e.text().key());
        assertEquals("error.tls.keyPasswordNeeded", refusal(c.cert(), c.key(), null).text().key());
    }

    @Test
    void a_wrong_pkcs12_password_is_refused_at_the_password_field() {
        InvalidInputException e = refusal(pki.clientPkcs12(), null, "not-the-password");
        assertEquals(InputField.CLIENT_KEY_PASSWORD, e.field());
        assertEquals("error.tls.keyPassword", e.text().key());
    }

    @Test
    void a_dsa_key_is_an_unsupported_key_type() {
        InvalidInputException e = refusal(pki.clientRsa("client-rsa.key").cert(), pki.file("dsa.key"), null);
        assertEquals(InputField.CLIENT_KEY, e.field());
        assertEquals("error.tls.keyType", e.text().key());
        assertEquals("DSA", e.text().args()[1]);
    }

    @Test
    void a_file_that_holds_no_key_is_refused_at_the_key_field() {
        InvalidInputException e = refusal(pki.clientRsa("client-rsa.key").cert(), pki.caCert(), null);
        assertEquals(InputField.CLIENT_KEY, e.field());
        assertEquals("error.tls.noKey", e.text().key());
    }

    @Test
    void a_certificate_without_its_key_file_asks_for_the_key() {
        InvalidInputException e = refusal(pki.clientRsa("client-rsa.key").cert(), null, null);
        assertEquals(InputField.CLIENT_KEY, e.field());
    }

    @Test
    void an_unreadable_ca_file_is_refused_at_the_ca_field() {
        InvalidInputException missing = assertThrows(InvalidInputException.class,
                () -> TrustStores.readCertificates(pki.dir().resolve("no-such-ca.pem")));
        assertEquals(InputField.CA_FILE, missing.field());
        InvalidInputException notCa = assertThrows(InvalidInputException.class,
                () -> TrustStores.readCertificates(pki.file("stranger.key")));
        assertEquals(InputField.CA_FILE, notCa.field());
        assertEquals("error.tls.caFileFormat", notCa.text().key());
    }
}
