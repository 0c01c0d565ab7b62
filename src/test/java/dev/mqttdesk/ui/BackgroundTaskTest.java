package dev.mqttdesk.ui;

import dev.mqttdesk.core.i18n.InvalidInputException;
import dev.mqttdesk.core.i18n.Messages;
import dev.mqttdesk.core.i18n.Text;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one road off the FX thread and back, without a toolkit: executors that run when the test says so. */
class BackgroundTaskTest {

    /** Holds what it is given until the test runs it. */
    private static final class Held implements Executor {
        final ArrayDeque<Runnable> queued = new ArrayDeque<>();

        @Override
        public void execute(Runnable r) {
            queued.add(r);
        }

        int runAll() {
            int n = 0;
            for (Runnable r; (r = queued.poll()) != null; n++) {
                r.run();
            }
            return n;
        }
    }

    private final Held workers = new Held();
    private final Held ui = new Held();
    private final TaskRunner runner = new TaskRunner(workers, ui);
    private final List<String> heard = new ArrayList<>();

    private <T> BackgroundTask<T> recorded(BackgroundTask<T> task) {
        return task.onSuccess(v -> heard.add("success " + v))
                .onFailure(e -> heard.add("failure " + BackgroundTask.words(e)))
                .onCancelled(() -> heard.add("cancelled"));
    }

    @Test
    void the_result_comes_back_through_the_ui_executor_and_only_there() {
        TaskHandle handle = runner.execute(recorded(BackgroundTask.of(context -> 42)));
        assertTrue(ui.queued.isEmpty());
        assertEquals(1, workers.runAll());
        assertTrue(handle.isDone());
        assertTrue(heard.isEmpty(), "nothing is said off the UI thread");
        assertEquals(1, ui.runAll());
        assertEquals(List.of("success 42"), heard);
    }

    @Test
    void a_task_that_throws_reaches_its_failure_callback_with_words_and_no_stack_trace() {
        runner.execute(recorded(BackgroundTask.of(context -> {
            throw new IllegalStateException("disk full");
        })));
        workers.runAll();
        ui.runAll();
        assertEquals(List.of("failure disk full"), heard);
    }

    @Test
    void the_words_of_a_failure_are_its_message_or_its_kind_never_a_trace() {
        assertEquals("disk full", BackgroundTask.words(new CompletionException(new IOException("disk full"))));
        assertEquals("gone", BackgroundTask.words(new UncheckedIOException(new IOException("gone"))));
        assertEquals("NullPointerException", BackgroundTask.words(new NullPointerException()));
        assertEquals(Messages.get("task.outOfMemory"), BackgroundTask.words(new OutOfMemoryError("Java heap space")));
        InvalidInputException invalid = new InvalidInputException(Text.of("log.export.cancelled"));
        assertEquals(Messages.get("log.export.cancelled"), BackgroundTask.words(invalid));
        for (Throwable e : List.of(new IllegalStateException("x"), new RuntimeException())) {
            String words = BackgroundTask.words(e);
            assertFalse(words.contains("\n") || words.contains("at dev.") || words.contains("java.lang."), words);
        }
    }

    @Test
    void a_task_cancelled_before_it_starts_never_runs_and_never_succeeds() {
        List<String> ran = new ArrayList<>();
        TaskHandle handle = runner.execute(recorded(BackgroundTask.of(context -> {
            ran.add("work");
            return 1;
        })));
        handle.cancel();
        workers.runAll();
        ui.runAll();
        assertTrue(ran.isEmpty(), "the work was skipped");
        assertEquals(List.of("cancelled"), heard);
    }

    @Test
    void a_task_cancelled_while_its_work_runs_never_succeeds_even_when_the_work_ends_well() {
        TaskHandle[] handle = new TaskHandle[1];
        handle[0] = runner.execute(recorded(BackgroundTask.of(context -> {
            handle[0].cancel(); // the user cancels while the work is under way
            return "done anyway";
        })));
        workers.runAll();
        ui.runAll();
        assertEquals(List.of("cancelled"), heard);
    }

