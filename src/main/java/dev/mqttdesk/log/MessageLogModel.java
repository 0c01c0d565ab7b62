package dev.mqttdesk.log;

import dev.mqttdesk.core.i18n.Text;
import dev.mqttdesk.core.log.Direction;
import dev.mqttdesk.core.log.FilterRunner;
import dev.mqttdesk.core.log.Message;
import dev.mqttdesk.core.log.MessageFilter;
import dev.mqttdesk.core.log.MessageStore;
import dev.mqttdesk.ui.BackgroundTask;
import dev.mqttdesk.ui.TaskExecutor;
import javafx.animation.AnimationTimer;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.ObservableList;
import javafx.util.Duration;

import java.util.List;

/**
 * The UI side of the one road from the network to the screen. The network threads write each
 * message into the store; the store's drain runs on the FX thread, at most one pending at a time,
 * and lands here as one batch: the table's list ({@link StoreRows}, sequence numbers over the
 * store, no copy of the log) changes once. Filtering never runs on the FX thread: a filter looks at
 * the rows not yet looked at, as a background task, and its matches are appended when it is done;
 * then it looks at what came meanwhile. Counters and the "N of M" status are published a few times
 * a second, and once more after the last batch, so the figures shown when a flood stops are final.
 */
public final class MessageLogModel {

    /** The most rows the table is given (the newest); the log, filter, counters and export cover all. */
    public static final int TABLE_ROWS = StoreRows.TABLE_ROWS;

    /** How often the counters are published during a flood. */
    static final Duration COUNTERS_EVERY = Duration.millis(200);

    private final MessageStore store;
    private final StoreRows held;
    private StoreRows filtered;
    private final ReadOnlyObjectWrapper<ObservableList<Message>> visible = new ReadOnlyObjectWrapper<>(this, "visible");
    private final ReadOnlyLongWrapper received = new ReadOnlyLongWrapper(this, "received");
    private final ReadOnlyLongWrapper sent = new ReadOnlyLongWrapper(this, "sent");
    private final ReadOnlyLongWrapper evicted = new ReadOnlyLongWrapper(this, "evicted");
    private final ReadOnlyIntegerWrapper shown = new ReadOnlyIntegerWrapper(this, "shown");
    private final ReadOnlyIntegerWrapper capacity = new ReadOnlyIntegerWrapper(this, "capacity");
    private final ReadOnlyLongWrapper maxBytes = new ReadOnlyLongWrapper(this, "maxBytes");
    private final BooleanProperty autoScroll = new SimpleBooleanProperty(this, "autoScroll", true);
    private final ReadOnlyLongWrapper arrivedWhilePaused = new ReadOnlyLongWrapper(this, "arrivedWhilePaused");
    private final ReadOnlyObjectWrapper<MessageFilter> filter = new ReadOnlyObjectWrapper<>(this, "filter", MessageFilter.ALL);
    private final ReadOnlyBooleanWrapper filtering = new ReadOnlyBooleanWrapper(this, "filtering");
    private final ReadOnlyObjectWrapper<Text> filterStatus = new ReadOnlyObjectWrapper<>(this, "filterStatus");
    private final ReadOnlyLongWrapper rate = new ReadOnlyLongWrapper(this, "rate");
    private final TaskExecutor tasks;
    private final FilterRunner filters = new FilterRunner();
    private final PauseTransition countersLater = new PauseTransition(COUNTERS_EVERY);
    private long countersAt;
    private long receivedAtLastTick;
    private long receivedAtPause;

    // The filter's progress over the rows: those before filteredTo have been looked at.
    private long filteredTo;
    /** The filter task running, or null; a task that is no longer this one hands nothing back. */
    private Object filterJob;
    private boolean filterStopped;

    public MessageLogModel(int capacity, TaskExecutor tasks) {
        this(capacity, MessageStore.defaultMaxBytes(), tasks);
    }

    public MessageLogModel(int capacity, long maxBytes, TaskExecutor tasks) {
        // A drain asked for runs at the next frame pulse, so the table takes at most one batch a frame.
        this.store = new MessageStore(capacity, maxBytes, drain -> Platform.runLater(this::drainAtNextPulse));
        this.held = StoreRows.range(store);
        visible.set(held);
        store.addBatchListener(this::apply);
        this.tasks = tasks;
        this.capacity.set(capacity);
        this.maxBytes.set(maxBytes);
        countersLater.setOnFinished(e -> updateCounters());
        autoScroll.addListener((o, was, now) -> {
            receivedAtPause = received.get() + sent.get();
            arrivedWhilePaused.set(0);
            if (now) { // the rows that waited while paused are shown now
                held.advance(0, held.endSeq(), 0, true);
                if (filtered != null) {
                    filtered.update(held.firstSeq(), new long[0], 0, true);
                }
            }
        });
    }

