package dev.mqttdesk.check;

import dev.mqttdesk.testing.TestPki;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A broker that offers only TLS 1.1 (OpenSSL's own server, {@code openssl s_server -tls1_1}) is told
 * apart from any other handshake failure, although the JDK itself refuses to speak TLS 1.1.
 */
class OldTlsOnlyTest {

    private Process server;

    @AfterEach
    void stop() throws InterruptedException {
        if (server != null) {
            server.destroy();
            server.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private int startOpenSsl(String... versionFlags) throws Exception {
        TestPki pki = TestPki.shared();
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        List<String> command = new java.util.ArrayList<>(List.of("openssl", "s_server", "-accept", "127.0.0.1:" + port,
                "-cert", pki.good().cert().toString(), "-key", pki.good().key().toString(), "-cipher", "DEFAULT:@SECLEVEL=0"));
        command.addAll(List.of(versionFlags));
        // its standard input stays open: s_server ends when it reads end of file there
        server = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (true) {
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
                return port;
            } catch (IOException notYet) {
                assertTrue(server.isAlive() && System.nanoTime() < deadline, "openssl s_server did not listen");
                Thread.sleep(50);
            }
        }
    }

    @Test
    void that_a_broker_offering_only_tls_1_1_is_told_that_wechat_requires_tls_1_2() throws Exception {
        int port = startOpenSsl("-tls1_1");
        CheckReport report = Checks.run("wss://localhost:" + port + "/mqtt", Checks.quick().withCaFile(TestPki.shared().caCert()));
        StepResult tls = report.step(CheckId.TLS).orElseThrow();
        assertEquals(CheckStatus.FAIL, tls.status(), tls.detail().resolve());
        assertEquals("check.tls.onlyOld", tls.detail().key(), tls.detail().resolve());
        assertTrue(tls.detail().resolve().contains("TLSv1.1") && tls.detail().resolve().contains("TLS 1.2"), tls.detail().resolve());
        assertEquals("TLSv1.1", tls.data().get("protocol"));
        Checks.assertAllWordsInBundle(report);
    }

    @Test
    void that_a_broker_offering_only_tls_1_0_is_told_the_same_naming_its_version() throws Exception {
        int port = startOpenSsl("-tls1");
        CheckReport report = Checks.run("wss://localhost:" + port + "/mqtt", Checks.quick().withCaFile(TestPki.shared().caCert()));
        StepResult tls = report.step(CheckId.TLS).orElseThrow();
        assertEquals("check.tls.onlyOld", tls.detail().key(), tls.detail().resolve());
        assertEquals("TLSv1", tls.data().get("protocol"));
    }

    @Test
    void that_a_broker_with_tls_1_2_is_not_taken_for_an_old_one() throws Exception {
        int port = startOpenSsl("-tls1_2");
        CheckReport report = Checks.run("wss://localhost:" + port + "/mqtt", Checks.quick().withCaFile(TestPki.shared().caCert()));
        StepResult tls = report.step(CheckId.TLS).orElseThrow();
        assertEquals(CheckStatus.PASS, tls.status(), tls.detail().resolve());
        assertEquals("TLSv1.2", tls.data().get("protocol"));
    }
}
