package dev.mqttdesk.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.hivemq.client.mqtt.MqttClientExecutorConfig;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import dev.mqttdesk.MqttDeskApp;
import dev.mqttdesk.core.log.MessageStore;
import dev.mqttdesk.core.profile.AppHome;
import dev.mqttdesk.core.url.Transport;
import dev.mqttdesk.testing.Mosquitto;
import dev.mqttdesk.workspace.Profile;
import javafx.scene.control.Button;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.stage.Stage;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The traffic views' benchmark (issue "see the traffic"): a flood paced at {@code bench.traffic.rate}
 * msg/s (100,000) over {@link #TOPICS} distinct topics ({@code traffic/a/b}, JSON {@code {"v":n}}) from
 * mosquitto, into
 * <ul>
 *   <li>a bare HiveMQ subscriber that only counts: the yardstick, in the same run;</li>
 *   <li>the app's real window in this JVM, the connection's Topics tab (the tree) and Charts tab (the rate
 *   chart and a value plot of {@code traffic/0/0 $.v}) shown: the rate at which its store counts them, the FX
 *   thread's worst delay (probe every 20 ms), and the heap per distinct topic (after GC, the log cleared, the
 *   tree kept: less the heap before the flood, over the topics).</li>
 * </ul>
 * Then a second flood of as many messages over as many new topics into the same window, whose figures start
 * with {@code warm_}: the bare subscriber is measured after a warm-up flood, and this is the app's.
 * One JSON object of figures as the last line of standard output and in {@code target/bench/traffic.json}.
 */
public final class TrafficBench {

    static final int TOPICS = 10_000;
    static final String FILTER = "traffic/#";

