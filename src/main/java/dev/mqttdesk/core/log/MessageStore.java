package dev.mqttdesk.core.log;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The log of messages: bounded, counted, and fed from any thread.
 * <p>
 * {@link #add} is what the network threads call: it queues the message, counts it, and asks the
 * drain executor (the UI thread, in the app) to run one drain only when none is pending. The drain
 * moves everything queued into a ring of at most {@code capacity} messages in one go and hands the
 * batch to each batch listener in the order they were added (the log's table now; the topic tree and
 * charts next), every one on the drain executor. Eviction is counted, never silent:
 * {@code received + sent == held + evicted + queued} at every moment a drain is not running.
 */
public final class MessageStore {

    /** What one drain added, and how many of the oldest held messages it pushed out. */
    public record Batch(List<Message> added, int evicted) {
    }

    private final Queue<Message> ingest = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainPending = new AtomicBoolean();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong evicted = new AtomicLong();
    private final Executor drainExecutor;
    private final List<Consumer<Batch>> listeners = new CopyOnWriteArrayList<>();

    /** The ring's first size: it grows to the capacity as messages come, so an idle log costs next to nothing. */
    static final int INITIAL_RING = 1024;

    // The ring, touched only under its own lock: drains write it, snapshots read it from any thread.
    private final Object ringLock = new Object();
    private int capacity;
    private Message[] ring;
    private int head;
    private int size;

    public MessageStore(int capacity, Executor drainExecutor) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.capacity = capacity;
        this.ring = new Message[Math.min(capacity, INITIAL_RING)];
        this.drainExecutor = drainExecutor;
    }

    /** From the next drain on, {@code listener} hears every batch, after the listeners added before it. */
    public void addBatchListener(Consumer<Batch> listener) {
        listeners.add(listener);
    }

    public void removeBatchListener(Consumer<Batch> listener) {
        listeners.remove(listener);
    }

    /** Called from any thread, once per message: cheap, never blocks. */
    public void add(Message message) {
        ingest.add(message);
        (message.direction() == Direction.RECEIVED ? received : sent).incrementAndGet();
        if (drainPending.compareAndSet(false, true)) {
            drainExecutor.execute(this::drain);
        }
    }

    /** Moves all queued messages into the ring and tells the batch listeners; runs on the drain executor. */
    public void drain() {
        // Clear the flag first: a message queued after this point schedules a new drain.
        drainPending.set(false);
        List<Message> batch = new ArrayList<>();
        for (Message m; (m = ingest.poll()) != null; ) {
            batch.add(m);
        }
        if (batch.isEmpty()) {
            return;
        }
        int pushedOut;
        List<Message> kept;
        synchronized (ringLock) {
            // A batch larger than the ring keeps only its newest messages; the rest are evicted at once.
            int skipped = Math.max(0, batch.size() - capacity);
            kept = skipped == 0 ? batch : batch.subList(skipped, batch.size());
            int overflow = Math.max(0, size + kept.size() - capacity);
            pushedOut = overflow;
            for (Message m : kept) {
                if (size == capacity) {
                    ring[head] = m;
                    head = (head + 1) % ring.length;
                } else {
                    if (size == ring.length) {
                        regrow(Math.min(capacity, ring.length * 2));
                    }
                    ring[(head + size) % ring.length] = m;
                    size++;
                }
            }
            evicted.addAndGet(skipped + overflow);
        }
        Batch done = new Batch(Collections.unmodifiableList(kept), pushedOut); // no listener changes what the next sees
        for (Consumer<Batch> listener : listeners) {
            listener.accept(done);
        }
    }

    /**
     * Holds at most {@code newCapacity} messages from now on; the oldest that no longer fit are
     * evicted and counted. Call it on the drain executor. Returns how many were evicted.
     */
    public int resize(int newCapacity) {
        if (newCapacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + newCapacity);
        }
        synchronized (ringLock) {
            int drop = Math.max(0, size - newCapacity);
            head = (head + drop) % ring.length;
            size -= drop;
            capacity = newCapacity;
            regrow(Math.min(newCapacity, Math.max(size, INITIAL_RING)));
            evicted.addAndGet(drop);
            return drop;
        }
    }

    /** A ring of {@code length} slots holding the same messages in the same order, oldest at 0. */
    private void regrow(int length) {
        Message[] next = new Message[length];
        for (int i = 0; i < size; i++) {
            next[i] = ring[(head + i) % ring.length];
        }
        ring = next;
        head = 0;
    }

    /** The held messages, oldest first; safe from any thread. */
    public List<Message> snapshot() {
        synchronized (ringLock) {
            List<Message> copy = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                copy.add(ring[(head + i) % ring.length]);
            }
            return copy;
        }
    }

    /** Empties the log, the queue and the counters. Call it on the drain executor. */
    public void clear() {
        synchronized (ringLock) {
            ingest.clear();
            ring = new Message[Math.min(capacity, INITIAL_RING)];
            head = 0;
            size = 0;
            received.set(0);
            sent.set(0);
            evicted.set(0);
        }
    }

    public int size() {
        synchronized (ringLock) {
            return size;
        }
    }

    public long received() {
        return received.get();
    }

    public long sent() {
        return sent.get();
    }

    public long evicted() {
        return evicted.get();
    }
}
