package dev.mqttdesk.ui;

/** A started {@link BackgroundTask}: cancel it, or ask whether it has ended. */
public interface TaskHandle {

    /** A handle for no running task: a task a closed group refused, or none started yet. */
    TaskHandle NONE = new TaskHandle() {
        @Override
        public void cancel() {
        }

        @Override
        public boolean isDone() {
            return true;
        }
    };

    /** Asks the work to stop; from then on the task never calls its success callback. Any thread. */
    void cancel();

    /** Whether the work has ended, one way or another. */
    boolean isDone();
}
