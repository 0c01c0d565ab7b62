package dev.mqttdesk.core.log;

import dev.mqttdesk.core.message.MessageProperties;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.RandomAccess;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The log of messages: bounded by count and by bytes, counted, and written from any thread.
 * <p>
 * {@link #add} is what the network threads call. It writes the message once, as one row of
 * columns of primitives (time, topic, flags, where its payload is) with the payload's bytes in
 * large shared blocks ({@link PayloadBlocks}), so a million held messages are a few arrays to the
 * collector, not millions of objects. Nothing queues in between: the row is in the log when
 * {@code add} returns, and counted in the same step. A received row's colour is found there too, once
 * ({@link RowColours}), and kept in a column, so no cell matches topics against subscriptions. At a bound the oldest rows are evicted and
 * counted, never the new one, and the network thread never waits (beyond a short lock).
 * <p>
 * A drain is asked of the drain executor (the UI thread, in the app) only when none is pending;
 * it hands each batch listener, in the order they were added, what came since the last drain
 * ({@link Batch#added}, the very messages given to {@code add}, which live only until then) and how
 * many of the oldest rows listeners were told of are gone ({@link Batch#evicted}). A listener that
 * mirrors the log ({@code addAll(added)}, then drop {@code evicted} from the front) holds what the
 * store holds as of that drain. The table does not mirror: it reads rows through {@link #row(long)}
 * by their sequence number (0 for the first message ever, never reused, not even after a clear).
 * <p>
 * Invariant, at every moment: {@code received + sent == held + evicted}.
 */
public final class MessageStore {

    /**
     * What one drain added, and how many of the oldest messages listeners were told of it pushed out.
     *
     * @param addedFrom the sequence number of the first added message (of the next one, when none was added)
     */
    public record Batch(List<Message> added, int evicted, long addedFrom) {
    }

    /** What a row costs beyond its payload: its columns. Counted against the byte bound. */
    public static final int ROW_BYTES = 32;
    /**
     * Rows come in pages of 4,096: no array is large enough for G1 to treat it as "humongous" (whole
     * regions each, half wasted), a log grows and shrinks a page at a time without copying, and an
     * idle log holds none.
     */
    static final int PAGE_BITS = 12;
    static final int PAGE = 1 << PAGE_BITS;
    private static final int PAGE_MASK = PAGE - 1;

    /** The columns of {@link #PAGE} rows. */
    private static final class Page {
        final long[] time = new long[PAGE];
        final String[] topic = new String[PAGE];
        final byte[] flags = new byte[PAGE];
        /** {@link Message#colour()}: a byte is enough for the few row colours and {@link Message#NO_COLOUR}. */
        final byte[] colour = new byte[PAGE];
        final int[] length = new int[PAGE];
        final long[] at = new long[PAGE];
        /** MQTT 5 properties: null for the many messages that carry none. */
        final MessageProperties[] properties = new MessageProperties[PAGE];
    }

    private static final int SENT = 1;
    private static final int RETAIN = 2;
    private static final int QOS_SHIFT = 2;

    private final Executor drainExecutor;
    private final List<Consumer<Batch>> listeners = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();
    private volatile RowColours colours = new RowColours();

    // Everything below is guarded by lock. Row seq lives in page (seq >> PAGE_BITS) - firstPage, at slot seq & PAGE_MASK.
    private int capacity;
    private long maxBytes;
    private final ArrayList<Page> pages = new ArrayList<>();
    private long firstPage;
    /** A page the oldest rows left, kept for the next: a flood then allocates no pages at all. */
    private Page spare;
    private int size;
    private long firstSeq;
    private long heldBytes;
    private final PayloadBlocks payloads = new PayloadBlocks();
    private long received;
    private long sent;
    private long evicted;
    /** The rows listeners have been told of: [toldFirst, toldNext). */
    private long toldFirst;
    private long toldNext;
    /** The messages added since the last drain, rows toldNext on; an evicted one is nulled at once. */
    private ArrayList<Message> pending = new ArrayList<>();
    private boolean drainPending;

    /** A log of at most {@code capacity} messages and {@link #defaultMaxBytes()} bytes. */
    public MessageStore(int capacity, Executor drainExecutor) {
        this(capacity, defaultMaxBytes(), drainExecutor);
    }

    public MessageStore(int capacity, long maxBytes, Executor drainExecutor) {
        requirePositive(capacity, maxBytes);
        this.capacity = capacity;
        this.maxBytes = maxBytes;
        this.drainExecutor = drainExecutor;
    }

    /**
     * A quarter of the maximum heap: what one log may hold in payload and rows before its oldest go.
     * The rest is for the client's buffers, the views, and other open connections.
     */
    public static long defaultMaxBytes() {
        return Runtime.getRuntime().maxMemory() / 4;
    }

    /** From the next drain on, {@code listener} hears every batch, after the listeners added before it. */
    public void addBatchListener(Consumer<Batch> listener) {
        listeners.add(listener);
    }

    public void removeBatchListener(Consumer<Batch> listener) {
        listeners.remove(listener);
    }

    /** Received messages take their row colour from {@code rowColours} from now on (none until then). */
    public void colourWith(RowColours rowColours) {
        colours = rowColours;
    }

    /** Called from any thread, once per message: writes and counts it, and never waits for the drain. */
    public void add(Message message) {
        boolean schedule;
        // Outside the lock: matching the topic against the filters is the network thread's own work.
        int colour = message.direction() == Direction.SENT ? Message.NO_COLOUR : colours.ofTopic(message.topic());
        synchronized (lock) {
            if (size == capacity) {
                evictOldest();
            }
            long seq = firstSeq + size;
            int slot = (int) (seq & PAGE_MASK);
            if (slot == 0 || pages.isEmpty()) {
                if (pages.isEmpty()) {
                    firstPage = seq >> PAGE_BITS;
                }
                pages.add(spare != null ? spare : new Page());
                spare = null;
            }
            Page page = pages.get(pages.size() - 1);
            byte[] payload = message.payload();
            page.time[slot] = message.timestampMillis();
            page.topic[slot] = message.topic();
            page.flags[slot] = (byte) ((message.direction() == Direction.SENT ? SENT : 0) | (message.retain() ? RETAIN : 0)
                    | (message.qos() << QOS_SHIFT));
            page.colour[slot] = (byte) colour;
            page.length[slot] = payload.length;
            page.at[slot] = payloads.append(payload);
            page.properties[slot] = message.properties().isEmpty() ? null : message.properties();
            size++;
            heldBytes += cost(payload.length);
            if (message.direction() == Direction.SENT) {
                sent++;
            } else {
                received++;
            }
            pending.add(message);
            while (size > 1 && heldBytes > maxBytes) {
                evictOldest();
            }
            schedule = !drainPending;
            drainPending = true;
        }
        if (schedule) {
            drainExecutor.execute(this::drain);
        }
    }

    private static long cost(int payloadLength) {
        return (long) payloadLength + ROW_BYTES;
    }

    private void evictOldest() {
        long gone = firstSeq;
        Page page = pages.get(0);
        int slot = (int) (gone & PAGE_MASK);
        heldBytes -= cost(page.length[slot]);
        page.topic[slot] = null;
        page.properties[slot] = null;
        if (gone >= toldNext && gone - toldNext < pending.size()) {
            pending.set((int) (gone - toldNext), null); // its payload may go now, not at the next drain
        }
        size--;
        firstSeq++;
        evicted++;
        if (slot == PAGE_MASK || size == 0) {
            spare = pages.remove(0);
            firstPage++;
        }
        if (size == 0) {
            pages.clear();
            payloads.dropBefore(Long.MAX_VALUE);
        } else {
            payloads.dropBefore(atOf(firstSeq));
        }
    }

    private long atOf(long seq) {
        return pages.get((int) ((seq >> PAGE_BITS) - firstPage)).at[(int) (seq & PAGE_MASK)];
    }

    /** Hands what came since the last drain to the batch listeners; runs on the drain executor. */
    public void drain() {
        Batch batch;
        synchronized (lock) {
            drainPending = false;
            if (pending.isEmpty() && toldFirst == firstSeq) {
                return;
            }
            int skip = (int) Math.max(0, firstSeq - toldNext);
            List<Message> added = skip >= pending.size() ? List.of()
                    : Collections.unmodifiableList(pending.subList(skip, pending.size()));
            int gone = tellEvictions();
            toldFirst = firstSeq;
            toldNext = firstSeq + size;
            batch = new Batch(added, gone, toldNext - added.size());
            pending = new ArrayList<>();
        }
        for (Consumer<Batch> listener : listeners) {
            listener.accept(batch);
        }
    }

    /** How many of the rows listeners hold are gone; they are told of it now. */
    private int tellEvictions() {
        long keptFrom = Math.min(firstSeq, toldNext);
        int gone = (int) (keptFrom - toldFirst);
        toldFirst = keptFrom;
        return gone;
    }

    /**
     * Holds at most {@code newCapacity} messages from now on; the oldest that no longer fit are
     * evicted and counted. Call it on the drain executor. Returns how many of the rows batch
     * listeners were told of are gone (they hear nothing more of it).
     */
    public int resize(int newCapacity) {
        requirePositive(newCapacity, 1);
        synchronized (lock) {
            while (size > newCapacity) {
                evictOldest();
            }
            capacity = newCapacity;
            return tellEvictions();
        }
    }

    /** As {@link #resize}, for the byte bound: payload bytes plus {@link #ROW_BYTES} a row. */
    public int setMaxBytes(long newMaxBytes) {
        requirePositive(1, newMaxBytes);
        synchronized (lock) {
            maxBytes = newMaxBytes;
            while (size > 1 && heldBytes > maxBytes) {
                evictOldest();
            }
            return tellEvictions();
        }
    }

    private static void requirePositive(int capacity, long maxBytes) {
        if (capacity < 1 || maxBytes < 1) {
            throw new IllegalArgumentException("bounds must be positive: " + capacity + " messages, " + maxBytes + " bytes");
        }
    }

    /** The message of row {@code seq}, made from its columns; null once it is evicted (or before it came). */
    public Message row(long seq) {
        synchronized (lock) {
            return rowLocked(seq);
        }
    }

    private Message rowLocked(long seq) {
        long k = seq - firstSeq;
        if (k < 0 || k >= size) {
            return null;
        }
        Page page = pages.get((int) ((seq >> PAGE_BITS) - firstPage));
        int slot = (int) (seq & PAGE_MASK);
        int f = page.flags[slot];
        MessageProperties p = page.properties[slot];
        return new Message(page.time[slot], (f & SENT) != 0 ? Direction.SENT : Direction.RECEIVED, page.topic[slot],
                (f >> QOS_SHIFT) & 3, (f & RETAIN) != 0, payloads.read(page.at[slot], page.length[slot]),
                p == null ? MessageProperties.NONE : p, page.colour[slot]);
    }

    /**
     * The newest held message before row {@code seq} on the same topic and in the same direction as
     * it (a received message is compared with the one received before, not with the copy this app
     * sent); null when the log holds none (or row {@code seq} is gone). Reads only the topic column, back to the oldest row at
     * most (the log is bounded), and takes the lock for one page of rows at a time, so the network
     * threads never wait long.
     */
    public Message earlierOnTopic(long seq) {
        String topic;
        int sent;
        synchronized (lock) {
            if (seq < firstSeq || seq >= firstSeq + size) {
                return null;
            }
            topic = topicLocked(seq);
            sent = flagsLocked(seq) & SENT;
        }
        long at = seq - 1;
        while (true) {
            synchronized (lock) {
                long chunkEnd = Math.max(firstSeq, at - PAGE + 1);
                for (; at >= chunkEnd; at--) {
                    if ((flagsLocked(at) & SENT) == sent && topic.equals(topicLocked(at))) {
                        return rowLocked(at);
                    }
                }
                if (at < firstSeq) {
                    return null; // the oldest row was looked at, or rows went meanwhile
                }
            }
        }
    }

    private String topicLocked(long seq) {
        return pages.get((int) ((seq >> PAGE_BITS) - firstPage)).topic[(int) (seq & PAGE_MASK)];
    }

    private int flagsLocked(long seq) {
        return pages.get((int) ((seq >> PAGE_BITS) - firstPage)).flags[(int) (seq & PAGE_MASK)];
    }

    /** The sequence number of the oldest held row. */
    public long firstSeq() {
        synchronized (lock) {
            return firstSeq;
        }
    }

    /** The sequence number the next message will get. */
    public long nextSeq() {
        synchronized (lock) {
            return firstSeq + size;
        }
    }

    /**
     * The rows {@code [from, to)} as a list that makes each message when asked (null for one evicted
     * since): for work off the UI thread over a range, such as filtering, without copying the log.
     */
    public List<Message> rows(long from, long to) {
        int n = (int) Math.max(0, to - from);
        return new Rows(from, n);
    }

    private final class Rows extends AbstractList<Message> implements RandomAccess {
        private final long from;
        private final int n;

        Rows(long from, int n) {
            this.from = from;
            this.n = n;
        }

        @Override
        public Message get(int index) {
            if (index < 0 || index >= n) {
                throw new IndexOutOfBoundsException(index);
            }
            return row(from + index);
        }

        @Override
        public int size() {
            return n;
        }
    }

    /** The held messages, oldest first, made from the rows; safe from any thread. */
    public List<Message> snapshot() {
        synchronized (lock) {
            List<Message> copy = new ArrayList<>(size);
            for (long s = firstSeq; s < firstSeq + size; s++) {
                copy.add(rowLocked(s));
            }
            return copy;
        }
    }

    /** Empties the log and the counters. Call it on the drain executor. */
    public void clear() {
        synchronized (lock) {
            firstSeq += size;
            size = 0;
            pages.clear();
            spare = null;
            payloads.dropBefore(Long.MAX_VALUE);
            heldBytes = 0;
            received = 0;
            sent = 0;
            evicted = 0;
            toldFirst = firstSeq;
            toldNext = firstSeq;
            pending = new ArrayList<>();
        }
    }

    public int size() {
        synchronized (lock) {
            return size;
        }
    }

    /** Payload bytes plus {@link #ROW_BYTES} a row, of what is held: what the byte bound limits. */
    public long heldBytes() {
        synchronized (lock) {
            return heldBytes;
        }
    }

    public long maxBytes() {
        synchronized (lock) {
            return maxBytes;
        }
    }

    public int capacity() {
        synchronized (lock) {
            return capacity;
        }
    }

    /** All counters at one moment: {@code received + sent == held + evicted} holds among them. */
    public Counts counts() {
        synchronized (lock) {
            return new Counts(received, sent, evicted, size, firstSeq);
        }
    }

    /** The counters as of one moment; {@code firstSeq} is the oldest held row's sequence number. */
    public record Counts(long received, long sent, long evicted, int held, long firstSeq) {
    }

    public long received() {
        synchronized (lock) {
            return received;
        }
    }

    public long sent() {
        synchronized (lock) {
            return sent;
        }
    }

    public long evicted() {
        synchronized (lock) {
            return evicted;
        }
    }
}
