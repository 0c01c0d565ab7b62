package dev.mqttdesk.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mqttdesk.MqttDeskApp;
import dev.mqttdesk.testing.Mosquitto;
import dev.mqttdesk.core.url.Transport;
import dev.mqttdesk.core.mqtt.SessionState;
import dev.mqttdesk.core.profile.AppHome;
import dev.mqttdesk.core.profile.AppSettings;
import dev.mqttdesk.core.profile.ProfilesDocument;
import dev.mqttdesk.core.profile.PublishDraft;
import dev.mqttdesk.core.profile.SavedConnection;
import dev.mqttdesk.core.profile.SavedSubscription;
import dev.mqttdesk.core.profile.store.ProfileStore;
import dev.mqttdesk.core.profile.store.SerialFileWriter;
import dev.mqttdesk.core.profile.store.StartingProfiles;
import dev.mqttdesk.workspace.Profile;
import javafx.scene.control.Button;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.stage.Stage;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * The workspace benchmark of the issue "workspace of saved connections", one JSON object of figures as
 * the last line of standard output (and in {@code target/bench/workspace.json}):
 * <ul>
 *   <li>start-up: the app started as a new JVM ({@code dev.mqttdesk.Main --startup-trace}, headless) with one
 *   saved connection and with 500, alternately, {@code bench.startupRuns} times each; the medians of the
 *   window-shown time and their difference ({@code startup_500_minus_1_ms}, target at most 50);</li>
 *   <li>the real window in this JVM with 20 saved connections to one broker, 10 of them connected through the
 *   sidebar and the Connect button, each with its saved subscription to its own stream from mosquitto of
 *   {@code bench.workspace.rate} msg/s (1,000; 5,000 for the flood issue) for
 *   {@code bench.workspace.seconds}: the FX thread's worst delay (probe every 20 ms, target at most 50 ms) and
 *   per connection how many of its messages it counted (every one, none of another's); then the same streams
 *   again into the warm window ({@code warm_…}: its code compiled, its first rows made);</li>
 *   <li>then the other 10 opened and connected, idle: heap after GC per idle open connection.</li>
 * </ul>
 */
public final class WorkspaceBench {

    static final int SAVED = 20;
    static final int STREAMING = 10;
    /** Messages a second to each connected connection: 1,000 for the workspace issue, 5,000 for the flood issue. */
    static final int RATE_PER_STREAM = Integer.getInteger("bench.workspace.rate", 1_000);

    public static void main(String[] args) throws Exception {
        ObjectNode figures = new ObjectMapper().createObjectNode();
        figures.put("cores", Runtime.getRuntime().availableProcessors());
        figures.put("max_heap_mb", Runtime.getRuntime().maxMemory() >> 20);
        startUp(figures, Integer.getInteger("bench.startupRuns", 5));

        AppRoad.startToolkit();
        // mosquitto, not the built-in broker: in this JVM, beside the UI and 50,000 msg/s of publishing, the
        // built-in broker drops QoS 0 messages to subscribers that share its network thread with the publisher
        // (seen: two of ten got 55 %, bare HiveMQ subscribers too), which says nothing of the app.
        Mosquitto broker = Mosquitto.startTcp();
        try {
            Path home = Files.createTempDirectory("mqttdesk-bench-home");
            writeProfiles(home, SAVED, broker.url(Transport.TCP).toString());
            System.setProperty(AppHome.PROPERTY, home.toString());
            MqttDeskApp app = new MqttDeskApp();
            Stage stage = AppRoad.start(app);
            try {
                streams(figures, stage, broker.tcpPort(), Integer.getInteger("bench.workspace.seconds", 30));
                idleHeap(figures, stage);
            } finally {
                AppRoad.onFx(() -> {
                    app.stop();
                    stage.close();
                    return null;
                });
            }
        } finally {
            broker.close();
        }
        Path out = Path.of(System.getProperty("bench.out", "target/bench/workspace.json"));
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, figures + "\n");
        System.out.flush();
        System.err.flush();
        System.out.println(figures);
        System.exit(0);
    }

    /** Connections {@code bench-01}…: each subscribed (when it connects) to its own stream {@code stream/N/#}. */
    static void writeProfiles(Path home, int count, String url) {
        writeProfiles(home, count, url, i -> "stream/" + i + "/#");
    }

    /** {@code count} saved connections to {@code url}, the i-th with a saved subscription to {@code filter.apply(i)}. */
    static void writeProfiles(Path home, int count, String url, java.util.function.IntFunction<String> filter) {
        List<SavedConnection> saved = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            saved.add(new SavedConnection("bench-" + i, name(i), "", StartingProfiles.newForm(url), false, null, true,
                    List.of(SavedSubscription.of(filter.apply(i), 0, i % 8)), PublishDraft.DEFAULT,
                    AppSettings.DEFAULT_LOG_CAPACITY));
        }
        try (SerialFileWriter writer = new SerialFileWriter(problem -> System.err.println("[bench] " + problem.resolve()))) {
            new ProfileStore(home, writer).save(ProfilesDocument.of(List.of(), saved, saved.get(0).id()));
            writer.flush();
        }
    }

    private static String name(int i) {
        return String.format("bench-%02d", i + 1);
    }

    private static void startUp(ObjectNode figures, int runs) throws Exception {
        if (runs < 1) {
            return; // -Dbench.startupRuns=0: only the in-process part
        }
        Path one = Files.createTempDirectory("mqttdesk-bench-1");
        Path many = Files.createTempDirectory("mqttdesk-bench-500");
        writeProfiles(one, 1, StartingProfiles.BUILT_IN_URL);
        writeProfiles(many, 500, StartingProfiles.BUILT_IN_URL);
        long[] withOne = new long[runs];
        long[] withMany = new long[runs];
        shownAfter(one); // the page cache's first look at the jars
        for (int i = 0; i < runs; i++) {
            withOne[i] = shownAfter(one);
            withMany[i] = shownAfter(many);
            log("start-up run %d: %d ms with 1 saved, %d ms with 500", i + 1, withOne[i], withMany[i]);
        }
        long medianOne = median(withOne);
        long medianMany = median(withMany);
        figures.put("startup_1_saved_ms", medianOne);
        figures.put("startup_500_saved_ms", medianMany);
        figures.put("startup_500_minus_1_ms", medianMany - medianOne);
        figures.put("startup_runs", runs);
    }

    /** Milliseconds from the child JVM's start to its first shown window, as {@code --startup-trace} says. */
    private static long shownAfter(Path home) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "-D" + AppHome.PROPERTY + "=" + home, "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless",
                "-Dprism.order=sw", "-Dheadless.geometry=1920x1200-32", "-Djava.awt.headless=true",
                "dev.mqttdesk.Main", "--startup-trace").redirectErrorStream(true);
        Process p = pb.start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                int at = line.indexOf("startup-trace: window shown ");
                if (at >= 0) {
                    return Long.parseLong(line.substring(at + 28).split(" ")[0]);
                }
            }
            throw new IllegalStateException("the app ended without showing its window");
        } finally {
            p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static void streams(ObjectNode figures, Stage stage, int port, int seconds) throws Exception {
        List<Profile> profiles = AppRoad.onFx(() -> profiles(stage));
        for (int i = 0; i < STREAMING; i++) {
            connect(stage, profiles.get(i));
        }
        log("%d of %d saved connections connected and subscribed; streaming %d msg/s to each for %d s", STREAMING, SAVED,
                RATE_PER_STREAM, seconds);
        // A connection that drops and comes back during the run loses what came meanwhile: count such drops.
        long[] drops = new long[STREAMING];
        AppRoad.onFx(() -> {
            for (int i = 0; i < STREAMING; i++) {
                int at = i;
                profiles.get(i).stateProperty().addListener((o, was, now) -> {
                    if (was == SessionState.CONNECTED) {
                        drops[at]++;
                        log("%s went from connected to %s", profiles.get(at).nameProperty().get(), now);
                    }
                });
            }
            return null;
        });
        long[] sent;
        double stall;
        try (FxStallProbe probe = new FxStallProbe().start();
             FxSampler sampler = Boolean.getBoolean("bench.trace") ? new FxSampler() : null) {
            sent = Streams.send(port, STREAMING, RATE_PER_STREAM, seconds);
            awaitCounted(profiles, sent);
            stall = probe.worstMillis();
            figures.put("fx_probes", probe.probes());
            // the worst once the first rows are made and the JIT has compiled the table's code (FxStallProbe)
            figures.put("fx_worst_stall_after_warm_up_ms", Math.round(probe.worstAfterWarmUpMillis() * 10) / 10.0);
        }
        figures.put("streams", STREAMING);
        figures.put("rate_per_stream", RATE_PER_STREAM);
        figures.put("stream_seconds", seconds);
        // What the publisher reached: on a loaded machine it may fall short of the rate asked for.
        figures.put("sent_rate_per_stream", Arrays.stream(sent).min().orElse(0) / seconds);
        figures.put("fx_worst_stall_ms", Math.round(stall * 10) / 10.0);
        var counted = figures.putArray("counted_per_connection");
        var expected = figures.putArray("sent_per_stream");
        boolean exact = true;
        for (int i = 0; i < STREAMING; i++) {
            long received = profiles.get(i).scope().log().receivedProperty().get();
            counted.add(received);
            expected.add(sent[i]);
            exact &= received == sent[i];
        }
        figures.put("every_message_counted_per_connection", exact);
        var dropped = figures.putArray("drops_per_connection");
        for (long d : drops) {
            dropped.add(d);
        }
        log("worst FX stall %.1f ms; counted %s of %s", stall, counted, expected);

        // Again, warm: the same streams into the same window, now that its code is compiled and its rows made.
        long[] again;
        try (FxStallProbe probe = new FxStallProbe().start()) {
            again = Streams.send(port, STREAMING, RATE_PER_STREAM, seconds);
            long[] total = new long[STREAMING];
            Arrays.setAll(total, i -> sent[i] + again[i]);
            awaitCounted(profiles, total);
            figures.put("warm_fx_worst_stall_ms", Math.round(probe.worstMillis() * 10) / 10.0);
            boolean warmExact = true;
            for (int i = 0; i < STREAMING; i++) {
                warmExact &= profiles.get(i).scope().log().receivedProperty().get() == total[i];
            }
            figures.put("warm_every_message_counted_per_connection", warmExact);
        }
        figures.put("warm_sent_rate_per_stream", Arrays.stream(again).min().orElse(0) / seconds);
        log("second run of the streams: worst FX stall %.1f ms", figures.get("warm_fx_worst_stall_ms").asDouble());
    }

    /** Selects the profile in the sidebar and presses Connect, as a user does; waits for Connected. */
    static void connect(Stage stage, Profile profile) throws Exception {
        AppRoad.onFx(() -> {
            @SuppressWarnings("unchecked")
            TreeView<Object> list = (TreeView<Object>) stage.getScene().lookup("#profileList");
            list.getSelectionModel().select(item(list.getRoot(), profile));
            return null;
        });
        AppRoad.onFx(() -> {
            ((Button) stage.getScene().lookup("#connectButton")).fire();
            return null;
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        // Connected, and the saved subscription granted (its SUBACK follows the CONNACK).
        while (!AppRoad.onFx(() -> profile.stateProperty().get() == SessionState.CONNECTED
                && profile.scope().subscribe().subscriptions().stream()
                        .anyMatch(s -> s.standing() == dev.mqttdesk.core.mqtt.Subscribed.Standing.GRANTED))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(profile.nameProperty().get() + " did not connect and subscribe");
            }
            Thread.sleep(20);
        }
    }

    private static void awaitCounted(List<Profile> profiles, long[] sent) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            boolean all = AppRoad.onFx(() -> IntStream.range(0, sent.length)
                    .allMatch(i -> profiles.get(i).scope().log().receivedProperty().get() >= sent[i]));
            if (all) {
                return;
            }
            Thread.sleep(100);
        }
    }

    private static void idleHeap(ObjectNode figures, Stage stage) throws Exception {
        List<Profile> profiles = AppRoad.onFx(() -> profiles(stage));
        long before = HeapMeter.usedAfterGc();
        for (int i = STREAMING; i < SAVED; i++) {
            connect(stage, profiles.get(i));
        }
        long after = HeapMeter.usedAfterGc();
        long perConnection = (after - before) / (SAVED - STREAMING);
        figures.put("heap_per_idle_open_connection_kb", perConnection >> 10);
        log("heap per idle open connection (connected, subscribed, page built): %d KB", perConnection >> 10);
    }

    static List<Profile> profiles(Stage stage) {
        @SuppressWarnings("unchecked")
        TreeView<Object> list = (TreeView<Object>) stage.getScene().lookup("#profileList");
        List<Profile> found = new ArrayList<>();
        collect(list.getRoot(), found);
        found.sort((a, b) -> a.nameProperty().get().compareTo(b.nameProperty().get()));
        return found;
    }

    private static void collect(TreeItem<Object> item, List<Profile> into) {
        if (item.getValue() instanceof Profile p) {
            into.add(p);
        }
        item.getChildren().forEach(c -> collect(c, into));
    }

    private static TreeItem<Object> item(TreeItem<Object> from, Profile p) {
        if (from.getValue() == p) {
            return from;
        }
        for (TreeItem<Object> c : from.getChildren()) {
            TreeItem<Object> found = item(c, p);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static void log(String format, Object... args) {
        System.err.println("[bench] " + String.format(format, args));
    }
}
