package dev.mqttdesk.ui;

import javafx.application.Platform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The app's executor, with the real toolkit: work on named daemon threads, callbacks on the FX thread. */
class FxTaskExecutorTest {

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void work_runs_on_a_named_daemon_thread_and_its_result_comes_back_on_the_fx_thread() throws Exception {
        try (FxTaskExecutor tasks = new FxTaskExecutor()) {
            CompletableFuture<String> back = new CompletableFuture<>();
            tasks.execute(BackgroundTask.of(context -> {
                        Thread t = Thread.currentThread();
                        return (t.isDaemon() ? "daemon " : "") + t.getName();
                    })
                    .onSuccess(worker -> back.complete(worker + (Platform.isFxApplicationThread() ? " then fx" : "")))
                    .onFailure(back::completeExceptionally));
            String said = back.get(10, TimeUnit.SECONDS);
            assertTrue(said.matches("daemon mqttdesk-background-\\d+ then fx"), said);
        }
    }

    @Test
    void a_closed_executor_fails_new_tasks_on_the_fx_thread_instead_of_leaving_them_waiting() throws Exception {
        FxTaskExecutor tasks = new FxTaskExecutor();
        tasks.close();
        CompletableFuture<Throwable> failed = new CompletableFuture<>();
        tasks.execute(BackgroundTask.of(context -> 1)
                .onSuccess(v -> failed.completeExceptionally(new AssertionError("ran after close")))
                .onFailure(e -> failed.complete(Platform.isFxApplicationThread() ? e : new AssertionError("off the FX thread"))));
        assertInstanceOf(RejectedExecutionException.class, failed.get(10, TimeUnit.SECONDS));
    }
}