    /**
     * The least time between two batches the table takes. A message after a quiet spell shows at the next
     * pulse; during a flood the table moves ten times a second instead of every frame, since each move
     * lays out and repaints every visible row, the processor time the network needs on a small machine.
     */
    static final long TABLE_EVERY_NANOS = 100_000_000L;
    private long drainedAt = System.nanoTime() - TABLE_EVERY_NANOS;

    private final AnimationTimer nextPulse = new AnimationTimer() {
        @Override
        public void handle(long pulse) {
            long now = System.nanoTime();
            if (now - drainedAt < TABLE_EVERY_NANOS) {
                return; // runs again at the next pulse
            }
            stop();
            drainedAt = now;
            store.drain();
        }
    };

    private void drainAtNextPulse() {
        nextPulse.start(); // started again before its pulse: still one drain
    }

    /** Where the session hands every message, from any thread. */
    public MessageStore store() {
        return store;
    }

    private void apply(MessageStore.Batch batch) {
        held.advance(batch.evicted(), batch.addedFrom(), batch.added().size(), autoScroll.get());
        if (filtered != null) {
            filtered.update(held.firstSeq(), new long[0], 0, autoScroll.get());
            followFilter();
        }
        countersSoon();
    }

    /** Publishes the counters now if the last time was long enough ago, else once that time is up. */
    private void countersSoon() {
        long now = System.nanoTime();
        if (now - countersAt >= COUNTERS_EVERY.toMillis() * 1_000_000) {
            updateCounters();
        } else if (countersLater.getStatus() != javafx.animation.Animation.Status.RUNNING) {
            countersLater.playFromStart();
        }
    }

    private void updateCounters() {
        countersAt = System.nanoTime();
        MessageStore.Counts c = store.counts(); // one moment: received + sent == held + evicted
        received.set(c.received());
        sent.set(c.sent());
        evicted.set(c.evicted());
        shown.set(held.total());
        if (!autoScroll.get()) {
            arrivedWhilePaused.set(c.received() + c.sent() - receivedAtPause);
        }
        if (filtered != null && !filtering.get() && !filterStopped) {
            filterStatus.set(Text.of("log.filter.status", filtered.total(), held.total()));
        }
    }

    /** What the filter's fields hold: a view made again (in another language) starts from them. */
    public record FilterFields(String topic, String text, boolean regex, Direction direction) {
        public static final FilterFields EMPTY = new FilterFields("", "", false, null);
    }

    private FilterFields filterFields = FilterFields.EMPTY;

    public FilterFields filterFields() {
        return filterFields;
    }

    /** Kept as typed, valid or not: the fields show them again; only a valid filter is applied. */
    public void rememberFilterFields(FilterFields fields) {
        filterFields = fields;
    }

    /** Shows only what matches; {@link MessageFilter#ALL} shows everything again. */
    public void applyFilter(MessageFilter next) {
        filters.cancel();
        filterJob = null;
        filterStopped = false;
        filter.set(next);
        if (next.isAll()) {
            filtered = null;
            filtering.set(false);
            filterStatus.set(null);
            visible.set(held);
            return;
        }
        filtered = StoreRows.picked(store);
        filteredTo = held.firstSeq();
        visible.set(filtered);
        filtering.set(true);
        filterStatus.set(Text.of("log.filter.running"));
        followFilter();
    }

