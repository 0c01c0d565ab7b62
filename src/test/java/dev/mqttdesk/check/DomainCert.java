package dev.mqttdesk.check;

import dev.mqttdesk.testing.TestPki;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A server certificate from the test CA for a domain name (the shared PKI's certificates name only
 * localhost), so that a check can pass its domain step against a name the tests resolve to loopback.
 */
final class DomainCert {

    private DomainCert() {
    }

    static TestPki.ServerCert issue(TestPki pki, String domain) throws IOException, InterruptedException {
        Path dir = pki.dir();
        String name = "domain-" + domain.replaceAll("[^a-z0-9]", "_");
        Path key = dir.resolve(name + ".key");
        Path cert = dir.resolve(name + ".pem");
        if (Files.exists(cert)) {
            return new TestPki.ServerCert(cert, key);
        }
        Path csr = dir.resolve(name + ".csr");
        Path ext = dir.resolve(name + ".ext");
        Files.writeString(ext, "basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\n"
                + "extendedKeyUsage=serverAuth\nsubjectAltName=DNS:" + domain + "\n");
        openssl(dir, "req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", key.toString(), "-out", csr.toString(), "-subj", "/CN=" + domain);
        openssl(dir, "x509", "-req", "-in", csr.toString(), "-CA", pki.caCert().toString(), "-CAkey", pki.caKey().toString(),
                "-set_serial", String.valueOf(System.nanoTime() & 0xffffffL), "-days", "30", "-sha256",
                "-extfile", ext.toString(), "-out", cert.toString());
        for (Path p : List.of(key, cert)) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-r--r--")); // mosquitto runs as its own user
        }
        return new TestPki.ServerCert(cert, key);
    }

    private static void openssl(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("openssl failed: " + command + "\n" + output);
        }
    }
}
