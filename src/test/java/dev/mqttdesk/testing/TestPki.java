package dev.mqttdesk.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away test PKI made with the {@code openssl} command: a CA and server certificates that are
 * good, self-signed, expired and for the wrong host, as PEM files in one folder.
 * <p>
 * Every server certificate except the wrong-host one names {@code localhost} and {@code 127.0.0.1}
 * (subject alternative names), so each one fails for exactly one reason. Keys are EC P-256, unencrypted.
 * <p>
 * The folder and the files are world-readable (0755 / 0644): mosquitto started as root drops to the
 * {@code mosquitto} user before it reads certificates, and a temporary folder is 0700 by default.
 * {@code /tmp} itself is 1777, so every folder above is readable too.
 */
public final class TestPki {

    /** A server certificate and its private key, both PEM. */
    public record ServerCert(Path cert, Path key) {
    }

    /** The host name in the wrong-host certificate. */
    public static final String WRONG_HOST = "wrong.example";

    private static TestPki shared;

    private final Path dir;

    private TestPki(Path dir) {
        this.dir = dir;
    }

    /** One PKI for the whole test JVM, made on first use in a temporary folder, deleted at exit. */
    public static synchronized TestPki shared() {
        if (shared == null) {
            Path dir = Files2.tempDir("mqttdesk-pki");
            Files2.deleteOnExit(dir);
            shared = create(dir);
        }
        return shared;
    }

    /** Generates a fresh PKI into {@code dir} (created if missing) and makes it readable by every user. */
    public static TestPki create(Path dir) {
        try {
            Files.createDirectories(dir);
            Files2.makeReadableByAll(dir);
            Files.writeString(dir.resolve("openssl.cnf"), OPENSSL_CNF, StandardCharsets.UTF_8);
            Files.createDirectories(dir.resolve("issued"));
            Files.writeString(dir.resolve("index.txt"), "");
            Files.writeString(dir.resolve("serial"), "1000\n");
            TestPki pki = new TestPki(dir);
            pki.generate();
            try (var files = Files.list(dir)) {
                for (Path p : (Iterable<Path>) files::iterator) {
                    Files2.makeReadableByAll(p);
                }
            }
            return pki;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void generate() {
        // The CA: self-signed, CA:TRUE.
        openssl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", "ca.key", "-out", "ca.pem", "-days", "3650",
                "-subj", "/CN=MQTT Desk Test CA", "-extensions", "ca_ext");
        // Good: for localhost and 127.0.0.1, signed by the CA, valid for ten years.
        caSigned("server", "/CN=localhost", "server_localhost", "-days", "3650");
        // Expired: like the good one but valid only on one day in 2020.
        caSigned("expired", "/CN=localhost", "server_localhost",
                "-startdate", "20200101000000Z", "-enddate", "20200102000000Z");
        // Wrong host: signed by the CA, valid, but for another name only.
        caSigned("wronghost", "/CN=" + WRONG_HOST, "server_wronghost", "-days", "3650");
        // An intermediate CA under the CA, and a good server certificate it signed (the usual public-CA shape).
        caSigned("intermediate", "/CN=MQTT Desk Test Intermediate", "intermediate_ext", "-days", "3650");
        openssl("req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", "leaf.key", "-out", "leaf.csr", "-subj", "/CN=localhost");
        openssl("ca", "-batch", "-notext", "-in", "leaf.csr", "-out", "leaf.pem", "-cert", "intermediate.pem",
                "-keyfile", "intermediate.key", "-extensions", "server_below_intermediate", "-days", "3650");
        clientCredentials();
        // Self-signed: right names, valid dates, but no CA vouches for it.
        openssl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", "selfsigned.key", "-out", "selfsigned.pem", "-days", "3650",
                "-subj", "/CN=localhost", "-extensions", "server_selfsigned");
    }