    /** Starts the filter on the held rows it has not looked at, unless it is at work already. */
    private void followFilter() {
        if (filterJob != null || filterStopped || filtered == null) {
            return;
        }
        long from = Math.max(filteredTo, held.firstSeq());
        long to = held.endSeq();
        if (from >= to) {
            if (filtering.get()) {
                filtering.set(false);
                updateCounters();
            }
            return;
        }
        MessageFilter f = filter.get();
        List<Message> rows = store.rows(from, to);
        Object job = new Object();
        filterJob = job;
        tasks.execute(BackgroundTask.spread((workers, context) -> filters.start(f, rows, context.progress(), workers).result())
                .onSuccess(result -> {
                    if (filterJob != job) {
                        return; // a newer filter replaced this one
                    }
                    filterJob = null;
                    int[] indices = result.indices();
                    long[] seqs = new long[indices.length];
                    for (int i = 0; i < indices.length; i++) {
                        seqs[i] = from + indices[i];
                    }
                    filtered.update(held.firstSeq(), seqs, seqs.length, autoScroll.get());
                    filteredTo = to;
                    filtering.set(false); // the first pass is done; what comes next is followed quietly
                    updateCounters();
                    followFilter();
                })
                .onFailure(error -> {
                    if (filterJob == job) {
                        // The table keeps the matches so far, all of them held rows: table and log agree.
                        filterJob = null;
                        filterStopped = true;
                        filterStatus.set(Text.of("log.filter.failed", BackgroundTask.words(error)));
                        filtering.set(false);
                    }
                }));
    }

    /** Holds at most this many messages from now on; the oldest beyond are evicted and counted. */
    public void setCapacity(int max) {
        int gone = store.resize(max);
        held.advance(gone, held.endSeq(), 0, autoScroll.get());
        capacity.set(max);
        afterEviction();
    }

    /** Holds at most this many bytes (payloads plus {@link MessageStore#ROW_BYTES} a row) from now on. */
    public void setMaxBytes(long bytes) {
        int gone = store.setMaxBytes(bytes);
        held.advance(gone, held.endSeq(), 0, autoScroll.get());
        maxBytes.set(bytes);
        afterEviction();
    }

    private void afterEviction() {
        if (filtered != null) {
            filtered.update(held.firstSeq(), new long[0], 0, autoScroll.get());
        }
        updateCounters();
    }

    /** Once a second, from whoever owns the clock: the received rate over the last second. */
    public void tick() {
        long now = received.get();
        rate.set(Math.max(0, now - receivedAtLastTick));
        receivedAtLastTick = now;
    }

    public void clear() {
        store.clear();
        receivedAtLastTick = 0;
        receivedAtPause = 0;
        held.clear(store.nextSeq());
        if (filtered != null) {
            filtered.clear(0);
            filteredTo = store.nextSeq();
        }
        updateCounters();
    }

    /** Every message held, oldest first (the filtered view is {@link #visibleProperty()}). */
    public ObservableList<Message> held() {
        return held;
    }

    /** What the table shows now, as a list to read off the FX thread (null for a row evicted since). */
    public List<Message> visibleForExport() {
        return ((StoreRows) visible.get()).detached();
    }

    public ReadOnlyObjectProperty<ObservableList<Message>> visibleProperty() {
        return visible.getReadOnlyProperty();
    }

    /** The store's sequence number of the row the table shows at {@code index}. */
    public long seqOfShown(int index) {
        return ((StoreRows) visible.get()).seqAt(index);
    }

    public ReadOnlyLongProperty receivedProperty() {
        return received.getReadOnlyProperty();
    }

    /** Messages received in the last second, as of the last {@link #tick()}. */
    public ReadOnlyLongProperty rateProperty() {
        return rate.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty sentProperty() {
        return sent.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty evictedProperty() {
        return evicted.getReadOnlyProperty();
    }

    /** How many messages the log holds, published with the counters. */
    public ReadOnlyIntegerProperty shownProperty() {
        return shown.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty capacityProperty() {
        return capacity.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty maxBytesProperty() {
        return maxBytes.getReadOnlyProperty();
    }

    public BooleanProperty autoScrollProperty() {
        return autoScroll;
    }

    /** Messages logged since auto-scroll was paused: the badge's number. */
    public ReadOnlyLongProperty arrivedWhilePausedProperty() {
        return arrivedWhilePaused.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<MessageFilter> filterProperty() {
        return filter.getReadOnlyProperty();
    }

    /** Whether the filter is still looking at the log it was given (its first pass). */
    public javafx.beans.property.ReadOnlyBooleanProperty filteringProperty() {
        return filtering.getReadOnlyProperty();
    }

    /** "N of M" while a filter is on, "filtering…" while it runs, null without a filter. */
    public ReadOnlyObjectProperty<Text> filterStatusProperty() {
        return filterStatus.getReadOnlyProperty();
    }
}
