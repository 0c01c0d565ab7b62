package dev.mqttdesk.ui;

import javafx.application.Platform;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The app's executor: a small pool of daemon threads named {@code mqttdesk-background-N} for the work,
 * {@code Platform.runLater} for the callbacks. Closed when the app stops.
 */
public final class FxTaskExecutor implements TaskExecutor, AutoCloseable {

    /** One per core, at least two: the work given to the pool is CPU-bound (filtering, building views, writing files). */
    private static final int THREADS = Math.max(2, Runtime.getRuntime().availableProcessors());

    private final AtomicInteger count = new AtomicInteger();
    private final ExecutorService pool = Executors.newFixedThreadPool(THREADS, r -> {
        Thread t = new Thread(r, "mqttdesk-background-" + count.incrementAndGet());
        t.setDaemon(true);
        return t;
    });
    private final TaskRunner runner = new TaskRunner(pool, Platform::runLater);

    @Override
    public <T> TaskHandle execute(BackgroundTask<T> task) {
        return runner.execute(task);
    }

    /** Stops the threads: work still running is interrupted, queued work never starts. */
    @Override
    public void close() {
        pool.shutdownNow();
    }
}
