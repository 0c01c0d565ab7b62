package dev.mqttdesk.workspace;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import dev.mqttdesk.connection.Presets;
import dev.mqttdesk.core.mqtt.SessionState;
import dev.mqttdesk.core.profile.ConnectionProfile;
import dev.mqttdesk.core.profile.SavedConnection;
import dev.mqttdesk.core.profile.SavedSubscription;
import dev.mqttdesk.testing.Mosquitto;
import dev.mqttdesk.testing.RecordingFeedback;
import dev.mqttdesk.ui.FxTaskExecutor;
import dev.mqttdesk.ui.ViewLifetime;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Soak: a steady 1,000 msg/s stream into one connection whose log is at its cap, shown in a window, while that
 * connection disconnects and connects again 50 times. Heap after GC, threads and open files must stay flat.
 * CI runs 2 minutes; the full 10 minutes: {@code mvn -q test -Dmqttjs.skip=true -Dtest=SoakTest -Dsoak.seconds=600}.
 */
class SoakTest {

    static final int SECONDS = Integer.getInteger("soak.seconds", 120);
    static final int RATE = 1_000;
    static final int CYCLES = 50;
    /** A cap the stream reaches in 20 s, so most of the run is at the cap (the default, a million, never would be). */
    static final int CAPACITY = 20_000;
    /** Samples at each end of the curve whose median is compared. */
    static final int ENDS = 5;
    /** The warm-up cycles before the baseline: the first connections load classes and fill pools. */
    static final int WARM_UP = 5;

    static Mosquitto mosquitto;

    @BeforeAll
    static void start() throws Exception {
        mosquitto = Mosquitto.startTcp();
        FxToolkit.registerPrimaryStage();
    }

    @AfterAll
    static void stop() {
        mosquitto.close();
    }

    record Sample(int cycle, long seconds, double heapMb, int threads, long files) {
    }

    @Test
    void a_steady_stream_into_a_full_log_keeps_heap_threads_and_open_files_flat_across_50_reconnects() throws Exception {
        ScopeServices services = new ScopeServices(new RecordingFeedback(), new FxTaskExecutor(), new Presets());
        ConnectionProfile form = new ConnectionProfile("mqtt://127.0.0.1:" + mosquitto.tcpPort(), "MQTT_5_0", "soak-test",
                "", "60", true, "10", "1000", true, "", false);
        SavedConnection saved = new SavedConnection("soak", "soak", "", form, false, null, true,
                List.of(SavedSubscription.of("soak/#", 0, 0)), null, CAPACITY);
        ConnectionScope scope = onFx(() -> new ConnectionScope(saved, services, () -> { }));
        Stage stage = onFx(() -> {
            Stage s = new Stage();
            s.setScene(new Scene(ConnectionPage.load(scope, services.presets(), new ViewLifetime()), 1200, 800));
            s.show();
            return s;
        });
        AtomicBoolean streaming = new AtomicBoolean(true);
        AtomicLong sent = new AtomicLong();
        Thread publisher = new Thread(() -> stream(streaming, sent), "soak-publisher");
        publisher.start();
        List<Sample> curve = new ArrayList<>();
        long start = System.nanoTime();
        try {
            connect(scope);
            waitFor(60, () -> scope.log().receivedProperty().get() > CAPACITY);
            long cycleMillis = TimeUnit.SECONDS.toMillis(SECONDS) / CYCLES;
            for (int cycle = 1; cycle <= CYCLES; cycle++) {
                long cycleEnd = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(cycleMillis);
                onFx(() -> {
                    scope.connection().disconnect();
                    return null;
                });
                waitFor(20, () -> scope.stateProperty().get() == SessionState.DISCONNECTED);
                // Sampled while disconnected, so every sample sees the same set of live clients: none of ours.
                curve.add(sample(cycle, start));
                connect(scope);
                long left = cycleEnd - System.nanoTime();
                if (left > 0) {
                    Thread.sleep(TimeUnit.NANOSECONDS.toMillis(left));
                }
            }
        } finally {
            streaming.set(false);
            publisher.join(30_000);
            onFx(() -> {
                stage.close();
                return null;
            });
            scope.closeAsync().get(20, TimeUnit.SECONDS);
        }
        print(curve, sent.get(), scope);

        Sample first = curve.get(WARM_UP - 1);
        Sample last = curve.get(curve.size() - 1);
        double before = medianHeap(curve.subList(WARM_UP - 1, WARM_UP - 1 + ENDS));
        double after = medianHeap(curve.subList(curve.size() - ENDS, curve.size()));
        assertTrue(after <= before * 1.10, String.format("heap after GC grew from %.1f MB to %.1f MB (more than 10 %%)", before, after));
        assertTrue(last.threads() <= first.threads() + 2,
                "threads grew from " + first.threads() + " to " + last.threads() + " over " + (CYCLES - WARM_UP) + " reconnects");
        assertTrue(last.files() <= first.files() + 4,
                "open files grew from " + first.files() + " to " + last.files() + " over " + (CYCLES - WARM_UP) + " reconnects");
        long received = scope.log().receivedProperty().get();
        assertEquals(CAPACITY, received - scope.log().evictedProperty().get(), "every message beyond the cap was counted as evicted");
        assertEquals(CAPACITY, onFx(() -> scope.log().held().size()), "the log holds exactly its cap");
        assertEquals(1, onFx(() -> scope.subscribe().subscriptions().size()), "50 reconnects leave one subscription row");
    }

