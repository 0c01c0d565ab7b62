package dev.mqttdesk.bench;

import dev.mqttdesk.broker.LocalBroker;
import dev.mqttdesk.testing.Mosquitto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.BufferedWriter;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A broker and the publisher that floods it, the same for every receiver of one run.
 * {@code bench.broker=builtin} (the default): the built-in broker in this JVM and a HiveMQ publisher
 * ({@link Flood}). {@code bench.broker=mosquitto}: mosquitto as its own process and {@code mosquitto_pub -l}
 * reading a prepared file of {@link #MOSQUITTO_PAYLOAD_BYTES}-byte lines, the setup our users have; then
 * the JVM holds only the receiver and the UI.
 */
interface FloodSource extends AutoCloseable {

    /** The line length of the mosquitto flood: the size the issue measured with. */
    int MOSQUITTO_PAYLOAD_BYTES = 89;

    String name();

    int port();

    /** Sends {@code n} messages matching {@link Flood#FILTER} and returns how many the publisher wrote. */
    long send(int n) throws Exception;

    @Override
    void close();

    static FloodSource of(String kind) throws Exception {
        return switch (kind) {
            case "builtin" -> new BuiltIn(LocalBroker.start(0, 0));
            case "mosquitto" -> new MosquittoPub(Mosquitto.startTcp());
            default -> throw new IllegalArgumentException("bench.broker is builtin or mosquitto, not " + kind);
        };
    }

    record BuiltIn(LocalBroker broker) implements FloodSource {
        @Override
        public String name() {
            return "built-in broker, HiveMQ publisher";
        }

        @Override
        public int port() {
            return broker.tcpPort();
        }

        @Override
        public long send(int n) {
            return Flood.send(port(), n);
        }

        @Override
        public void close() {
            broker.close();
        }
    }

    /** mosquitto, fed by {@code mosquitto_pub -l -t bench/flood} from a file written once per size. */
    final class MosquittoPub implements FloodSource {
        private final Mosquitto broker;
        private final Path lines;
        private int linesWritten = -1;

        MosquittoPub(Mosquitto broker) throws IOException {
            this.broker = broker;
            this.lines = Files.createTempFile("bench-flood", ".txt");
        }

        @Override
        public String name() {
            return "mosquitto " + broker.version() + ", mosquitto_pub -l";
        }

        @Override
        public int port() {
            return broker.listener("tcp").port();
        }

        @Override
        public long send(int n) throws Exception {
            prepare(n);
            Process pub = new ProcessBuilder(List.of(Mosquitto.program("mosquitto_pub"), "-h", "127.0.0.1",
                    "-p", Integer.toString(port()), "-t", "bench/flood", "-q", "0", "-l"))
                    .redirectInput(lines.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            if (!pub.waitFor(10, TimeUnit.MINUTES)) {
                pub.destroyForcibly();
                throw new IllegalStateException("mosquitto_pub did not finish within 10 minutes");
            }
            if (pub.exitValue() != 0) {
                throw new IllegalStateException("mosquitto_pub exited with " + pub.exitValue());
            }
            return n;
        }

        private void prepare(int n) throws IOException {
            if (linesWritten == n) {
                return;
            }
            try (BufferedWriter out = Files.newBufferedWriter(lines, StandardCharsets.US_ASCII)) {
                for (int i = 0; i < n; i++) {
                    byte[] p = Flood.payload(i, MOSQUITTO_PAYLOAD_BYTES);
                    out.write(new String(p, StandardCharsets.US_ASCII));
                    out.write('\n');
                }
            }
            linesWritten = n;
        }

        @Override
        public void close() {
            broker.close();
            try {
                Files.deleteIfExists(lines);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
