package dev.mqttdesk.log;

import dev.mqttdesk.core.log.Message;
import dev.mqttdesk.core.log.MessageStore;
import javafx.collections.ObservableListBase;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The table's rows: sequence numbers of the store's rows, a message made only for a row asked for
 * (those on screen) and kept while it is asked for again, so the same row is the same object to the
 * selection. Either every held row (a range, no memory per row) or the rows a filter picked (eight
 * bytes a row). Changed only on the FX thread, by one change per batch.
 * <p>
 * The list shows at most the newest {@link #TABLE_ROWS} of its rows: JavaFX 21's VirtualFlow walks
 * every item on each change and layout (its size estimate, measured with JFR during a flood), so a
 * table of a million items costs the FX thread in proportion to the million. The log, the filter,
 * the counters and the export still cover every row. With {@code follow} off (auto-scroll paused)
 * the shown rows stay where they are: new rows wait, evicted ones still go.
 */
final class StoreRows extends ObservableListBase<Message> {

    /** The most rows the table is given: what the user can scroll through at once. */
    static final int TABLE_ROWS = 50_000;
    /** Rows made and kept: a few screens of them. */
    private static final int MADE = 256;

    private final MessageStore store;
    private final Map<Long, Message> made = new LinkedHashMap<>(MADE, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Message> eldest) {
            return size() > MADE;
        }
    };
    /** Null for a range of rows [first, end); else the picked rows, seqs[head, head + count). */
    private long[] seqs;
    private long first;
    private long end;
    private int head;
    private int count;
    /** The shown rows are the newest TABLE_ROWS before this one (a range's seq, a picked list's index). */
    private long shownEnd;
    /** The first shown row (seq or index) and how many are shown: what get(i) reads. */
    private long shownFrom;
    private int size;

    private StoreRows(MessageStore store, long[] seqs, long first) {
        this.store = store;
        this.seqs = seqs;
        this.first = first;
        this.end = first;
        this.shownEnd = first;
        this.shownFrom = first;
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

    /** The store's sequence number of shown row {@code index}. */
    long seqAt(int index) {
        Objects.checkIndex(index, size);
        return seqs == null ? shownFrom + index : seqs[head + (int) shownFrom + index];
    }

    /** The rows shown: at most {@link #TABLE_ROWS}. */
    @Override
    public int size() {
        return size;
    }

    /** All the rows, shown or not. */
    int total() {
        return seqs == null ? (int) (end - first) : count;
    }

    /** A range's first row (its next row, when empty). */
    long firstSeq() {
        return first;
    }

    /** A range's row after its last. */
    long endSeq() {
        return end;
    }

    /**
     * A range: the {@code gone} oldest rows are evicted, and {@code added} rows from {@code addedFrom}
     * came; the shown rows move to the newest when {@code follow}.
     */
    void advance(int gone, long addedFrom, int added, boolean follow) {
        long held = end - first - gone + added;
        end = addedFrom + added;
        first = end - held;
        forgetBefore(first);
        show(follow ? end : Math.max(shownEnd, first), first);
    }

    /** Picked rows: drops those before {@code oldestHeld} and appends {@code n} of {@code more}, in one change. */
    void update(long oldestHeld, long[] more, int n, boolean follow) {
        int gone = 0;
        while (gone < count && seqs[head + gone] < oldestHeld) {
            gone++;
        }
        int keep = 0;
        while (keep < n && more[keep] < oldestHeld) {
            keep++;
        }
        int added = n - keep;
        head += gone;
        count -= gone;
        long oldShownEnd = shownEnd - gone;
        long oldShownFrom = shownFrom - gone;
        shownEnd = oldShownEnd;
        shownFrom = oldShownFrom;
        if (head + count + added > seqs.length) {
            long[] next = count + added > seqs.length / 2 ? new long[Math.max(16, (count + added) * 2)] : seqs;
            System.arraycopy(seqs, head, next, 0, count);
            seqs = next;
            head = 0;
        }
        System.arraycopy(more, keep, seqs, head + count, added);
        count += added;
        forgetBefore(oldestHeld);
        // Indices into the picked rows: the rows gone from the front moved every index down.
        showPicked(follow ? count : Math.max(0, oldShownEnd), oldShownFrom, oldShownEnd);
    }

    /** Shows the newest TABLE_ROWS rows before {@code newEnd} of a range, firing what changed. */
    private void show(long newEnd, long oldestHeld) {
        long oldFrom = Math.max(shownFrom, oldestHeld);
        long oldEnd = Math.max(shownEnd, oldFrom);
        int removed = size - (int) (oldEnd - oldFrom);
        long newFrom = Math.max(oldestHeld, newEnd - TABLE_ROWS);
        fire(removed, oldFrom, oldEnd, newFrom, newEnd);
    }

    private void showPicked(long newEnd, long oldFrom, long oldEnd) {
        // Rows before index 0 are gone from the front.
        long from = Math.max(0, oldFrom);
        long to = Math.max(from, oldEnd);
        int removed = size - (int) (to - from);
        long newFrom = Math.max(0, newEnd - TABLE_ROWS);
        fire(removed, from, to, newFrom, newEnd);
    }

    /**
     * The shown rows were [oldFrom, oldEnd) after {@code removed} of them went from the front; they
     * are [newFrom, newEnd) now (both ends only move forward): one change.
     */
    private void fire(int removed, long oldFrom, long oldEnd, long newFrom, long newEnd) {
        long cut = Math.min(Math.max(newFrom, oldFrom), oldEnd);
        int removedFront = removed + (int) (cut - oldFrom);
        int kept = (int) (oldEnd - cut);
        shownFrom = newFrom;
        shownEnd = newEnd;
        size = (int) (newEnd - newFrom);
        int added = size - kept;
        if (removedFront == 0 && added == 0) {
            return;
        }
        beginChange();
        if (removedFront > 0) {
            nextRemove(0, Collections.nCopies(removedFront, null));
        }
        if (added > 0) {
            nextAdd(kept, size);
        }
        endChange();
    }

    /** Empties the list; a range then starts at the store's next row. */
    void clear(long next) {
        int was = size;
        first = next;
        end = next;
        shownEnd = seqs == null ? next : 0;
        shownFrom = shownEnd;
        head = 0;
        count = 0;
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

    /**
     * All the rows as they are now, for work off the FX thread: each made from the store when asked,
     * null for one evicted since.
     */
    List<Message> detached() {
        if (seqs == null) {
            return store.rows(first, end);
        }
        long[] picked = Arrays.copyOfRange(seqs, head, head + count);
        return new AbstractList<>() {
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
        return "StoreRows[" + size + " of " + total() + " rows shown]";
    }
}