    @Test
    void a_task_cancelled_after_its_work_ended_but_before_the_hand_over_never_succeeds() {
        TaskHandle handle = runner.execute(recorded(BackgroundTask.of(context -> "late")));
        workers.runAll();
        handle.cancel();
        ui.runAll();
        assertEquals(List.of("cancelled"), heard);
    }

    @Test
    void a_cancelled_task_without_a_cancelled_callback_hands_nothing_back() {
        TaskHandle handle = runner.execute(BackgroundTask.of(context -> 1).onSuccess(v -> heard.add("success")));
        handle.cancel();
        workers.runAll();
        assertEquals(0, ui.runAll());
        assertTrue(heard.isEmpty());
    }

    @Test
    void cancelling_a_spread_task_cancels_its_future_and_says_so_at_once() {
        CompletableFuture<String> started = new CompletableFuture<>();
        TaskHandle handle = runner.execute(recorded(BackgroundTask.spread((pool, context) -> started)));
        handle.cancel();
        assertTrue(started.isCancelled(), "the spread work is told to stop through its future");
        ui.runAll();
        assertEquals(List.of("cancelled"), heard);
    }

    @Test
    void progress_is_coalesced_to_one_hand_over_with_the_latest_figures() {
        List<String> progress = new ArrayList<>();
        runner.execute(recorded(BackgroundTask.of(context -> {
            for (int i = 1; i <= 3; i++) {
                context.progress().update(i, 3);
            }
            return "ok";
        })).onProgress((done, total) -> progress.add(done + "/" + total)));
        workers.runAll();
        assertEquals(2, ui.runAll(), "one progress hand-over for three reports, then the result");
        assertEquals(List.of("3/3"), progress);
        assertEquals(List.of("success ok"), heard);
    }

    @Test
    void steps_shown_in_the_ui_come_in_order_before_the_result_and_not_at_all_once_cancelled() {
        TaskHandle[] handle = new TaskHandle[1];
        handle[0] = runner.execute(recorded(BackgroundTask.of(context -> {
            context.inUi(() -> heard.add("step 1"));
            context.inUi(() -> heard.add("step 2"));
            return "ok";
        })));
        workers.runAll();
        ui.runAll();
        assertEquals(List.of("step 1", "step 2", "success ok"), heard);

        heard.clear();
        handle[0] = runner.execute(recorded(BackgroundTask.of(context -> {
            context.inUi(() -> heard.add("step 1"));
            return "ok";
        })));
        workers.runAll();
        handle[0].cancel();
        ui.runAll();
        assertEquals(List.of("cancelled"), heard);
    }

    @Test
    void a_pool_that_refuses_work_fails_the_task_instead_of_leaving_it_waiting() {
        TaskRunner refusing = new TaskRunner(r -> {
            throw new RejectedExecutionException("shut down");
        }, Runnable::run);
        List<Throwable> failures = new ArrayList<>();
        refusing.execute(BackgroundTask.of(context -> 1).onFailure(failures::add));
        assertEquals(1, failures.size());
        assertInstanceOf(RejectedExecutionException.class, failures.get(0));
    }

    @Test
    void closing_a_group_cancels_its_running_tasks_and_a_closed_group_runs_nothing() {
        TaskGroup group = new TaskGroup(runner);
        List<String> ran = new ArrayList<>();
        group.execute(recorded(BackgroundTask.of(context -> {
            ran.add("first");
            return 1;
        })));
        group.close();
        TaskHandle after = group.execute(recorded(BackgroundTask.of(context -> {
            ran.add("second");
            return 2;
        })));
        workers.runAll();
        ui.runAll();
        assertTrue(ran.isEmpty(), "the first was cancelled before it started, the second never given to the pool");
        assertEquals(List.of("cancelled"), heard);
        assertTrue(after.isDone());
    }
}
