package dev.mqttdesk.core.tls;

import dev.mqttdesk.core.i18n.InputField;
import dev.mqttdesk.core.i18n.InvalidInputException;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

import javax.net.ssl.KeyManagerFactory;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * The client's own certificate and key for mutual TLS: a PEM certificate with a PEM key (PKCS#8, PKCS#1 RSA or
 * SEC1 EC, plain or encrypted, OpenSSL's legacy encryption too), or one PKCS12 file. Each way it can go wrong
 * is refused here, before connecting, at the field it belongs to.
 */
public final class ClientKeys {

    /** Key types a TLS client can sign its handshake with. */
    private static final Set<String> USABLE = Set.of("RSA", "EC", "Ed25519", "Ed448", "EdDSA", "RSASSA-PSS");
    /** Used only to decrypt keys; never installed as a JCA provider, so TLS itself stays the JDK's. */
    static final Provider BC = new BouncyCastleProvider();

    private ClientKeys() {
    }

    /** The key and the certificate chain that goes with it. */
    public record Identity(PrivateKey key, X509Certificate[] chain) {
    }

    /**
     * Key managers that present the identity.
     *
     * @param key the PEM key file, or null when {@code cert} is a PKCS12 file holding both
     */
    public static KeyManagerFactory keyManagers(Path cert, Path key, String password) {
        Identity identity = read(cert, key, password);
        try {
            char[] inMemory = "mqttdesk".toCharArray();
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("client", identity.key(), inMemory, identity.chain());
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(store, inMemory);
            return kmf;
        } catch (IOException | GeneralSecurityException e) {
            throw new InvalidInputException(InputField.CLIENT_KEY, "error.tls.keyUnreadable", key == null ? cert : key, e.getMessage());
        }
    }

    public static Identity read(Path cert, Path key, String password) {
        requireReadable(cert, InputField.CLIENT_CERT);
        byte[] certBytes = bytes(cert, InputField.CLIENT_CERT);
        List<X509Certificate> chain = TrustStores.x509(certBytes);
        if (chain == null) {
            if (key != null) {
                throw new InvalidInputException(InputField.CLIENT_CERT, "error.tls.clientCertUnreadable", cert);
            }
            return fromPkcs12(cert, password);
        }
        if (chain.isEmpty()) {
            throw new InvalidInputException(InputField.CLIENT_CERT, "error.tls.clientCertUnreadable", cert);
        }
        if (key == null) {
            throw new InvalidInputException(InputField.CLIENT_KEY, "error.tls.keyMissing");
        }
        requireReadable(key, InputField.CLIENT_KEY);
        PrivateKey privateKey = pemKey(key, password);
        requireUsable(privateKey, key);
        requireMatch(privateKey, chain.get(0), key, cert);
        return new Identity(privateKey, chain.toArray(X509Certificate[]::new));
    }

