package dev.mqttdesk.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The outside yardstick: {@code mosquitto_sub} on the same broker and the same flood. It prints
 * each message's arrival time ({@code %U}, its own clock) to a file, read only after the flood so
 * that reading costs the machine nothing while it is measured.
 */
final class MosquittoSubscriber {

    private static final String READY = "bench/ready";

    private MosquittoSubscriber() {
    }

    static Optional<Path> program() {
        return Stream.concat(Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)),
                        Stream.of("/usr/bin", "/usr/local/bin", "/opt/homebrew/bin"))
                .filter(d -> !d.isBlank()).map(d -> Path.of(d, "mosquitto_sub")).filter(Files::isExecutable).findFirst();
    }

    static Phase flood(Path program, FloodSource source, int n) throws Exception {
        Path out = Files.createTempFile("bench-mosquitto-sub", ".txt");
        Process sub = new ProcessBuilder(program.toString(), "-h", "127.0.0.1", "-p", Integer.toString(source.port()),
                "-t", Flood.FILTER, "-q", "0", "-F", "%t %U")
                .redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            awaitReady(source.port(), out, sub);
            long sent = source.send(n);
            awaitQuiet(out, sent);
            return read(out, sent);
        } finally {
            sub.destroy();
            sub.waitFor(10, TimeUnit.SECONDS);
            Files.deleteIfExists(out);
        }
    }

    /** Publishes to a ready topic until mosquitto_sub prints it: then it has subscribed. */
    private static void awaitReady(int port, Path out, Process sub) throws Exception {
        com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient probe = com.hivemq.client.mqtt.mqtt5.Mqtt5Client.builder()
                .identifier("bench-ready-" + System.nanoTime()).serverHost("127.0.0.1").serverPort(port).buildBlocking();
        probe.connect();
        try {
            long deadline = System.currentTimeMillis() + 30_000;
            while (Files.size(out) == 0) {
                if (!sub.isAlive() || System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("mosquitto_sub did not subscribe (exit " + (sub.isAlive() ? "none" : sub.exitValue()) + ")");
                }
                probe.publishWith().topic(READY).payload(new byte[]{1}).send();
                Thread.sleep(100);
            }
        } finally {
            probe.disconnect();
        }
    }

    private static void awaitQuiet(Path out, long sent) throws Exception {
        long expectedBytes = sent * 20; // every line is longer than this: "bench/N 1714000000.123456789"
        long size = -1;
        long quietSince = System.currentTimeMillis();
        long deadline = System.currentTimeMillis() + 300_000;
        while (System.currentTimeMillis() < deadline) {
            long now = Files.size(out);
            if (now != size) {
                size = now;
                quietSince = System.currentTimeMillis();
            } else if (System.currentTimeMillis() - quietSince >= (now >= expectedBytes ? 1_000 : 3_000)) {
                return;
            }
            Thread.sleep(100);
        }
    }

    private static Phase read(Path out, long sent) throws IOException {
        long count = 0;
        String first = null;
        String last = null;
        try (BufferedReader in = Files.newBufferedReader(out, StandardCharsets.UTF_8)) {
            for (String line; (line = in.readLine()) != null; ) {
                int space = line.indexOf(' ');
                if (space < 0 || line.startsWith(READY + " ")) {
                    continue;
                }
                count++;
                if (first == null) {
                    first = line.substring(space + 1);
                }
                last = line.substring(space + 1);
            }
        }
        double rate = count < 2 ? 0 : (count - 1) / (seconds(last) - seconds(first));
        return new Phase(sent, count, rate);
    }

    /** "1714000000.123456789" as seconds, without losing the nanoseconds to a double's precision. */
    private static double seconds(String unix) {
        int dot = unix.indexOf('.');
        long whole = Long.parseLong(unix.substring(0, dot));
        long nanos = Long.parseLong((unix.substring(dot + 1) + "000000000").substring(0, 9));
        return (whole - 1_700_000_000L) + nanos / 1e9;
    }
}
