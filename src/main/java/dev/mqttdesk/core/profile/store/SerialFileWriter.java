package dev.mqttdesk.core.profile.store;

import dev.mqttdesk.core.i18n.Text;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The one thread that writes the app's files, in the order the saves were asked for. Saves of one file that
 * queue up while a write runs collapse into the newest: only the last state needs to reach the disk, and an
 * older one can never land after a newer one. {@link #save} returns at once; {@link #flush} waits until every
 * save asked for so far is on disk; {@link #close} flushes and stops the thread. A write that fails is told to
 * the failure callback (on this writer's thread), never thrown at the caller.
 */
public final class SerialFileWriter implements AutoCloseable {

    /** One write of one file; it may throw, the writer reports it. */
    @FunctionalInterface
    public interface Write {
        void run() throws IOException;
    }

    private static final Duration SHUTDOWN_FLUSH = Duration.ofSeconds(5);

    private final Consumer<Text> failures;
    private final Object lock = new Object();
    private final Map<Path, Write> pending = new LinkedHashMap<>();
    private final Thread thread;
    private final Thread shutdownFlush;
    private boolean busy;
    private boolean closed;

    /** @param failures told what could not be written, as a sentence for the user */
    public SerialFileWriter(Consumer<Text> failures) {
        this.failures = failures;
        this.thread = new Thread(this::loop, "mqttdesk-file-writer");
        thread.setDaemon(true);
        thread.start();
        // An exit that forgets to flush (System.exit from a menu, a signal) still writes what is queued.
        this.shutdownFlush = new Thread(() -> flush(SHUTDOWN_FLUSH), "mqttdesk-file-writer-exit");
        Runtime.getRuntime().addShutdownHook(shutdownFlush);
    }

    /** Queues a write of {@code file}; replaces a write of the same file that has not started yet. */
    public void save(Path file, Write write) {
        synchronized (lock) {
            if (!closed) {
                pending.remove(file); // re-insert at the end: files are written in the order of their newest save
                pending.put(file, write);
                lock.notifyAll();
                return;
            }
        }
        run(file, write); // after close there is no thread: write on the caller's, still never throwing
    }

    /** Waits until every save asked for so far is on disk (or has failed and been reported). */
    public void flush() {
        synchronized (lock) {
            try {
                while (busy || !pending.isEmpty()) {
                    lock.wait();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** As {@link #flush()}, giving up after {@code timeout}; true when everything was written. */
    public boolean flush(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            try {
                while (busy || !pending.isEmpty()) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return false;
                    }
                    lock.wait(Math.max(1, left / 1_000_000));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** Writes what is queued, then stops the thread. Later saves are written at once on the caller's thread. */
    @Override
    public void close() {
        flush();
        synchronized (lock) {
            closed = true;
            lock.notifyAll();
        }
        try {
            thread.join(SHUTDOWN_FLUSH.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownFlush);
        } catch (IllegalStateException e) {
            // already shutting down: the hook runs and finds nothing queued
        }
    }

    private void loop() {
        while (true) {
            Path file;
            Write write;
            synchronized (lock) {
                try {
                    while (pending.isEmpty() && !closed) {
                        lock.wait();
                    }
                } catch (InterruptedException e) {
                    // Not ours to be interrupted (the flag is now clear): go on writing what is queued.
                }
                if (pending.isEmpty()) {
                    return;
                }
                Iterator<Map.Entry<Path, Write>> first = pending.entrySet().iterator();
                Map.Entry<Path, Write> next = first.next();
                first.remove();
                file = next.getKey();
                write = next.getValue();
                busy = true;
            }
            try {
                run(file, write);
            } finally {
                synchronized (lock) {
                    busy = false;
                    lock.notifyAll();
                }
            }
        }
    }

    private void run(Path file, Write write) {
        try {
            write.run();
        } catch (IOException | RuntimeException e) {
            report(Text.of("profiles.saveFailed", file.toString(), describe(e)));
        }
    }

    /** Tells the failure callback; a callback that throws must not stop the writer. */
    void report(Text text) {
        try {
            failures.accept(text);
        } catch (RuntimeException ignored) {
            // the writer goes on: the next save may succeed
        }
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + message;
    }
}