    private static Identity fromPkcs12(Path file, String password) {
        char[] pw = password == null ? new char[0] : password.toCharArray();
        KeyStore store;
        try {
            store = KeyStore.getInstance(file.toFile(), pw);
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException || String.valueOf(e.getMessage()).contains("password")) {
                throw new InvalidInputException(InputField.CLIENT_KEY_PASSWORD, "error.tls.keyPassword", file);
            }
            throw new InvalidInputException(InputField.CLIENT_CERT, "error.tls.clientCertUnreadable", file);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new InvalidInputException(InputField.CLIENT_CERT, "error.tls.clientCertUnreadable", file);
        }
        try {
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    PrivateKey key = (PrivateKey) store.getKey(alias, pw);
                    Certificate[] certs = store.getCertificateChain(alias);
                    if (certs == null || certs.length == 0) {
                        throw new InvalidInputException(InputField.CLIENT_CERT, "error.tls.clientCertUnreadable", file);
                    }
                    X509Certificate[] chain = java.util.Arrays.copyOf(certs, certs.length, X509Certificate[].class);
                    requireUsable(key, file);
                    requireMatch(key, chain[0], file, file);
                    return new Identity(key, chain);
                }
            }
        } catch (UnrecoverableKeyException e) {
            throw new InvalidInputException(InputField.CLIENT_KEY_PASSWORD, "error.tls.keyPassword", file);
        } catch (GeneralSecurityException e) {
            throw new InvalidInputException(InputField.CLIENT_CERT, "error.tls.clientCertUnreadable", file);
        }
        throw new InvalidInputException(InputField.CLIENT_CERT, "error.tls.pkcs12NoKey", file);
    }

    /** The first private key in a PEM file, decrypted with the password when it is encrypted. */
    private static PrivateKey pemKey(Path file, String password) {
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII); PEMParser pem = new PEMParser(reader)) {
            for (Object o = pem.readObject(); o != null; o = pem.readObject()) {
                if (o instanceof ASN1ObjectIdentifier || o instanceof X9ECParameters) {
                    continue; // "EC PARAMETERS" before a SEC1 key
                }
                if (o instanceof PEMKeyPair pair) {
                    return converter.getPrivateKey(pair.getPrivateKeyInfo());
                }
                if (o instanceof PrivateKeyInfo info) {
                    return converter.getPrivateKey(info);
                }
                if (o instanceof PEMEncryptedKeyPair legacy) {
                    requirePassword(password, file);
                    try {
                        return converter.getPrivateKey(legacy.decryptKeyPair(
                                new JcePEMDecryptorProviderBuilder().setProvider(BC).build(password.toCharArray())).getPrivateKeyInfo());
                    } catch (IOException e) {
                        throw new InvalidInputException(InputField.CLIENT_KEY_PASSWORD, "error.tls.keyPassword", file);
                    }
                }
                if (o instanceof PKCS8EncryptedPrivateKeyInfo encrypted) {
                    requirePassword(password, file);
                    try {
                        return converter.getPrivateKey(encrypted.decryptPrivateKeyInfo(
                                new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(BC).build(password.toCharArray())));
                    } catch (org.bouncycastle.pkcs.PKCSException | org.bouncycastle.operator.OperatorCreationException e) {
                        throw new InvalidInputException(InputField.CLIENT_KEY_PASSWORD, "error.tls.keyPassword", file);
                    }
                }
                if (o instanceof org.bouncycastle.cert.X509CertificateHolder) {
                    continue; // a certificate in the same file as its key
                }
                throw new InvalidInputException(InputField.CLIENT_KEY, "error.tls.keyUnsupported", file, o.getClass().getSimpleName());
            }
        } catch (IOException e) {
            // PEMParser says "unrecognised object: OPENSSH PRIVATE KEY" and the like: a key we do not read.
            throw new InvalidInputException(InputField.CLIENT_KEY, "error.tls.keyUnsupported", file, e.getMessage());
        }
        throw new InvalidInputException(InputField.CLIENT_KEY, "error.tls.noKey", file);
    }

    private static void requirePassword(String password, Path file) {
        if (password == null || password.isEmpty()) {
            throw new InvalidInputException(InputField.CLIENT_KEY_PASSWORD, "error.tls.keyPasswordNeeded", file);
        }
    }

    private static void requireUsable(PrivateKey key, Path file) {
        if (!USABLE.contains(key.getAlgorithm())) {
            throw new InvalidInputException(InputField.CLIENT_KEY, "error.tls.keyType", file, key.getAlgorithm());
        }
    }

    /** Signs a few random bytes with the key and checks them with the certificate's public key. */
    private static void requireMatch(PrivateKey key, X509Certificate cert, Path keyFile, Path certFile) {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "RSASSA-PSS" -> null;
            default -> key.getAlgorithm(); // Ed25519, Ed448
        };
        if (algorithm == null) {
            return; // PSS needs parameters; the handshake itself will say whether they match
        }
        try {
            byte[] probe = new byte[32];
            new SecureRandom().nextBytes(probe);
            Signature sign = Signature.getInstance(algorithm);
            sign.initSign(key);
            sign.update(probe);
            byte[] signature = sign.sign();
            Signature verify = Signature.getInstance(algorithm);
            verify.initVerify(cert.getPublicKey());
            verify.update(probe);
            if (verify.verify(signature)) {
                return;
            }
        } catch (GeneralSecurityException e) {
            // a key of another type than the certificate's: no match either
        }
        throw new InvalidInputException(InputField.CLIENT_KEY, "error.tls.keyMismatch", keyFile, certFile);
    }

    private static void requireReadable(Path file, InputField field) {
        if (!Files.isReadable(file) || Files.isDirectory(file)) {
            throw new InvalidInputException(field, "error.tls.fileMissing", file);
        }
    }

    private static byte[] bytes(Path file, InputField field) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InvalidInputException(field, "error.tls.fileMissing", file);
        }
    }
}
