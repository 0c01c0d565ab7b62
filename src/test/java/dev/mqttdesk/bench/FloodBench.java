package dev.mqttdesk.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mqttdesk.core.log.Direction;
import dev.mqttdesk.core.log.FilterRunner;
import dev.mqttdesk.core.log.Message;
import dev.mqttdesk.core.log.MessageFilter;
import dev.mqttdesk.core.log.Progress;
import dev.mqttdesk.core.log.payload.JsonView;
import dev.mqttdesk.core.log.payload.Lines;
import dev.mqttdesk.core.log.payload.PayloadViews;
import dev.mqttdesk.core.profile.AppSettings;
import javafx.application.Platform;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The flood benchmark of issue 3: one run, one broker (the built-in one), the same flood of
 * {@code bench.messages} messages of 100 bytes at QoS 0 for each receiver in turn, and one JSON
 * object of figures as the last line of standard output. Progress goes to standard error.
 * <p>
 * Run it with {@code mvn -B -q -Pbench verify} ({@code -Dbench.messages=200000} for a shorter
 * flood). The same JSON is written to {@code target/bench/flood.json}: Maven 3.8 prints an ANSI
 * reset code after everything, without a line break, which a script reading the last line meets. Targets: app_rate at least 0.9 of raw_rate and of mosquitto_sub_rate; fx_worst_stall_ms
 * at most 50; heap_bytes_per_message at most 1000; filter_ms at most 300; big_payload_stall_ms at
 * most 100.
 */
public final class FloodBench {

    static final int BIG_PAYLOAD_BYTES = 10 * 1024 * 1024;
    /** About a screenful of each view: what opening a payload shows at once. */
    static final int VISIBLE_LINES = 60;

    public static void main(String[] args) throws Exception {
        int n = Integer.getInteger("bench.messages", 1_000_000);
        ObjectNode figures = new ObjectMapper().createObjectNode();
        figures.put("messages", n);
        figures.put("cores", Runtime.getRuntime().availableProcessors());
        figures.put("max_heap_mb", Runtime.getRuntime().maxMemory() >> 20);

        AppRoad.startToolkit();
        String kind = System.getProperty("bench.broker", "builtin");
        FloodSource source = FloodSource.of(kind);
        figures.put("broker", kind);
        figures.put("setup", source.name());
        figures.put("payload_bytes", kind.equals("mosquitto") ? FloodSource.MOSQUITTO_PAYLOAD_BYTES : Flood.PAYLOAD_BYTES);
        try {
            int port = source.port();
            int warmUp = Math.max(1, n / 4);
            log("%s on port %d; warming up with %d messages through the app road and the raw subscriber", source.name(), port, warmUp);
            long baseline;
            Phase rawBefore;
            try (AppRoad app = AppRoad.open(AppSettings.DEFAULT_LOG_CAPACITY)) {
                app.flood(source, warmUp);
                app.clear();
                RawSubscriber.flood(source, warmUp);

                ThreadCpu rawCpu = new ThreadCpu();
                rawBefore = RawSubscriber.flood(source, n);
                log("processor time during the raw flood: %s", ThreadCpu.describe(rawCpu.since()));
                log("raw HiveMQ subscriber, before the app: %s", rawBefore);

                baseline = HeapMeter.usedAfterGc();
                Phase road;
                double stall;
                try (FxStallProbe probe = new FxStallProbe().start();
                     FxSampler sampler = Boolean.getBoolean("bench.trace") ? new FxSampler() : null) {
                    ThreadCpu cpu = new ThreadCpu();
                    road = app.flood(source, n);
                    stall = probe.worstMillis();
                    java.util.Map<String, Long> used = cpu.since();
                    log("processor time during the app's flood: %s", ThreadCpu.describe(used));
                    ObjectNode byThread = figures.putObject("app_cpu_ms");
                    used.forEach(byThread::put);
                    figures.put("fx_probes", probe.probes());
                    // the worst once the first rows are made and the JIT has compiled the table's code (FxStallProbe)
                    figures.put("fx_worst_stall_after_warm_up_ms", round(probe.worstAfterWarmUpMillis()));
                }
                log("app road: %s, worst FX stall %.1f ms", road, stall);
                put(figures, "app", road);
                figures.put("fx_worst_stall_ms", round(stall));

                long held = app.held();
                long full = HeapMeter.usedAfterGc();
                figures.put("held_messages", held);
                figures.put("heap_bytes_per_message", held == 0 ? 0 : Math.round((full - baseline) / (double) held));
                log("heap: %d MB more with %d messages held", (full - baseline) >> 20, held);

                filter(figures, app.log.store().snapshot());
            }
            // The yardstick again after the app, so that neither gains from going second (a warmer JIT,
            // a calmer broker): the better of the two is the raw rate the app is held against.
            Phase rawAfter = RawSubscriber.flood(source, n);
            log("raw HiveMQ subscriber, after the app: %s", rawAfter);
            put(figures, "raw", rawAfter.rate() >= rawBefore.rate() ? rawAfter : rawBefore);
            figures.put("raw_rate_runs", figures.arrayNode().add(Math.round(rawBefore.rate())).add(Math.round(rawAfter.rate())));

            Optional<Path> mosquittoSub = MosquittoSubscriber.program();
            if (mosquittoSub.isPresent()) {
                Phase mosq = MosquittoSubscriber.flood(mosquittoSub.get(), source, n);
                log("mosquitto_sub: %s", mosq);
                put(figures, "mosquitto_sub", mosq);
            } else {
                log("mosquitto_sub is not installed: no figure for it");
                figures.putNull("mosquitto_sub_rate");
            }

            bigPayload(figures);
        } finally {
            source.close();
        }
        ratios(figures);
        gcPauses(figures);
        Platform.exit();
        System.out.flush();
        System.err.flush();
        Path out = Path.of(System.getProperty("bench.out", "target/bench/flood.json"));
        java.nio.file.Files.createDirectories(out.toAbsolutePath().getParent());
        java.nio.file.Files.writeString(out, figures + "\n");
        System.out.println(figures);
        System.exit(0);
    }

