package dev.mqttdesk.log;

import dev.mqttdesk.core.log.Message;
import dev.mqttdesk.core.log.MessageStore;
import javafx.collections.ObservableListBase;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The table's rows: sequence numbers of the store's rows, a message made only for a row asked for
 * (those on screen), and kept for as long as it is asked for again, so the same row is the same
 * object to the selection. Either every held row (a range, no memory per row) or the rows a filter
 * picked (eight bytes a row). Changed only on the FX thread, by one change per batch.
 */
final class StoreRows extends ObservableListBase<Message> {

    /** Rows made and kept: a few screens of them. */
    private static final int MADE = 256;

    private final MessageStore store;
    private final Map<Long, Message> made = new LinkedHashMap<>(MADE, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Message> eldest) {
            return size() > MADE;
        }
    };
    /** Null for a range of rows from {@link #first}; else the picked rows, from {@link #head}. */
    private long[] seqs;
    private long first;
    private int head;
    private int size;

    private StoreRows(MessageStore store, long[] seqs, long first) {
        this.store = store;
        this.seqs = seqs;
        this.first = first;
    }

    /** Every held row, none yet: the range starts at the store's next row. */
    static StoreRows range(MessageStore store) {
        return new StoreRows(store, null, store.nextSeq());
    }

    /** The rows a filter picked, in order; none yet. */
    static StoreRows picked(MessageStore store) {
        return new StoreRows(store, new long[16], 0);
    }

    @Override
    public Message get(int index) {
        Objects.checkIndex(index, size);
        long seq = seqAt(index);
        Message m = made.get(seq);
        if (m == null) {
            // Null when the store evicted the row since this list last heard; it goes at the next batch.
            m = store.row(seq);
            if (m != null) {
                made.put(seq, m);
            }
        }
        return m;
    }

    long seqAt(int index) {
        return seqs == null ? first + index : seqs[head + index];
    }

    @Override
    public int size() {
        return size;
    }

    /** A range's first row (its next row, when empty). */
    long firstSeq() {
        return first;
    }

    /** A range's row after its last. */
    long endSeq() {
        return first + size;
    }

    /**
     * The rows as they are now, for work off the FX thread: each made from the store when asked, null
     * for one evicted since.
     */
    java.util.List<Message> detached() {
        if (seqs == null) {
            return store.rows(first, first + size);
        }
        long[] picked = Arrays.copyOfRange(seqs, head, head + size);
        return new java.util.AbstractList<>() {
            @Override
            public Message get(int i) {
                return store.row(picked[i]);
            }

            @Override
            public int size() {
                return picked.length;
            }
        };
    }

    /** A range: the {@code gone} oldest rows are evicted, and {@code added} rows from {@code addedFrom} came. */
    void advance(int gone, long addedFrom, int added) {
        if (gone == 0 && added == 0) {
            return;
        }
        size = size - gone + added;
        first = addedFrom + added - size;
        forgetBefore(first);
        beginChange();
        if (gone > 0) {
            nextRemove(0, Collections.nCopies(gone, null));
        }
        if (added > 0) {
            nextAdd(size - added, size);
        }
        endChange();
    }

    /** Picked rows: drops those before {@code oldestHeld} and appends {@code n} of {@code more}, in one change. */
    void update(long oldestHeld, long[] more, int n) {
        int gone = 0;
        while (gone < size && seqs[head + gone] < oldestHeld) {
            gone++;
        }
        int keep = 0;
        while (keep < n && more[keep] < oldestHeld) {
            keep++;
        }
        int added = n - keep;
        if (gone == 0 && added == 0) {
            return;
        }
        head += gone;
        size -= gone;
        if (head + size + added > seqs.length) {
            long[] next = size + added > seqs.length / 2 ? new long[Math.max(16, (size + added) * 2)] : seqs;
            System.arraycopy(seqs, head, next, 0, size);
            seqs = next;
            head = 0;
        }
        System.arraycopy(more, keep, seqs, head + size, added);
        size += added;
        forgetBefore(oldestHeld);
        beginChange();
        if (gone > 0) {
            nextRemove(0, Collections.nCopies(gone, null));
        }
        if (added > 0) {
            nextAdd(size - added, size);
        }
        endChange();
    }

    /** Empties the list; a range then starts at the store's next row. */
    void clear(long next) {
        int was = size;
        first = next;
        head = 0;
        size = 0;
        if (seqs != null) {
            seqs = new long[16];
        }
        made.clear();
        if (was > 0) {
            beginChange();
            nextRemove(0, Collections.nCopies(was, null));
            endChange();
        }
    }

    private void forgetBefore(long seq) {
        made.keySet().removeIf(s -> s < seq);
    }

    @Override
    public boolean equals(Object o) {
        return o == this;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    @Override
    public String toString() {
        return "StoreRows[" + size + " rows" + (seqs == null ? " from " + first : ", picked") + "]";
    }
}
