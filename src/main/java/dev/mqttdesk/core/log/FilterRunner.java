package dev.mqttdesk.core.log;

import dev.mqttdesk.core.i18n.Text;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a {@link MessageFilter} over a whole log off the UI thread: the messages are cut into
 * chunks, each a task on the executor (several threads filter in parallel), and the matches are
 * joined in order. Starting a filter cancels the run before it, so typing in the filter field only
 * ever finishes the newest filter; a cancelled run's future fails with {@link CancellationException}.
 */
public final class FilterRunner {

    public static final int CHUNK = 32_768;
    private static final int CHECK_EVERY = 1_024;

    /** The outcome: the matching messages, oldest first, out of {@code total}. */
    public record Result(MessageFilter filter, List<Message> matches, int total) {

        /** "N of M", for the status bar. */
        public Text status() {
            return Text.of("log.filter.status", matches.size(), total);
        }
    }

    /** One run: cancel it, or wait for its result. */
    public static final class Run extends Cancellation {

        private final CompletableFuture<Result> result = new CompletableFuture<>();

        /** The result; cancelling it cancels the run, as {@link #cancel()} does. */
        public CompletableFuture<Result> result() {
            return result;
        }

        @Override
        public boolean isCancelled() {
            return super.isCancelled() || result.isCancelled();
        }

        @Override
        public void cancel() {
            super.cancel();
            result.cancel(false);
        }
    }

    private final AtomicReference<Run> current = new AtomicReference<>();

    /**
     * Filters {@code messages} (a snapshot: nobody may change it meanwhile) in chunks on {@code executor},
     * cancelling the run before. Progress counts messages looked at.
     */
    public Run start(MessageFilter filter, List<Message> messages, Progress progress, Executor executor) {
        Run run = new Run();
        Run before = current.getAndSet(run);
        if (before != null) {
            before.cancel();
        }
        int total = messages.size();
        int chunks = Math.max(1, (total + CHUNK - 1) / CHUNK);
        @SuppressWarnings("unchecked")
        List<Message>[] parts = new List[chunks];
        AtomicInteger remaining = new AtomicInteger(chunks);
        AtomicLong looked = new AtomicLong();
        for (int c = 0; c < chunks; c++) {
            int index = c;
            int from = c * CHUNK;
            int to = Math.min(total, from + CHUNK);
            try {
                executor.execute(() -> {
                    if (run.isCancelled()) {
                        return;
                    }
                    try {
                        parts[index] = filterChunk(filter, messages, from, to, run);
                    } catch (CancellationException stop) {
                        return;
                    } catch (RuntimeException | StackOverflowError e) {
                        run.result.completeExceptionally(e);
                        return;
                    }
                    progress.update(looked.addAndGet(to - from), total);
                    if (remaining.decrementAndGet() == 0) {
                        current.compareAndSet(run, null);
                        run.result.complete(new Result(filter, join(parts), total));
                    }
                });
            } catch (RuntimeException rejected) {
                run.result.completeExceptionally(rejected);
                break;
            }
        }
        return run;
    }

    /** Cancels the run in progress, if any. */
    public void cancel() {
        Run run = current.getAndSet(null);
        if (run != null) {
            run.cancel();
        }
    }

    private static List<Message> filterChunk(MessageFilter filter, List<Message> messages, int from, int to,
                                             Cancellation cancel) {
        List<Message> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            if ((i & (CHECK_EVERY - 1)) == 0) {
                cancel.check();
            }
            Message m = messages.get(i);
            if (filter.test(m, cancel)) {
                out.add(m);
            }
        }
        return out;
    }

    private static List<Message> join(List<Message>[] parts) {
        int size = 0;
        for (List<Message> p : parts) {
            size += p.size();
        }
        List<Message> all = new ArrayList<>(size);
        for (List<Message> p : parts) {
            all.addAll(p);
        }
        return all;
    }
}