    /**
     * Client certificates for mutual TLS, signed by the CA, with their keys in every form a user may have:
     * RSA as PKCS#8, PKCS#1, encrypted PKCS#8 and legacy-encrypted PKCS#1; EC as SEC1; one PKCS12 file; a
     * key that belongs to no certificate; a DSA key; the CA as PKCS12 and JKS too.
     */
    private void clientCredentials() {
        run("openssl", "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", "client-rsa.key");
        openssl("req", "-new", "-key", "client-rsa.key", "-out", "client-rsa.csr", "-subj", "/CN=mqttdesk-client-rsa");
        openssl("ca", "-batch", "-notext", "-in", "client-rsa.csr", "-out", "client-rsa.pem", "-cert", "ca.pem",
                "-keyfile", "ca.key", "-extensions", "client_ext", "-days", "3650");
        run("openssl", "rsa", "-in", "client-rsa.key", "-traditional", "-out", "client-rsa-pkcs1.key");
        run("openssl", "pkcs8", "-topk8", "-v2", "aes-256-cbc", "-in", "client-rsa.key", "-passout", "pass:" + KEY_PASSWORD,
                "-out", "client-rsa-encrypted.key");
        run("openssl", "rsa", "-in", "client-rsa.key", "-traditional", "-aes256", "-passout", "pass:" + KEY_PASSWORD,
                "-out", "client-rsa-legacy-encrypted.key");
        run("openssl", "pkcs12", "-export", "-inkey", "client-rsa.key", "-in", "client-rsa.pem", "-passout",
                "pass:" + KEY_PASSWORD, "-out", "client-rsa.p12");
        run("openssl", "ecparam", "-name", "prime256v1", "-genkey", "-out", "client-ec-sec1.key");
        openssl("req", "-new", "-key", "client-ec-sec1.key", "-out", "client-ec.csr", "-subj", "/CN=mqttdesk-client-ec");
        openssl("ca", "-batch", "-notext", "-in", "client-ec.csr", "-out", "client-ec.pem", "-cert", "ca.pem",
                "-keyfile", "ca.key", "-extensions", "client_ext", "-days", "3650");
        run("openssl", "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", "stranger.key");
        run("openssl", "genpkey", "-genparam", "-algorithm", "DSA", "-pkeyopt", "dsa_paramgen_bits:2048", "-out", "dsa.param");
        run("openssl", "genpkey", "-paramfile", "dsa.param", "-out", "dsa.key");
        run("openssl", "pkcs12", "-export", "-nokeys", "-in", "ca.pem", "-passout", "pass:changeit", "-out", "ca.p12");
        run("openssl", "pkcs12", "-export", "-nokeys", "-in", "ca.pem", "-certpbe", "NONE", "-nomac", "-passout", "pass:",
                "-out", "ca-no-password.p12");
        run("keytool", "-importcert", "-noprompt", "-alias", "ca", "-file", "ca.pem", "-keystore", "ca.jks",
                "-storepass", "changeit", "-storetype", "JKS");
    }

    /** The password of the encrypted keys and of the client PKCS12 file. */
    public static final String KEY_PASSWORD = "s3cret-key";

    /** A client certificate file and its key file (null for PKCS12, which holds both). */
    public record ClientCert(Path cert, Path key) {
    }

    /** RSA client certificate with its key in this file: {@code client-rsa.key} (PKCS#8), {@code client-rsa-pkcs1.key}, ... */
    public ClientCert clientRsa(String keyFile) {
        return new ClientCert(dir.resolve("client-rsa.pem"), dir.resolve(keyFile));
    }

    /** EC client certificate with its SEC1 key. */
    public ClientCert clientEcSec1() {
        return new ClientCert(dir.resolve("client-ec.pem"), dir.resolve("client-ec-sec1.key"));
    }

    /** The RSA client certificate and key in one PKCS12 file, {@link #KEY_PASSWORD}. */
    public Path clientPkcs12() {
        return dir.resolve("client-rsa.p12");
    }

    /** Any other file of this PKI by name (stranger.key, dsa.key, ca.p12, ca.jks, ...). */
    public Path file(String name) {
        return dir.resolve(name);
    }

