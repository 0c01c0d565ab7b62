package dev.mqttdesk.ui;

/**
 * The one way to run work off the FX thread and come back to it: the view models get one from outside
 * (the connection scope, the app) and never make threads of their own. {@link FxTaskExecutor} in the app;
 * in tests one that runs everything on the calling thread, so view models are tested as plain JUnit.
 */
public interface TaskExecutor {

    /** Starts {@code task}; its callbacks run on the UI thread. */
    <T> TaskHandle execute(BackgroundTask<T> task);
}