    public static void main(String[] args) throws Exception {
        int n = Integer.getInteger("bench.traffic.messages", 1_000_000);
        int rate = Integer.getInteger("bench.traffic.rate", 100_000);
        ObjectNode figures = new ObjectMapper().createObjectNode();
        figures.put("messages", n);
        figures.put("rate_asked", rate);
        figures.put("topics", TOPICS);
        figures.put("cores", Runtime.getRuntime().availableProcessors());
        figures.put("max_heap_mb", Runtime.getRuntime().maxMemory() >> 20);

        AppRoad.startToolkit();
        try (Mosquitto broker = Mosquitto.startTcp()) {
            figures.put("broker", "mosquitto " + broker.version());
            int port = broker.tcpPort();
            Phase warm = bare(port, Math.min(n, 100_000), rate);
            log("warm-up, bare subscriber: %s", warm);
            Phase rawBefore = bare(port, n, rate);
            log("bare HiveMQ subscriber, before the app: %s", rawBefore);

            Path home = Files.createTempDirectory("mqttdesk-bench-traffic");
            WorkspaceBench.writeProfiles(home, 1, broker.url(Transport.TCP).toString(), i -> FILTER);
            System.setProperty(AppHome.PROPERTY, home.toString());
            MqttDeskApp app = new MqttDeskApp();
            Stage stage = AppRoad.start(app);
            try {
                Profile profile = AppRoad.onFx(() -> WorkspaceBench.profiles(stage)).get(0);
                WorkspaceBench.connect(stage, profile);
                showTreeAndPlot(stage);
                Thread.sleep(2_000); // the tabs' first layout and paint, before anything is measured
                long before = HeapMeter.usedAfterGc();
                MessageStore store = profile.scope().log().store();
                Phase appPhase;
                double stall;
                try (FxStallProbe probe = new FxStallProbe().start();
                     FxSampler sampler = Boolean.getBoolean("bench.trace") ? new FxSampler() : null) {
                    appPhase = flood(port, n, rate, "", () -> store.counts().received());
                    // The tree takes its batches in a few times a second: wait until every topic is in it.
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                    while (AppRoad.onFx(() -> profile.scope().tree().nodes().size()) < TOPICS + 100 + 1
                            && System.nanoTime() < deadline) {
                        Thread.sleep(50);
                    }
                    Thread.sleep(1_000); // the plot's and the tree's last updates, still probed
                    stall = probe.worstMillis();
                    figures.put("fx_probes", probe.probes());
                    // the worst once the first rows are made and the JIT has compiled the table's code (FxStallProbe)
                    figures.put("fx_worst_stall_after_warm_up_ms", Math.round(probe.worstAfterWarmUpMillis() * 10) / 10.0);
                }
                log("app: %s, worst FX stall %.1f ms", appPhase, stall);
                int treeNodes = AppRoad.onFx(() -> profile.scope().tree().nodes().size());
                long plotted = AppRoad.onFx(() -> profile.scope().charts().series().isEmpty() ? 0
                        : profile.scope().charts().series().get(0).added());
                AppRoad.onFx(() -> {
                    profile.scope().log().clear();
                    return null;
                });
                long after = HeapMeter.usedAfterGc();
                figures.put("app_rate", Math.round(appPhase.rate()));
                figures.put("app_received", appPhase.received());
                figures.put("app_sent", appPhase.sent());
                figures.put("fx_worst_stall_ms", Math.round(stall * 10) / 10.0);
                figures.put("tree_nodes", treeNodes);
                figures.put("plot_points", plotted);
                figures.put("heap_bytes_per_topic", (after - before) / TOPICS);

                // Again, warm: the bare subscriber has had a warm-up flood before it is measured, the app had
                // none; now it has had the first. New topics (traffic/w0/0 …), so the tree grows as much again.
                Phase warmPhase;
                try (FxStallProbe probe = new FxStallProbe().start()) {
                    warmPhase = flood(port, n, rate, "w", () -> store.counts().received());
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                    while (AppRoad.onFx(() -> profile.scope().tree().nodes().size()) < 2 * (TOPICS + 100) + 1
                            && System.nanoTime() < deadline) {
                        Thread.sleep(50);
                    }
                    Thread.sleep(1_000);
                    figures.put("warm_app_rate", Math.round(warmPhase.rate()));
                    figures.put("warm_app_received", warmPhase.received());
                    figures.put("warm_fx_worst_stall_ms", Math.round(probe.worstMillis() * 10) / 10.0);
                    figures.put("warm_tree_nodes", AppRoad.onFx(() -> profile.scope().tree().nodes().size()));
                }
                log("app, second flood: %s, worst FX stall %.1f ms", warmPhase, figures.get("warm_fx_worst_stall_ms").asDouble());
            } finally {
                AppRoad.onFx(() -> {
                    app.stop();
                    stage.close();
                    return null;
                });
            }

            Phase rawAfter = bare(port, n, rate);
            log("bare HiveMQ subscriber, after the app: %s", rawAfter);
            Phase raw = rawAfter.rate() >= rawBefore.rate() ? rawAfter : rawBefore;
            figures.put("raw_rate", Math.round(raw.rate()));
            figures.put("raw_received", raw.received());
            figures.put("raw_rate_runs", figures.arrayNode().add(Math.round(rawBefore.rate())).add(Math.round(rawAfter.rate())));
            figures.put("app_vs_raw", Math.round(figures.get("app_rate").asDouble() / raw.rate() * 100) / 100.0);
            figures.put("warm_app_vs_raw", Math.round(figures.get("warm_app_rate").asDouble() / raw.rate() * 100) / 100.0);
        }
        figures.put("load_average", Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        Path out = Path.of(System.getProperty("bench.out", "target/bench/traffic.json"));
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, figures + "\n");
        System.out.println(figures);
        System.exit(0);
    }

    /** The Topics tab beside the form and the Charts tab in the middle, with a series of {@code traffic/0/0 $.v}. */
    private static void showTreeAndPlot(Stage stage) throws Exception {
        AppRoad.onFx(() -> {
            var scene = stage.getScene();
            TabPane side = (TabPane) scene.lookup("#sideTabs");
            side.getSelectionModel().select(side.getTabs().stream().filter(t -> "topicsTab".equals(t.getId())).findFirst().orElseThrow());
            TabPane center = (TabPane) scene.lookup("#centerTabs");
            center.getSelectionModel().select(center.getTabs().stream().filter(t -> "chartsTab".equals(t.getId())).findFirst().orElseThrow());
            return null;
        });
        AppRoad.onFx(() -> {
            var scene = stage.getScene();
            ((TextField) scene.lookup("#valuePlotTopicField")).setText("traffic/0/0");
            ((TextField) scene.lookup("#valuePlotPathField")).setText("$.v");
            ((Button) scene.lookup("#valuePlotAddButton")).fire();
            return null;
        });
    }

