package dev.mqttdesk.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A real peer process (mosquitto_pub, mosquitto_sub, ...): its output, line by line as it comes
 * (standard error mixed in), its input, and waits with deadlines.
 */
public final class Peer implements AutoCloseable {

    /** What {@link Mosquitto#sub} asks mosquitto_sub to print for each message: tab-separated fields. */
    public static final String MESSAGE_FORMAT = "MSG\t%t\t%q\t%r\t%p";

    /** A message as mosquitto_sub printed it. */
    public record Received(String topic, int qos, boolean retain, String payload) {
    }

    /** How a finished peer ended. */
    public record Result(List<String> command, int exitCode, List<String> output) {

        public String text() {
            return String.join("\n", output);
        }

        @Override
        public String toString() {
            return String.join(" ", command) + " -> exit " + exitCode + "\n" + text();
        }
    }

    private final List<String> command;
    private final Process process;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Thread reader;

    private Peer(List<String> command, Process process) {
        this.command = List.copyOf(command);
        this.process = process;
        this.reader = new Thread(this::readOutput, "peer " + command.get(0));
        reader.setDaemon(true);
        reader.start();
    }

    public static Peer start(List<String> command) {
        try {
            return new Peer(command, new ProcessBuilder(command).redirectErrorStream(true).start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    private void readOutput() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lines.add(line);
            }
        } catch (IOException ignored) {
            // the process ended
        }
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The messages printed so far (needs the format {@link Mosquitto#sub} sets). */
    public List<Received> messages() {
        return lines.stream().filter(l -> l.startsWith("MSG\t")).map(l -> {
            String[] f = l.split("\t", 5);
            return new Received(f[1], Integer.parseInt(f[2]), "1".equals(f[3]), f[4]);
        }).toList();
    }

    /** Waits until a printed message matches, and returns it. */
    public Received awaitMessage(Predicate<Received> p) {
        long deadline = deadline();
        while (System.nanoTime() < deadline) {
            for (Received r : messages()) {
                if (p.test(r)) {
                    return r;
                }
            }
            if (!process.isAlive() && !reader.isAlive()) {
                break;
            }
            sleep();
        }
        throw new AssertionError("no matching message from the peer within " + Mosquitto.TIMEOUT + ": " + this);
    }

    /** Waits until a line of output matches, and returns it. */
    public String awaitLine(Predicate<String> p) {
        long deadline = deadline();
        while (System.nanoTime() < deadline) {
            for (String l : lines) {
                if (p.test(l)) {
                    return l;
                }
            }
            if (!process.isAlive() && !reader.isAlive()) {
                break;
            }
            sleep();
        }
        throw new AssertionError("no matching line from the peer within " + Mosquitto.TIMEOUT + ": " + this);
    }

    /** For mosquitto_sub with {@code -d}: waits until the broker acknowledged the subscription. */
    public Peer awaitSubscribed() {
        awaitLine(l -> l.contains("received SUBACK"));
        return this;
    }

    /** Writes one line to the peer's input (for {@code mosquitto_pub -l}). */
    public void writeLine(String line) {
        try {
            OutputStream out = process.getOutputStream();
            out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to " + this, e);
        }
    }

    /** Ends the peer's input: {@code mosquitto_pub -l} then finishes and exits. */
    public void closeInput() {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits (bounded) for the peer to end by itself; fails with its output if it does not. */
    public Result awaitExit() {
        try {
            if (!process.waitFor(Mosquitto.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("the peer did not end within " + Mosquitto.TIMEOUT + ": " + this);
            }
            reader.join(Mosquitto.TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return new Result(command, process.exitValue(), lines());
    }

    /** Stops the peer if it still runs. */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static long deadline() {
        return System.nanoTime() + Mosquitto.TIMEOUT.toNanos();
    }

    private static void sleep() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return String.join(" ", command) + (process.isAlive() ? " (running)" : " (exit " + process.exitValue() + ")")
                + "\n" + String.join("\n", lines);
    }
}