    /** Topic and text over the held log, as the filter bar runs it: off the FX thread, on every core. */
    private static void filter(ObjectNode figures, List<Message> held) throws Exception {
        MessageFilter filter = MessageFilter.of("bench/+", "\"alarm\":true", false, Direction.RECEIVED);
        ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        try {
            FilterRunner runner = new FilterRunner();
            runner.start(filter, held, Progress.NONE, pool).result().get(60, TimeUnit.SECONDS); // the JIT's first look
            double[] runs = new double[5];
            int matches = 0;
            for (int i = 0; i < runs.length; i++) {
                long t0 = System.nanoTime();
                matches = runner.start(filter, held, Progress.NONE, pool).result().get(60, TimeUnit.SECONDS).matches().size();
                runs[i] = (System.nanoTime() - t0) / 1e6;
            }
            Arrays.sort(runs);
            figures.put("filter_ms", round(runs[runs.length / 2]));
            figures.put("filter_worst_ms", round(runs[runs.length - 1]));
            figures.put("filter_over", held.size());
            figures.put("filter_matches", matches);
            log("filter over %d messages: median %.1f ms, worst %.1f ms, %d matches", held.size(), runs[runs.length / 2],
                    runs[runs.length - 1], matches);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Opening a 10 MB JSON payload in the detail pane, done as the views are meant to be used: the
     * linear work (indexing the text's lines, pretty printing the JSON) runs off the FX thread, and
     * the FX thread renders a screenful of each view (text, hex, base64) with the size and the
     * bad-byte note. big_payload_stall_ms is that FX work, the worst of three openings (the first
     * includes class loading and the JIT); the off-thread times are reported beside it.
     */
    private static void bigPayload(ObjectNode figures) throws Exception {
        byte[] big = bigJson();
        double worstStall = 0;
        double worstIndex = 0;
        for (int round = 0; round < 3; round++) {
            long t0 = System.nanoTime();
            PayloadViews views = PayloadViews.of(big);
            worstIndex = Math.max(worstIndex, (System.nanoTime() - t0) / 1e6);
            double stall = AppRoad.onFx(() -> {
                long s0 = System.nanoTime();
                int chars = render(views.text()) + render(views.hex()) + render(views.base64());
                chars += views.sizeText().resolve().length();
                chars += views.invalidNote() == null ? 0 : views.invalidNote().resolve().length();
                double ms = (System.nanoTime() - s0) / 1e6;
                return chars > 0 ? ms : -1;
            });
            worstStall = Math.max(worstStall, stall);
        }
        long t0 = System.nanoTime();
        JsonView json = JsonView.of(big);
        double jsonMs = (System.nanoTime() - t0) / 1e6;
        figures.put("big_payload_stall_ms", round(worstStall));
        figures.put("big_payload_views_off_fx_ms", round(worstIndex));
        figures.put("big_payload_json_off_fx_ms", round(jsonMs));
        figures.put("big_payload_json_lines", json.isJson() ? json.lines().lineCount() : -1);
        log("10 MB payload: %.1f ms on the FX thread to show; %.1f ms to index and %.1f ms to pretty print off it",
                worstStall, worstIndex, jsonMs);
    }

    private static int render(Lines lines) {
        int chars = 0;
        for (int i = 0; i < Math.min(VISIBLE_LINES, lines.lineCount()); i++) {
            chars += lines.line(i).length();
        }
        return chars;
    }

    private static byte[] bigJson() {
        StringBuilder sb = new StringBuilder(BIG_PAYLOAD_BYTES + 200);
        sb.append('[');
        for (int i = 0; sb.length() < BIG_PAYLOAD_BYTES - 100; i++) {
            sb.append(i == 0 ? "" : ",").append("{\"seq\":").append(i).append(",\"name\":\"传感器-").append(i % 97)
                    .append("\",\"values\":[1.5,2.25,-3e2],\"ok\":true}");
        }
        sb.append(']');
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The worst and the total of the JVM's own stop-the-world pauses, from its {@code -Xlog:gc} file
     * ({@code bench.gclog}); the whole run, the built-in broker in this JVM included.
     */
    private static void gcPauses(ObjectNode figures) throws java.io.IOException {
        String log = System.getProperty("bench.gclog");
        if (log == null || !java.nio.file.Files.exists(Path.of(log))) {
            figures.putNull("gc_worst_pause_ms");
            return;
        }
        java.util.regex.Pattern pause = java.util.regex.Pattern.compile("Pause .* ([0-9.]+)ms$");
        double worst = 0;
        double total = 0;
        int count = 0;
        for (String line : java.nio.file.Files.readAllLines(Path.of(log))) {
            java.util.regex.Matcher m = pause.matcher(line);
            if (m.find() && !line.contains("System.gc()")) { // the heap meter's own full collections do not count
                double ms = Double.parseDouble(m.group(1));
                worst = Math.max(worst, ms);
                total += ms;
                count++;
            }
        }
        figures.put("gc_worst_pause_ms", round(worst));
        figures.put("gc_pauses", count);
        figures.put("gc_total_pause_ms", round(total));
        figures.put("load_average", java.nio.file.Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        log("GC: %d pauses, worst %.1f ms, %.0f ms in all (System.gc() of the heap meter left out)", count, worst, total);
    }

    private static void put(ObjectNode figures, String name, Phase phase) {
        figures.put(name + "_rate", Math.round(phase.rate()));
        figures.put(name + "_sent", phase.sent());
        figures.put(name + "_received", phase.received());
    }

    private static void ratios(ObjectNode figures) {
        double app = figures.path("app_rate").asDouble();
        double raw = figures.path("raw_rate").asDouble();
        double mosq = figures.path("mosquitto_sub_rate").asDouble();
        figures.put("app_vs_raw", raw > 0 ? round(app / raw) : 0);
        if (mosq > 0) {
            figures.put("app_vs_mosquitto_sub", round(app / mosq));
        }
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private static void log(String format, Object... args) {
        System.err.println("[bench] " + String.format(format, args));
    }
}
