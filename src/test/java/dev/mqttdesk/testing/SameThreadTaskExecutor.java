package dev.mqttdesk.testing;

import dev.mqttdesk.ui.BackgroundTask;
import dev.mqttdesk.ui.TaskExecutor;
import dev.mqttdesk.ui.TaskHandle;
import dev.mqttdesk.ui.TaskRunner;

/**
 * For view-model tests without a toolkit: the work and its callbacks run on the calling thread, so by
 * the time {@code execute} returns the task has ended and its callbacks have run.
 */
public final class SameThreadTaskExecutor implements TaskExecutor {

    private final TaskRunner runner = new TaskRunner(Runnable::run, Runnable::run);

    @Override
    public <T> TaskHandle execute(BackgroundTask<T> task) {
        return runner.execute(task);
    }
}
