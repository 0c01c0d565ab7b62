package dev.mqttdesk.core.tls;

import dev.mqttdesk.core.i18n.InputField;
import dev.mqttdesk.core.i18n.InvalidInputException;

import org.bouncycastle.asn1.pkcs.ContentInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.operator.bc.BcDefaultDigestProvider;
import org.bouncycastle.pkcs.PKCS12PfxPdu;
import org.bouncycastle.pkcs.PKCS12SafeBag;
import org.bouncycastle.pkcs.PKCS12SafeBagFactory;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.bc.BcPKCS12MacCalculatorBuilderProvider;
import org.bouncycastle.pkcs.jcajce.JcePKCSPBEInputDecryptorProviderBuilder;

import javax.net.ssl.TrustManagerFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Trust stores for TLS: the JDK's own CAs, plus those of a CA file the user names (PEM, DER, PKCS12 or JKS). */
public final class TrustStores {

    /** The passwords a CA store may have: none (absent or empty), or the JDK's well-known default. */
    private static final List<char[]> STORE_PASSWORDS = java.util.Arrays.asList(null, new char[0], "changeit".toCharArray());

    private TrustStores() {
    }

    /** A trust manager factory that trusts the system CAs and every certificate in {@code caFile}. */
    public static TrustManagerFactory systemPlus(Path caFile) {
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            Path cacerts = Path.of(System.getProperty("java.home"), "lib", "security", "cacerts");
            if (Files.isReadable(cacerts)) {
                try (InputStream in = Files.newInputStream(cacerts)) {
                    store.load(in, null);
                }
            } else {
                store.load(null, null);
            }
            int i = 0;
            for (Certificate cert : readCertificates(caFile)) {
                store.setCertificateEntry("mqttdesk-ca-" + i++, cert);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            return tmf;
        } catch (IOException | GeneralSecurityException e) {
            throw new InvalidInputException(InputField.CA_FILE, "error.tls.caFile", caFile, e.getMessage());
        }
    }

    /** The system's CAs alone (the JDK's cacerts). */
    public static TrustManagerFactory system() {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init((KeyStore) null);
            return tmf;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no default trust store", e);
        }
    }

    /**
     * The certificates of a CA file: PEM (one or many) or DER, else a PKCS12 or JKS store without a password
     * or with {@code changeit}. At least one, or a clear complaint.
     */
    public static List<X509Certificate> readCertificates(Path file) {
        if (file == null || !Files.isReadable(file) || Files.isDirectory(file)) {
            throw new InvalidInputException(InputField.CA_FILE, "error.tls.caFileMissing", String.valueOf(file));
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InvalidInputException(InputField.CA_FILE, "error.tls.caFile", file, e.getMessage());
        }
        List<X509Certificate> certs = x509(bytes);
        if (certs == null) {
            certs = fromStore(file);
        }
        if (certs == null) {
            throw new InvalidInputException(InputField.CA_FILE, "error.tls.caFileFormat", file);
        }
        if (certs.isEmpty()) {
            throw new InvalidInputException(InputField.CA_FILE, "error.tls.caFileEmpty", file);
        }
        return certs;
    }

    /** PEM or DER certificates, or null when the bytes are neither (a key store, say). */
    static List<X509Certificate> x509(byte[] bytes) {
        try {
            List<X509Certificate> certs = new ArrayList<>();
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(bytes))) {
                certs.add((X509Certificate) c);
            }
            return certs.isEmpty() && !new String(bytes, java.nio.charset.StandardCharsets.US_ASCII).contains("-----BEGIN")
                    ? null : certs;
        } catch (GeneralSecurityException e) {
            return null;
        }
    }

    /**
     * The certificates of a PKCS12 file, read bag by bag: the JDK's PKCS12 store skips certificates that carry
     * no key and no Java trust attribute, which is every CA-only file openssl writes. Null if it is no PKCS12
     * file or the password does not open it.
     */
    private static List<X509Certificate> pkcs12Certificates(byte[] bytes, char[] password) {
        try {
            PKCS12PfxPdu pfx = new PKCS12PfxPdu(bytes);
            if (pfx.hasMac() && (password == null || !pfx.isMacValid(
                    new BcPKCS12MacCalculatorBuilderProvider(BcDefaultDigestProvider.INSTANCE), password))) {
                return null;
            }
            List<X509Certificate> certs = new ArrayList<>();
            JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
            for (ContentInfo info : pfx.getContentInfos()) {
                PKCS12SafeBagFactory bags = info.getContentType().equals(org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers.encryptedData)
                        ? new PKCS12SafeBagFactory(info, new JcePKCSPBEInputDecryptorProviderBuilder()
                                .setProvider(ClientKeys.BC).build(password == null ? new char[0] : password))
                        : new PKCS12SafeBagFactory(info);
                for (PKCS12SafeBag bag : bags.getSafeBags()) {
                    if (bag.getBagValue() instanceof X509CertificateHolder holder) {
                        certs.add(converter.getCertificate(holder));
                    }
                }
            }
            return certs;
        } catch (IOException | GeneralSecurityException | PKCSException | RuntimeException e) {
            return null;
        }
    }

    /** The certificates of a PKCS12 or JKS store that opens with one of {@link #STORE_PASSWORDS}; null if none does. */
    private static List<X509Certificate> fromStore(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            return null;
        }
        for (char[] password : STORE_PASSWORDS) {
            List<X509Certificate> fromPkcs12 = pkcs12Certificates(bytes, password);
            if (fromPkcs12 != null && !fromPkcs12.isEmpty()) {
                return fromPkcs12;
            }
            try {
                KeyStore store = KeyStore.getInstance(file.toFile(), password);
                List<X509Certificate> certs = new ArrayList<>();
                for (String alias : Collections.list(store.aliases())) {
                    if (store.getCertificate(alias) instanceof X509Certificate c) {
                        certs.add(c);
                    }
                }
                if (!certs.isEmpty() || password != null) {
                    return certs;
                }
                // PKCS12 opened without a password may hide its (encrypted) certificates: try the next password.
            } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
                // not this password, or not a store at all
            }
        }
        return null;
    }
}
