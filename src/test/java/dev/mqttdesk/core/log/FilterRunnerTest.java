package dev.mqttdesk.core.log;

import dev.mqttdesk.core.message.MessageProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FilterRunnerTest {

    private final ExecutorService pool = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    private static List<Message> log(int n) {
        List<Message> log = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String payload = "{\"seq\": " + i + (i % 7 == 0 ? ", \"alarm\": true}" : "}");
            log.add(Message.received("dev/" + (i % 100) + "/state", 0, false, payload.getBytes(StandardCharsets.UTF_8), MessageProperties.NONE));
        }
        return log;
    }

    @Test
    void a_filter_over_many_chunks_on_several_threads_returns_every_match_in_log_order() throws Exception {
        List<Message> log = log(5 * FilterRunner.CHUNK + 123);
        MessageFilter filter = MessageFilter.of("dev/+/state", "alarm", false, Direction.RECEIVED);
        AtomicLong lastProgress = new AtomicLong();
        FilterRunner.Run run = new FilterRunner().start(filter, log, (done, total) -> lastProgress.accumulateAndGet(done, Math::max), pool);
        FilterRunner.Result result = run.result().get(60, TimeUnit.SECONDS);
        List<Message> expected = filter.select(log);
        assertEquals(expected.size(), result.matches().size());
        for (int i = 0; i < expected.size(); i++) {
            assertSame(expected.get(i), result.matches().get(i));
        }
        assertEquals(log.size(), result.total());
        assertEquals(log.size(), lastProgress.get());
        assertEquals(List.of(expected.size(), log.size()), List.of(result.status().args()));
    }

    @Test
    void starting_a_newer_filter_cancels_the_older_run_and_only_the_newer_finishes() throws Exception {
        Queue<Runnable> queued = new ArrayDeque<>();
        FilterRunner runner = new FilterRunner();
        List<Message> log = log(3 * FilterRunner.CHUNK);
        FilterRunner.Run older = runner.start(MessageFilter.of(null, "alarm", false, null), log, Progress.NONE, queued::add);
        FilterRunner.Run newer = runner.start(MessageFilter.of(null, "seq", false, null), log, Progress.NONE, queued::add);
        assertTrue(older.isCancelled());
        assertTrue(older.result().isCancelled());
        assertFalse(newer.result().isDone());
        for (Runnable r; (r = queued.poll()) != null; ) {
            r.run();
        }
        assertEquals(log.size(), newer.result().get().matches().size());
        assertTrue(older.result().isCancelled(), "the older run's chunks did nothing when they ran");
    }

    @Test
    void cancelling_a_runs_result_cancels_the_run_and_its_chunks_do_nothing() {
        Queue<Runnable> queued = new ArrayDeque<>();
        AtomicLong looked = new AtomicLong();
        FilterRunner.Run run = new FilterRunner().start(MessageFilter.ALL, log(2 * FilterRunner.CHUNK),
                (done, total) -> looked.set(done), queued::add);
        run.result().cancel(false);
        assertTrue(run.isCancelled());
        for (Runnable r; (r = queued.poll()) != null; ) {
            r.run();
        }
        assertEquals(0, looked.get(), "no chunk looked at a message");
    }

    @Test
    void a_regular_expression_stuck_in_backtracking_lets_its_worker_go_when_cancelled() throws Exception {
        ExecutorService one = Executors.newSingleThreadExecutor();
        try {
            // (.*a){20}b against forty a's backtracks through every way to split them: it never ends by
            // itself (the JDK's loop memo saves simpler ones such as (a+)+b).
            Message evil = Message.received("t", 0, false, "a".repeat(40).getBytes(StandardCharsets.UTF_8), MessageProperties.NONE);
            FilterRunner runner = new FilterRunner();
            FilterRunner.Run run = runner.start(MessageFilter.of(null, "(.*a){20}b", true, null), List.of(evil), Progress.NONE, one);
            Thread.sleep(200); // let the worker get stuck in the pattern
            assertFalse(run.result().isDone(), "the pattern is still backtracking");
            runner.cancel();
            assertThrows(CancellationException.class, () -> run.result().get(1, TimeUnit.SECONDS));
            // The same single worker is free again for the next filter: it finishes (deadline, not a speed check).
            FilterRunner.Result next = runner.start(MessageFilter.ALL, List.of(evil), Progress.NONE, one).result().get(30, TimeUnit.SECONDS);
            assertEquals(1, next.matches().size());
        } finally {
            one.shutdownNow();
        }
    }

    @Test
    void an_executor_that_refuses_work_fails_the_run_instead_of_leaving_it_waiting() {
        pool.shutdown();
        FilterRunner.Run run = new FilterRunner().start(MessageFilter.ALL, log(10), Progress.NONE, pool);
        ExecutionException e = assertThrows(ExecutionException.class, () -> run.result().get(10, TimeUnit.SECONDS));
        assertInstanceOf(java.util.concurrent.RejectedExecutionException.class, e.getCause());
    }

    @Test
    void an_empty_log_gives_zero_of_zero() throws Exception {
        FilterRunner.Result r = new FilterRunner().start(MessageFilter.ALL, List.of(), Progress.NONE, pool)
                .result().get(10, TimeUnit.SECONDS);
        assertEquals(0, r.total());
        assertTrue(r.matches().isEmpty());
    }

    /** The words the filter stopped with, for a pattern run over {@code payload} and a short message after it. */
    private static String stoppedWith(String regex, String payload) throws Exception {
        ExecutorService one = Executors.newSingleThreadExecutor();
        try {
            List<Message> messages = List.of(Message.received("t", 0, false, payload.getBytes(StandardCharsets.UTF_8), dev.mqttdesk.core.message.MessageProperties.NONE),
                    Message.received("t", 0, false, "c".getBytes(StandardCharsets.UTF_8), dev.mqttdesk.core.message.MessageProperties.NONE));
            FilterRunner.Run run = new FilterRunner().start(MessageFilter.of(null, regex, true, null), messages, Progress.NONE, one);
            ExecutionException e = assertThrows(ExecutionException.class, () -> run.result().get(60, TimeUnit.SECONDS));
            dev.mqttdesk.core.i18n.InvalidInputException words = assertInstanceOf(dev.mqttdesk.core.i18n.InvalidInputException.class, e.getCause());
            assertEquals(dev.mqttdesk.core.i18n.InputField.FILTER_TEXT, words.field());
            return words.text().key();
        } finally {
            one.shutdownNow();
        }
    }

    @Test
    void a_pattern_that_backtracks_without_end_is_stopped_with_a_message_after_its_time_on_one_message() throws Exception {
        assertEquals("log.filter.tooSlow", stoppedWith("(.*a){20}b", "a".repeat(10_000)));
    }

    @Test
    void a_pattern_that_nests_deeper_than_the_stack_on_a_long_payload_is_stopped_with_a_message() throws Exception {
        assertEquals("log.filter.tooDeep", stoppedWith("(a|b)*c", "ab".repeat(200_000)));
    }
}
