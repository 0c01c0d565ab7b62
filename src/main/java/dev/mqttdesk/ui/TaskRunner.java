package dev.mqttdesk.ui;

import dev.mqttdesk.core.log.Cancellation;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs each task's work on {@code workers} and every callback through {@code ui}: the one place where
 * work goes off the UI thread and comes back. {@link FxTaskExecutor} gives it a pool and
 * {@code Platform::runLater}; tests give it executors that run at once, or when the test says so.
 */
public final class TaskRunner implements TaskExecutor {

    private final Executor workers;
    private final Executor ui;

    public TaskRunner(Executor workers, Executor ui) {
        this.workers = workers;
        this.ui = ui;
    }

    @Override
    public <T> TaskHandle execute(BackgroundTask<T> task) {
        Running<T> running = new Running<>(task);
        CompletableFuture<T> future;
        try {
            future = task.start(workers, running.context);
        } catch (RuntimeException refused) { // a pool that is shut down
            future = CompletableFuture.failedFuture(refused);
        }
        running.watch(future);
        return running;
    }

    private final class Running<T> implements TaskHandle {

        private final BackgroundTask<T> task;
        private final Cancellation cancellation = new Cancellation();
        private final AtomicBoolean progressPending = new AtomicBoolean();
        private final AtomicReference<long[]> latestProgress = new AtomicReference<>();
        private final TaskContext context;
        private volatile CompletableFuture<T> future;
        private volatile boolean done;
        /** Touched on the UI thread only: the outcome was handed over, so no more progress. */
        private boolean delivered;

        Running(BackgroundTask<T> task) {
            this.task = task;
            this.context = new TaskContext(cancellation, this::progress, uiWork -> ui.execute(() -> {
                if (!cancellation.isCancelled()) {
                    uiWork.run();
                }
            }));
        }

        void watch(CompletableFuture<T> f) {
            future = f;
            f.whenComplete(this::ended);
        }

        /** From the worker: one UI update pending at a time, with the latest figures when it runs. */
        private void progress(long doneSoFar, long total) {
            latestProgress.set(new long[]{doneSoFar, total});
            if (progressPending.compareAndSet(false, true)) {
                ui.execute(() -> {
                    progressPending.set(false);
                    long[] p = latestProgress.get();
                    if (!delivered && !cancellation.isCancelled()) {
                        task.progressed(p[0], p[1]);
                    }
                });
            }
        }

        private void ended(T value, Throwable error) {
            done = true;
            Throwable cause = error == null ? null : BackgroundTask.unwrap(error);
            boolean cancelled = cancellation.isCancelled() || cause instanceof CancellationException;
            if (cancelled && !task.saysWhenCancelled()) {
                return; // nothing to say: hand nothing back
            }
            ui.execute(() -> {
                delivered = true;
                if (cancelled || cancellation.isCancelled()) {
                    task.cancelled();
                } else if (cause != null) {
                    task.failed(cause);
                } else {
                    task.succeeded(value);
                }
            });
        }

        @Override
        public void cancel() {
            cancellation.cancel();
            CompletableFuture<T> f = future;
            if (f != null && task.stopsWithItsFuture()) {
                f.cancel(false);
            }
        }

        @Override
        public boolean isDone() {
            return done;
        }
    }
}