    /** A bare HiveMQ subscriber that only counts, on the same flood. */
    private static Phase bare(int port, int n, int rate) throws Exception {
        AtomicLong got = new AtomicLong();
        Mqtt5AsyncClient client = Mqtt5Client.builder().identifier("bench-bare-" + System.nanoTime())
                .serverHost("127.0.0.1").serverPort(port).buildAsync();
        client.publishes(MqttGlobalPublishFilter.ALL, p -> got.incrementAndGet());
        client.connect().get(30, TimeUnit.SECONDS);
        client.subscribeWith().topicFilter(FILTER).send().get(30, TimeUnit.SECONDS);
        try {
            return flood(port, n, rate, "", got::get);
        } finally {
            client.disconnect().get(30, TimeUnit.SECONDS);
        }
    }

    /**
     * Publishes {@code n} messages paced at {@code rate} from a client with its own network thread, and
     * watches {@code counted} (every 2 ms) until it has them all or stops moving for 3 s; the rate is
     * what arrived over the time from the first arrival to the last.
     */
    /** @param level1 the first level below {@code traffic/} of every topic is this and a number ({@code traffic/3/7}, {@code traffic/w3/7}) */
    private static Phase flood(int port, int n, int rate, String level1, LongSupplier counted) throws Exception {
        long base = counted.getAsLong();
        AtomicLong sent = new AtomicLong();
        AtomicLong sentAll = new AtomicLong();
        long started = System.nanoTime();
        ExecutorService network = Executors.newSingleThreadExecutor(r -> new Thread(r, "bench-traffic-publisher"));
        Mqtt5AsyncClient publisher = Mqtt5Client.builder().identifier("bench-traffic-" + System.nanoTime())
                .executorConfig(MqttClientExecutorConfig.builder().nettyExecutor(network).nettyThreads(1).build())
                .serverHost("127.0.0.1").serverPort(port).buildAsync();
        publisher.connect().get(30, TimeUnit.SECONDS);
        Thread sender = new Thread(() -> {
            long start = System.nanoTime();
            for (int due = 0; due < n; ) {
                long target = Math.min(n, (System.nanoTime() - start) * rate / 1_000_000_000L);
                for (; due < target; due++) {
                    int i = due;
                    publisher.publishWith().topic("traffic/" + level1 + (i % 100) + "/" + (i / 100 % 100)).qos(MqttQos.AT_MOST_ONCE)
                            .payload(("{\"v\":" + i + "}").getBytes(StandardCharsets.US_ASCII)).send()
                            .thenRun(() -> {
                                if (sent.incrementAndGet() == n) {
                                    sentAll.set(System.nanoTime());
                                }
                            });
                }
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "bench-traffic-sender");
        sender.start();
        long first = 0;
        long last = 0;
        long seen = 0;
        long movedAt = System.nanoTime();
        while (true) {
            long now = System.nanoTime();
            long c = counted.getAsLong() - base;
            if (c > 0 && first == 0) {
                first = now;
            }
            if (c != seen) {
                seen = c;
                last = now;
                movedAt = now;
            }
            if (!sender.isAlive() && sent.get() >= n && seen >= n) {
                break;
            }
            if (!sender.isAlive() && now - movedAt > TimeUnit.SECONDS.toNanos(3)) {
                break; // the broker dropped some (QoS 0): what came is what counts
            }
            Thread.sleep(2);
        }
        sender.join();
        long sendEnd = sentAll.get() == 0 ? System.nanoTime() : sentAll.get(); // not all sent: until now
        log("publisher: %d sent in %.1f s; the counted ones came over %.1f s", sent.get(),
                (sendEnd - started) / 1e9, (last - first) / 1e9);
        publisher.disconnect().get(30, TimeUnit.SECONDS);
        network.shutdown();
        return new Phase(sent.get(), seen, seen < 2 || last <= first ? 0 : (seen - 1) * 1e9 / (last - first));
    }

    private static void log(String format, Object... args) {
        System.err.println("[bench] " + String.format(format, args));
    }
}
