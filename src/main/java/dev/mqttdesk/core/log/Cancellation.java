package dev.mqttdesk.core.log;

import java.util.concurrent.CancellationException;

/** A flag long work checks between steps: set it from any thread and the work stops soon after. */
public class Cancellation {

    private volatile boolean cancelled;

    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** Throws {@link CancellationException} once cancelled. */
    public void check() {
        if (isCancelled()) {
            throw new CancellationException();
        }
    }
}
