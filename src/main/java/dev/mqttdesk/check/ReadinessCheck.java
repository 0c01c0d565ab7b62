package dev.mqttdesk.check;

import dev.mqttdesk.core.i18n.InvalidInputException;
import dev.mqttdesk.core.i18n.Text;
import dev.mqttdesk.core.mqtt.Failures;
import dev.mqttdesk.core.mqtt.MqttActionException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Will this broker work from a WeChat mini-program on a real phone? Runs the steps of {@link CheckId}
 * in order, off the caller's thread, each with its own time limit, and tells a listener about each
 * one as it starts and ends. A network step that fails makes the later network steps skip.
 */
public final class ReadinessCheck {

    /** Hears about the check as it runs, on the check's thread: keep it cheap; hand UI work on. */
    public interface Listener {
        default void started(CheckId id) {
        }

        void finished(StepResult result);
    }

    private static final AtomicInteger THREADS = new AtomicInteger();

    private final CheckTarget target;
    private final CheckOptions options;
    private final CheckTrust trust;
    private final List<CheckStep> steps;

    /** Reads the URL and the CA file; throws {@link InvalidInputException} on either, before anything runs. */
    public ReadinessCheck(String url, CheckOptions options) {
        this(CheckTarget.parse(url), options);
    }

    public ReadinessCheck(CheckTarget target, CheckOptions options) {
        this(target, options, steps());
    }

    /** With steps of one's own (tests: a step that throws, or answers nothing). */
    ReadinessCheck(CheckTarget target, CheckOptions options, List<CheckStep> steps) {
        this.target = target;
        this.options = options;
        this.trust = CheckTrust.load(options.caFile());
        this.steps = List.copyOf(steps);
    }

    public CheckTarget target() {
        return target;
    }

    static List<CheckStep> steps() {
        return List.of(new SchemeRule(), new PortRule(), new DomainRule(), new IcpNotice(), new DnsStep(), new TcpStep(),
                new TlsStep(), new WebSocketStep(), new MqttStep(), new RoundTripStep(), new LibraryAdvice(),
                new WeChatLimits());
    }

    /** Runs the check on a thread of its own; the future completes with the report (it never fails). */
    public CompletableFuture<CheckReport> start(Listener listener) {
        CompletableFuture<CheckReport> done = new CompletableFuture<>();
        Thread thread = daemon(() -> done.complete(run(listener)), "mqttdesk-check-" + THREADS.incrementAndGet());
        thread.start();
        return done;
    }

    /** Runs the check on the caller's thread (the command line's way) and returns the report. */
    public CheckReport run(Listener listener) {
        Instant startedAt = Instant.now();
        CheckContext context = new CheckContext(target, options, trust);
        List<StepResult> results = new ArrayList<>();
        ExecutorService worker = Executors.newCachedThreadPool(r -> daemon(r, "mqttdesk-check-step"));
        try {
            for (CheckStep step : steps) {
                tell(() -> listener.started(step.id()));
                StepResult result = safely(step, context, worker);
                if (step.network() && result.status() == CheckStatus.FAIL) {
                    context.blockedBy(step.id());
                }
                results.add(result);
                tell(() -> listener.finished(result));
            }
        } finally {
            context.closeAll();
            worker.shutdownNow();
        }
        return new CheckReport(target.entered(), target.describe(), options.caFile(), startedAt, results);
    }

    /** A step's result whatever it does: one that throws or answers nothing has failed, in words. */
    private StepResult safely(CheckStep step, CheckContext context, ExecutorService worker) {
        try {
            StepResult result = runOne(step, context, worker);
            return result != null ? result : StepResult.fail(step.id(), Text.of("check.step.noResult"), null);
        } catch (RuntimeException | LinkageError e) {
            return StepResult.fail(step.id(), Text.of("check.step.error",
                    Text.of("error.unexpected", e.getClass().getSimpleName(), String.valueOf(e.getMessage()))), null);
        }
    }

    /** A listener that throws (a closed window) does not stop the check. */
    private static void tell(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException ignored) {
            // the report still comes; the listener's own trouble is not the check's
        }
    }

    private StepResult runOne(CheckStep step, CheckContext context, ExecutorService worker) {
        if (step.network() && context.blocker() != null) {
            return StepResult.skip(step.id(), Text.of("check.skip.after", Text.of(context.blocker().titleKey())));
        }
        long limitSeconds = (long) options.timeoutSeconds() * step.timeouts() + 2;
        Future<StepResult> running = worker.submit(() -> step.run(context));
        try {
            return running.get(limitSeconds, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            running.cancel(true);
            return StepResult.fail(step.id(), Text.of("check.step.timeout", limitSeconds), Text.of("check.tcp.fix.timeout"));
        } catch (InterruptedException e) {
            running.cancel(true);
            Thread.currentThread().interrupt();
            return StepResult.fail(step.id(), Text.of("check.step.interrupted"), null);
        } catch (ExecutionException e) {
            return StepResult.fail(step.id(), Text.of("check.step.error", words(e.getCause())), null);
        }
    }

    /** What went wrong, in the user's words: never a stack trace. */
    private Text words(Throwable error) {
        if (error instanceof InvalidInputException i) {
            return i.text();
        }
        if (error instanceof MqttActionException m) {
            return m.text();
        }
        return Failures.explain(error, target.url());
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
