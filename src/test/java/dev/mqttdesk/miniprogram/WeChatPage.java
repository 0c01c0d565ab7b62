package dev.mqttdesk.miniprogram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A generated page (native, or uni-app as its WeChat build runs it) running in src/test/miniprogram/wechat.js (our emulation of what the page needs
 * of WeChat, on real WebSockets): taps go in as commands, what the page did comes back as JSON events.
 * Needs node and the build's npm folder (target/miniprogram-npm, with MQTT.js and ws): skipped when they
 * are missing, failed instead when {@code CI} is set.
 */
final class WeChatPage implements AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(20);
    static final Path EMULATOR = Path.of("src/test/miniprogram/wechat.js");
    static final Path NODE_MODULES = Path.of("target/miniprogram-npm/node_modules");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final List<JsonNode> events = new CopyOnWriteArrayList<>();
    private final List<String> otherOutput = new CopyOnWriteArrayList<>();
    private volatile int from;

    private WeChatPage(Process process) {
        this.process = process;
        Thread reader = new Thread(this::read, "wechat.js");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts the emulator on a generated project folder; {@code ca} is trusted for wss (or null). */
    static WeChatPage open(Path project, Path ca) {
        List<String> command = new ArrayList<>(List.of(node(), EMULATOR.toAbsolutePath().toString(), project.toString()));
        if (ca != null) {
            command.addAll(List.of("--ca", ca.toString()));
        }
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("NODE_PATH", nodeModules().toAbsolutePath().toString());
        try {
            return new WeChatPage(pb.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The node program, or a skip (a failure on CI). */
    static String node() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Path.of(dir, "node");
            if (!dir.isBlank() && Files.isExecutable(p)) {
                return p.toString();
            }
        }
        return unavailable("node is not installed (apt-get install nodejs npm)");
    }

    /** The build's npm folder with ws in it, or a skip (a failure on CI). */
    static Path nodeModules() {
        if (!Files.isDirectory(NODE_MODULES.resolve("ws"))) {
            unavailable(NODE_MODULES + " has no ws: the build found no npm (FetchMqttJs)");
        }
        if (MqttJs.bundled().isEmpty()) {
            unavailable("this build has no MQTT.js: the build found no npm (FetchMqttJs)");
        }
        return NODE_MODULES;
    }

    private static String unavailable(String why) {
        if (System.getenv("CI") != null) {
            throw new IllegalStateException(why + " (CI is set, so the page test may not be skipped)");
        }
        Assumptions.abort(why);
        throw new AssertionError("unreachable");
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                try {
                    events.add(JSON.readTree(line));
                } catch (IOException notJson) {
                    otherOutput.add(line);
                }
            }
        } catch (IOException ended) {
            // the emulator ended
        }
    }

    /** Taps: calls a method of the page. Later waits look at what happens from here on. */
    void call(String method) {
        send("{\"call\":" + JSON.valueToTree(method) + "}");
    }

    /** Types into an input: calls its bindinput handler with {detail: {value}}. */
    void input(String handler, String value) {
        send("{\"input\":" + JSON.valueToTree(handler) + ",\"value\":" + JSON.valueToTree(value) + "}");
    }

    /** Sets a data field, as a uni-app v-model does. */
    void set(String field, String value) {
        send("{\"set\":" + JSON.valueToTree(field) + ",\"value\":" + JSON.valueToTree(value) + "}");
    }

    private void send(String line) {
        from = events.size();
        try {
            OutputStream out = process.getOutputStream();
            out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot talk to wechat.js\n" + transcript(), e);
        }
    }

    /** Waits for an event of this kind, since the last tap, that matches; returns it. */
    JsonNode await(String event, Predicate<JsonNode> matching) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<JsonNode> hit = since(from).stream()
                    .filter(e -> event.equals(e.path("event").asText()) && matching.test(e)).findFirst();
            if (hit.isPresent()) {
                return hit.get();
            }
            if (!process.isAlive() && events.size() == from) {
                break;
            }
            sleep(10);
        }
        throw new AssertionError("wechat.js printed no matching " + event + " event within " + TIMEOUT + "\n" + transcript());
    }

    JsonNode awaitToast(String title) {
        return await("toast", e -> title.equals(e.path("title").asText()));
    }

    /** Waits for setData to set this field to a value that matches. */
    JsonNode awaitData(String field, Predicate<String> value) {
        return await("setData", e -> e.path("data").has(field) && value.test(e.path("data").path(field).asText()));
    }

    /** The page's data as the last setData left it (from the first page event on). */
    String data(String field) {
        String value = null;
        for (JsonNode e : events) {
            JsonNode data = e.path("data");
            if (data.has(field) && (e.path("event").asText().equals("page") || e.path("event").asText().equals("setData"))) {
                value = data.path(field).asText();
            }
        }
        return value;
    }

    List<JsonNode> events() {
        return List.copyOf(events);
    }

    private List<JsonNode> since(int index) {
        List<JsonNode> all = List.copyOf(events);
        return all.subList(Math.min(index, all.size()), all.size());
    }

    String transcript() {
        return "---- wechat.js events\n" + events.stream().map(JsonNode::toString).collect(Collectors.joining("\n"))
                + (otherOutput.isEmpty() ? "" : "\n---- other output\n" + String.join("\n", otherOutput));
    }

    @Override
    public void close() {
        try {
            process.getOutputStream().close();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (IOException | InterruptedException e) {
            process.destroyForcibly();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
