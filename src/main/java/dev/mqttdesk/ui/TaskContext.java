package dev.mqttdesk.ui;

import dev.mqttdesk.core.log.Cancellation;
import dev.mqttdesk.core.log.Progress;

import java.util.function.Consumer;

/** What a running {@link BackgroundTask}'s work sees: whether it was cancelled, where to report progress. */
public final class TaskContext {

    private final Cancellation cancellation;
    private final Progress progress;
    private final Consumer<Runnable> ui;

    TaskContext(Cancellation cancellation, Progress progress, Consumer<Runnable> ui) {
        this.cancellation = cancellation;
        this.progress = progress;
        this.ui = ui;
    }

    /** Set once the task is cancelled: hand it to core work that checks it between steps. */
    public Cancellation cancellation() {
        return cancellation;
    }

    public boolean isCancelled() {
        return cancellation.isCancelled();
    }

    /** Reports how far the work has got; the task's progress callback hears the latest, coalesced. */
    public Progress progress() {
        return progress;
    }

    /**
     * Runs a small piece of UI work on the UI thread, in order with the task's other callbacks, and not
     * at all once the task is cancelled: for results that arrive in steps (the check's rows). Not for
     * anything that arrives thousands of times a second.
     */
    public void inUi(Runnable uiWork) {
        ui.accept(uiWork);
    }
}
