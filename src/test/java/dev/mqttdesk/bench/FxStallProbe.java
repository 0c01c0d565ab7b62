package dev.mqttdesk.bench;

import javafx.application.Platform;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How long the FX thread keeps the window from answering: every 20 ms a probe is posted with
 * {@code Platform.runLater}, and the longest wait from post to run is the worst stall. The worst after the
 * first {@link #WARM_UP_SECONDS} is kept apart: what a flood costs once the first rows are made and the JIT
 * has compiled the table's code, beside what its first seconds cost.
 */
final class FxStallProbe implements AutoCloseable {

    static final long PERIOD_MILLIS = 20;
    static final int WARM_UP_SECONDS = 3;

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "fx-stall-probe");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong worstNanos = new AtomicLong();
    private final AtomicLong worstAfterWarmUpNanos = new AtomicLong();
    private final AtomicLong probes = new AtomicLong();
    private final long started = System.nanoTime();
    private final boolean trace = Boolean.getBoolean("bench.trace");

    FxStallProbe start() {
        timer.scheduleAtFixedRate(() -> {
            long posted = System.nanoTime();
            Platform.runLater(() -> {
                long waited = System.nanoTime() - posted;
                worstNanos.accumulateAndGet(waited, Math::max);
                if (posted - started > WARM_UP_SECONDS * 1_000_000_000L) {
                    worstAfterWarmUpNanos.accumulateAndGet(waited, Math::max);
                }
                if (trace && waited > 50_000_000L) { // over the target: when, to find it in a JFR recording
                    System.err.printf("[bench] FX stall %.0f ms at %.2f s (%s)%n", waited / 1e6, (posted - started) / 1e9,
                            java.time.LocalTime.now());
                }
                probes.incrementAndGet();
            });
        }, 0, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
        return this;
    }

    double worstMillis() {
        return worstNanos.get() / 1e6;
    }

    /** The worst stall of the probes posted after the first {@link #WARM_UP_SECONDS}. */
    double worstAfterWarmUpMillis() {
        return worstAfterWarmUpNanos.get() / 1e6;
    }

    long probes() {
        return probes.get();
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