    private static void connect(ConnectionScope scope) throws Exception {
        onFx(() -> {
            scope.connection().connect();
            return null;
        });
        waitFor(20, () -> scope.stateProperty().get() == SessionState.CONNECTED
                && scope.subscribe().subscriptions().size() == 1);
    }

    /** 1,000 msg/s of about 100 bytes, paced by the clock so a late tick catches up instead of drifting. */
    private static void stream(AtomicBoolean streaming, AtomicLong sent) {
        Mqtt5AsyncClient client = Mqtt5Client.builder().identifier("soak-publisher")
                .serverHost("127.0.0.1").serverPort(mosquitto.tcpPort()).buildAsync();
        try {
            client.connect().get(20, TimeUnit.SECONDS);
            long startNanos = System.nanoTime();
            long due = 0;
            while (streaming.get()) {
                long target = (System.nanoTime() - startNanos) * RATE / 1_000_000_000L;
                for (; due < target; due++) {
                    byte[] payload = String.format("{\"seq\":%d,\"pad\":\"%s\"}", due, "x".repeat(80))
                            .getBytes(StandardCharsets.UTF_8);
                    client.publishWith().topic("soak/" + (due % 10)).qos(MqttQos.AT_MOST_ONCE).payload(payload).send()
                            .thenRun(sent::incrementAndGet);
                }
                Thread.sleep(10);
            }
            client.disconnect().get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the soak publisher failed", e);
        }
    }

    private static Sample sample(int cycle, long startNanos) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        // The least of three readings, each right after a collection: a reading can catch what other threads
        // (the publisher, the toolkit) allocated after the collection ended.
        long heap = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            heap = Math.min(heap, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        int threads = ManagementFactory.getThreadMXBean().getThreadCount();
        return new Sample(cycle, TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startNanos),
                heap / 1024.0 / 1024.0, threads, openFiles());
    }

    private static long openFiles() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        }
    }

    private static double medianHeap(List<Sample> samples) {
        double[] heaps = samples.stream().mapToDouble(Sample::heapMb).sorted().toArray();
        return heaps[heaps.length / 2];
    }

    /** The curve, for the README's Reliability table. */
    private static void print(List<Sample> curve, long sent, ConnectionScope scope) {
        StringBuilder out = new StringBuilder(String.format("soak: %d s, %d msg/s, cap %,d, sent %,d, received %,d, evicted %,d%n",
                SECONDS, RATE, CAPACITY, sent, scope.log().receivedProperty().get(), scope.log().evictedProperty().get()));
        out.append("soak: cycle  t(s)  heap-after-GC(MB)  threads  open-files\n");
        for (Sample s : curve) {
            out.append(String.format("soak: %5d %5d %18.1f %8d %11d%n", s.cycle(), s.seconds(), s.heapMb(), s.threads(), s.files()));
        }
        System.out.print(out);
    }

    private static void waitFor(int seconds, Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return condition.call();
        });
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(20, TimeUnit.SECONDS);
    }
}