    private void run(String... command) {
        Path log = dir.resolve("openssl.log");
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException("failed: " + List.of(command) + "\n" + Files.readString(log));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void caSigned(String name, String subject, String extensions, String... validity) {
        openssl("req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", name + ".key", "-out", name + ".csr", "-subj", subject);
        List<String> args = new ArrayList<>(List.of("ca", "-batch", "-notext", "-in", name + ".csr",
                "-out", name + ".pem", "-cert", "ca.pem", "-keyfile", "ca.key", "-extensions", extensions));
        args.addAll(List.of(validity));
        openssl(args.toArray(String[]::new));
    }

    private void openssl(String... args) {
        List<String> command = new ArrayList<>();
        command.add("openssl");
        command.add(args[0]);
        command.addAll(List.of("-config", "openssl.cnf"));
        command.addAll(List.of(args).subList(1, args.length));
        Path log = dir.resolve("openssl.log");
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("openssl did not finish in 60 s: " + command);
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException("openssl failed (exit " + p.exitValue() + "): " + command + "\n"
                        + Files.readString(log));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run openssl (is it installed? apt-get install openssl): "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Path dir() {
        return dir;
    }

    /** The CA certificate that signed the good, expired and wrong-host certificates. */
    public Path caCert() {
        return dir.resolve("ca.pem");
    }

    public Path caKey() {
        return dir.resolve("ca.key");
    }

    /** For localhost and 127.0.0.1, signed by the CA, valid now. */
    public ServerCert good() {
        return cert("server");
    }

    /** For localhost and 127.0.0.1, valid now, signed by itself: trusted by nobody. */
    public ServerCert selfSigned() {
        return cert("selfsigned");
    }

    /** For localhost and 127.0.0.1, signed by the CA, expired on 2 January 2020. */
    public ServerCert expired() {
        return cert("expired");
    }

    /** For localhost and 127.0.0.1, valid now, signed by {@link #intermediate()}, which the CA signed. */
    public ServerCert viaIntermediate() {
        return cert("leaf");
    }

    /** The intermediate CA's certificate: what a server must send after {@link #viaIntermediate()}'s leaf. */
    public Path intermediate() {
        return dir.resolve("intermediate.pem");
    }

    /** For {@link #WRONG_HOST} only, signed by the CA, valid now. */
    public ServerCert wrongHost() {
        return cert("wronghost");
    }

    private ServerCert cert(String name) {
        return new ServerCert(dir.resolve(name + ".pem"), dir.resolve(name + ".key"));
    }

    private static final String OPENSSL_CNF = """
            # Written by TestPki; used for every openssl command so the system configuration does not matter.
            [ req ]
            distinguished_name = dn
            prompt = no

            [ dn ]
            CN = placeholder

            [ ca_ext ]
            basicConstraints = critical, CA:TRUE
            keyUsage = critical, keyCertSign, cRLSign
            subjectKeyIdentifier = hash

            [ intermediate_ext ]
            basicConstraints = critical, CA:TRUE, pathlen:0
            keyUsage = critical, keyCertSign, cRLSign
            subjectKeyIdentifier = hash
            authorityKeyIdentifier = keyid

            [ ca ]
            default_ca = test_ca

            [ test_ca ]
            dir = .
            database = index.txt
            new_certs_dir = issued
            serial = serial
            default_md = sha256
            policy = any_name
            unique_subject = no
            email_in_dn = no
            copy_extensions = none

            [ any_name ]
            commonName = supplied

            [ server_localhost ]
            basicConstraints = critical, CA:FALSE
            keyUsage = critical, digitalSignature, keyEncipherment
            extendedKeyUsage = serverAuth
            subjectAltName = DNS:localhost, IP:127.0.0.1
            subjectKeyIdentifier = hash
            authorityKeyIdentifier = keyid

            [ server_below_intermediate ]
            basicConstraints = critical, CA:FALSE
            keyUsage = critical, digitalSignature, keyEncipherment
            extendedKeyUsage = serverAuth
            subjectAltName = DNS:localhost, IP:127.0.0.1
            subjectKeyIdentifier = hash
            authorityKeyIdentifier = keyid
            authorityInfoAccess = caIssuers;URI:http://ca.mqttdesk.test/intermediate.crt

            [ client_ext ]
            basicConstraints = critical, CA:FALSE
            keyUsage = critical, digitalSignature, keyEncipherment
            extendedKeyUsage = clientAuth
            subjectKeyIdentifier = hash
            authorityKeyIdentifier = keyid

            [ server_wronghost ]
            basicConstraints = critical, CA:FALSE
            keyUsage = critical, digitalSignature, keyEncipherment
            extendedKeyUsage = serverAuth
            subjectAltName = DNS:wrong.example
            subjectKeyIdentifier = hash
            authorityKeyIdentifier = keyid

            [ server_selfsigned ]
            basicConstraints = critical, CA:FALSE
            keyUsage = critical, digitalSignature, keyEncipherment
            extendedKeyUsage = serverAuth
            subjectAltName = DNS:localhost, IP:127.0.0.1
            subjectKeyIdentifier = hash
            """;

    /** Small file helpers the fixtures share. */
    static final class Files2 {

        private Files2() {
        }

        /** A new temporary folder that every user may read and enter (0755). */
        static Path tempDir(String prefix) {
            try {
                Path dir = Files.createTempDirectory(prefix);
                makeReadableByAll(dir);
                return dir;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        static void makeReadableByAll(Path p) throws IOException {
            try {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(
                        Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: no such user switch happens there.
            }
        }

        static void deleteOnExit(Path dir) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir)));
        }

        static void deleteTree(Path root) {
            if (!Files.exists(root)) {
                return;
            }
            try (var paths = Files.walk(root)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // best effort: it is a temporary folder
            }
        }
    }
}
