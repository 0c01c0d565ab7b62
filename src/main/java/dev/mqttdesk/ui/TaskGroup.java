package dev.mqttdesk.ui;

import java.util.ArrayList;
import java.util.List;

/**
 * The tasks of one owner (a connection scope) on a shared executor: closing the group cancels those
 * still running, and a closed group runs nothing more.
 */
public final class TaskGroup implements TaskExecutor, AutoCloseable {

    private final TaskExecutor shared;
    private final List<TaskHandle> running = new ArrayList<>();
    private boolean closed;

    public TaskGroup(TaskExecutor shared) {
        this.shared = shared;
    }

    @Override
    public synchronized <T> TaskHandle execute(BackgroundTask<T> task) {
        if (closed) {
            return TaskHandle.NONE;
        }
        running.removeIf(TaskHandle::isDone);
        TaskHandle handle = shared.execute(task);
        running.add(handle);
        return handle;
    }

    /** Cancels every task still running. */
    @Override
    public synchronized void close() {
        closed = true;
        running.forEach(TaskHandle::cancel);
        running.clear();
    }
}
