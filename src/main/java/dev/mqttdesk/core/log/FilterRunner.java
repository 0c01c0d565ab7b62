package dev.mqttdesk.core.log;

import dev.mqttdesk.core.i18n.Text;

import dev.mqttdesk.core.i18n.InputField;
import dev.mqttdesk.core.i18n.InvalidInputException;

import java.util.Arrays;
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
    /** Longer than this on one message, and the filter stops with a message rather than hold a worker for hours. */
    public static final long MAX_MILLIS_PER_MESSAGE = 1_000;

    /** The outcome: the positions in the filtered list of the matching messages, in order, out of {@code total}. */
    public record Result(MessageFilter filter, List<Message> source, int[] indices, int total) {

        /** The matching messages, oldest first: a view that takes each from the filtered list. */
        public List<Message> matches() {
            return new java.util.AbstractList<>() {
                @Override
                public Message get(int i) {
                    return source.get(indices[i]);
                }

                @Override
                public int size() {
                    return indices.length;
                }
            };
        }

        /** "N of M", for the status bar. */
        public Text status() {
            return Text.of("log.filter.status", indices.length, total);
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
        int[][] parts = new int[chunks][];
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
                    } catch (StackOverflowError e) {
                        // The pattern nests deeper than the thread's stack on some payload: say so, keep the log as it is.
                        run.result.completeExceptionally(new InvalidInputException(InputField.FILTER_TEXT, "log.filter.tooDeep"));
                        return;
                    } catch (RuntimeException e) {
                        run.result.completeExceptionally(e);
                        return;
                    }
                    progress.update(looked.addAndGet(to - from), total);
                    if (remaining.decrementAndGet() == 0) {
                        current.compareAndSet(run, null);
                        run.result.complete(new Result(filter, messages, join(parts), total));
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

    private static int[] filterChunk(MessageFilter filter, List<Message> messages, int from, int to,
                                     Cancellation cancel) {
        int[] out = new int[16];
        int found = 0;
        Budget budget = new Budget(cancel);
        for (int i = from; i < to; i++) {
            if ((i & (CHECK_EVERY - 1)) == 0) {
                cancel.check();
            }
            Message m = messages.get(i);
            budget.restart();
            if (m != null && filter.test(m, budget)) { // null: evicted since the list was taken
                if (found == out.length) {
                    out = Arrays.copyOf(out, found * 2);
                }
                out[found++] = i;
            }
        }
        return Arrays.copyOf(out, found);
    }

    /** The run's cancellation, and a time limit on one message that stops the filter with a message. */
    private static final class Budget extends Cancellation {
        private final Cancellation run;
        private long deadline;
        private int reads;

        Budget(Cancellation run) {
            this.run = run;
        }

        void restart() {
            deadline = System.nanoTime() + MAX_MILLIS_PER_MESSAGE * 1_000_000;
        }

        @Override
        public boolean isCancelled() {
            return run.isCancelled();
        }

        @Override
        public void check() {
            run.check();
            // Reading the clock on every character would cost more than the match: once in 4096 reads.
            if ((++reads & 4095) == 0 && System.nanoTime() > deadline) {
                throw new InvalidInputException(InputField.FILTER_TEXT, "log.filter.tooSlow", MAX_MILLIS_PER_MESSAGE);
            }
        }
    }

    private static int[] join(int[][] parts) {
        int size = 0;
        for (int[] p : parts) {
            size += p.length;
        }
        int[] all = new int[size];
        int k = 0;
        for (int[] p : parts) {
            System.arraycopy(p, 0, all, k, p.length);
            k += p.length;
        }
        return all;
    }
}
