package dev.mqttdesk.ui;

import dev.mqttdesk.core.i18n.InvalidInputException;
import dev.mqttdesk.core.i18n.Messages;
import dev.mqttdesk.core.log.Progress;

import java.io.UncheckedIOException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Work to do off the FX thread and what to do on the FX thread once it ends: exactly one of success,
 * failure or cancelled, after any progress. A cancelled task never calls its success callback. Built
 * by a view model, run by a {@link TaskExecutor}. Set the callbacks before handing it over.
 */
public final class BackgroundTask<T> {

    /** Work done on one background thread. */
    @FunctionalInterface
    public interface Work<T> {
        T call(TaskContext context) throws Exception;
    }

    /**
     * Work that chooses its own threads and completes a future: a core algorithm that cuts its input
     * into chunks on the workers, or work that mostly waits (the check, on a thread of its own).
     * Cancelling the task cancels that future; work that can stop should stop then.
     */
    @FunctionalInterface
    public interface Spread<T> {
        CompletableFuture<T> start(Executor workers, TaskContext context);
    }

    private static final System.Logger LOG = System.getLogger("dev.mqttdesk.ui.BackgroundTask");

    private final Spread<T> start;
    private final boolean stopsWithItsFuture;
    private Consumer<? super T> onSuccess = value -> { };
    private Consumer<Throwable> onFailure = error -> LOG.log(System.Logger.Level.WARNING, "background task failed", error);
    private Runnable onCancelled;
    private Progress onProgress = Progress.NONE;

    private BackgroundTask(Spread<T> start, boolean stopsWithItsFuture) {
        this.start = start;
        this.stopsWithItsFuture = stopsWithItsFuture;
    }

    /** A task whose work runs on one background thread, from start to end. */
    public static <T> BackgroundTask<T> of(Work<T> work) {
        return new BackgroundTask<>((workers, context) -> {
            CompletableFuture<T> done = new CompletableFuture<>();
            workers.execute(() -> {
                if (context.isCancelled()) {
                    done.completeExceptionally(new CancellationException());
                    return;
                }
                try {
                    done.complete(work.call(context));
                } catch (Throwable e) { // an OutOfMemoryError too: the user hears of it instead of waiting forever
                    done.completeExceptionally(e);
                }
            });
            return done;
        }, false);
    }

    /** A task whose work chooses its own threads; see {@link Spread}. */
    public static <T> BackgroundTask<T> spread(Spread<T> start) {
        return new BackgroundTask<>(start, true);
    }

    /** On the UI thread, with the work's result. */
    public BackgroundTask<T> onSuccess(Consumer<? super T> callback) {
        this.onSuccess = callback;
        return this;
    }

    /** On the UI thread, with what the work threw (unwrapped); see {@link #words} for the user's side of it. */
    public BackgroundTask<T> onFailure(Consumer<Throwable> callback) {
        this.onFailure = callback;
        return this;
    }

    /** On the UI thread, once a cancelled task's work has stopped. Without it a cancelled task hands nothing back. */
    public BackgroundTask<T> onCancelled(Runnable callback) {
        this.onCancelled = callback;
        return this;
    }

    /** On the UI thread, with the latest progress the work reported (updates in between may be skipped). */
    public BackgroundTask<T> onProgress(Progress callback) {
        this.onProgress = callback;
        return this;
    }

    /**
     * What went wrong, for a sentence the user reads: the exception's message (its kind when it has
     * none), the words of an {@link InvalidInputException}, "not enough memory". Never a stack trace.
     */
    public static String words(Throwable error) {
        Throwable e = unwrap(error);
        if (e instanceof UncheckedIOException && e.getCause() != null) {
            e = e.getCause();
        }
        if (e instanceof InvalidInputException invalid) {
            return invalid.text().resolve();
        }
        if (e instanceof OutOfMemoryError) {
            return Messages.get("task.outOfMemory");
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    static Throwable unwrap(Throwable error) {
        Throwable e = error;
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    CompletableFuture<T> start(Executor workers, TaskContext context) {
        return start.start(workers, context);
    }

    boolean stopsWithItsFuture() {
        return stopsWithItsFuture;
    }

    boolean saysWhenCancelled() {
        return onCancelled != null;
    }

    void succeeded(T value) {
        onSuccess.accept(value);
    }

    void failed(Throwable error) {
        onFailure.accept(error);
    }

    void cancelled() {
        if (onCancelled != null) {
            onCancelled.run();
        }
    }

    void progressed(long done, long total) {
        onProgress.update(done, total);
    }
}
