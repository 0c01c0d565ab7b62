package dev.mqttdesk.testing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SignatureException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TestPkiTest {

    @TempDir
    static Path temp;

    static TestPki pki;

    @org.junit.jupiter.api.BeforeAll
    static void generate() {
        pki = TestPki.create(temp.resolve("pki"));
    }

    private static X509Certificate read(Path pem) throws Exception {
        try (InputStream in = Files.newInputStream(pem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    private static Set<String> altNames(X509Certificate c) throws Exception {
        Collection<List<?>> names = c.getSubjectAlternativeNames();
        return names.stream().map(n -> n.get(1).toString()).collect(Collectors.toSet());
    }

    @Test
    void the_good_certificate_is_signed_by_the_ca_for_localhost_and_the_loopback_address() throws Exception {
        X509Certificate ca = read(pki.caCert());
        X509Certificate good = read(pki.good().cert());
        good.verify(ca.getPublicKey());
        good.checkValidity();
        assertEquals(Set.of("localhost", "127.0.0.1"), altNames(good));
        assertTrue(ca.getBasicConstraints() >= 0, "the CA certificate is a CA");
        assertEquals(-1, good.getBasicConstraints(), "the server certificate is not a CA");
    }

    @Test
    void the_expired_certificate_is_signed_by_the_ca_and_expired() throws Exception {
        X509Certificate expired = read(pki.expired().cert());
        expired.verify(read(pki.caCert()).getPublicKey());
        assertThrows(CertificateExpiredException.class, expired::checkValidity);
        assertEquals(Set.of("localhost", "127.0.0.1"), altNames(expired));
    }

    @Test
    void the_wrong_host_certificate_is_signed_by_the_ca_for_another_name_only() throws Exception {
        X509Certificate wrong = read(pki.wrongHost().cert());
        wrong.verify(read(pki.caCert()).getPublicKey());
        wrong.checkValidity();
        assertEquals(Set.of(TestPki.WRONG_HOST), altNames(wrong));
    }

    @Test
    void the_self_signed_certificate_is_not_signed_by_the_ca() throws Exception {
        X509Certificate self = read(pki.selfSigned().cert());
        self.verify(self.getPublicKey());
        self.checkValidity();
        assertThrows(SignatureException.class, () -> self.verify(read(pki.caCert()).getPublicKey()));
        assertEquals(Set.of("localhost", "127.0.0.1"), altNames(self));
    }

    @Test
    void every_file_and_the_folder_can_be_read_by_other_users() throws Exception {
        Set<PosixFilePermission> folder = Files.getPosixFilePermissions(pki.dir());
        assertTrue(folder.containsAll(Set.of(PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_EXECUTE)), folder.toString());
        for (Path p : List.of(pki.caCert(), pki.good().cert(), pki.good().key(), pki.selfSigned().key(),
                pki.expired().key(), pki.wrongHost().key())) {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
            assertTrue(perms.contains(PosixFilePermission.OTHERS_READ), p + " " + perms);
            assertFalse(Files.readString(p).isBlank(), p + " is empty");
        }
    }
}
