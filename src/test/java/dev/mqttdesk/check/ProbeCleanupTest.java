package dev.mqttdesk.check;

import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A probe that stops waiting for its CONNACK leaves no client behind: against a broker that answers
 * only after the probe gave up, the late connection is disconnected at once instead of living on with
 * its keep-alive inside the app. (The broker here is a raw socket speaking just enough MQTT 3.1.1 to be
 * late on purpose: no real broker can be told to hold its CONNACK.)
 */
class ProbeCleanupTest {

    /** Accepts one connection, says when the CONNECT came, answers CONNACK when told, then watches for the end. */
    private static final class LateBroker implements AutoCloseable {
        final ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        final CompletableFuture<Void> connectArrived = new CompletableFuture<>();
        final CompletableFuture<Void> answer = new CompletableFuture<>();
        final CompletableFuture<String> end = new CompletableFuture<>();

        LateBroker() throws Exception {
            Thread t = new Thread(this::serve, "late-broker");
            t.setDaemon(true);
            t.start();
        }

        private void serve() {
            try (Socket s = server.accept()) {
                InputStream in = s.getInputStream();
                if (in.read() != 0x10) {
                    end.complete("not a CONNECT");
                    return;
                }
                int remaining = in.read(); // a probe's CONNECT is shorter than 128 bytes: one length byte
                in.readNBytes(remaining);
                connectArrived.complete(null);
                answer.get(30, TimeUnit.SECONDS);
                s.getOutputStream().write(new byte[]{0x20, 0x02, 0x00, 0x00}); // CONNACK, accepted
                s.getOutputStream().flush();
                s.setSoTimeout(10_000); // far below the probe's keep-alive of 60 s: no PINGREQ comes first
                try {
                    int next = in.read();
                    end.complete(next == 0xE0 ? "disconnected" : next < 0 ? "closed" : "sent packet " + next);
                } catch (SocketTimeoutException stillOpen) {
                    end.complete("still connected 10 s after CONNACK");
                }
            } catch (Exception e) {
                end.complete("server: " + e);
            }
        }

        @Override
        public void close() throws Exception {
            server.close();
        }
    }

    @Test
    void that_a_probe_interrupted_while_connecting_disconnects_the_client_that_connects_late() throws Exception {
        try (LateBroker broker = new LateBroker()) {
            int port = broker.server.getLocalPort();
            CheckContext context = new CheckContext(CheckTarget.parse("mqtt://127.0.0.1:" + port),
                    CheckOptions.defaults().withTimeout(20), CheckTrust.load(null));
            context.reachable(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            CompletableFuture<Throwable> probeEnded = new CompletableFuture<>();
            Thread probe = new Thread(() -> {
                try {
                    new MqttProbe(context).connect311().close();
                    probeEnded.complete(null);
                } catch (Throwable t) {
                    probeEnded.complete(t);
                }
            }, "probe-under-test");
            probe.start();
            broker.connectArrived.get(20, TimeUnit.SECONDS);
            probe.interrupt(); // the check's time limit for the step ran out
            assertTrue(probeEnded.get(10, TimeUnit.SECONDS) instanceof InterruptedException, "the probe gave up");
            broker.answer.complete(null);
            assertEquals("disconnected", broker.end.get(30, TimeUnit.SECONDS));
        }
    }
}
