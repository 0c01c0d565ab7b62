package dev.mqttdesk.log;

import dev.mqttdesk.core.i18n.Text;
import dev.mqttdesk.core.log.FilterRunner;
import dev.mqttdesk.core.log.Message;
import dev.mqttdesk.core.log.MessageFilter;
import dev.mqttdesk.core.log.MessageStore;
import dev.mqttdesk.ui.BackgroundTask;
import dev.mqttdesk.ui.TaskExecutor;
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
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * The UI side of the one road from the network to the screen: the store drains on the FX thread,
 * coalesced to one run per frame at most, and each drain lands here as one batch: one
 * {@code addAll} and at most one {@code remove(0, n)} on the held list, and the same on the
 * filtered list when a filter is on. Filtering the whole held log runs off the FX thread, as a task
 * of the executor it is given.
 */
public final class MessageLogModel {

    private final ObservableList<Message> held = FXCollections.observableArrayList();
    private final ObservableList<Message> filtered = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<ObservableList<Message>> visible = new ReadOnlyObjectWrapper<>(this, "visible", held);
    private final ReadOnlyLongWrapper received = new ReadOnlyLongWrapper(this, "received");
    private final ReadOnlyLongWrapper sent = new ReadOnlyLongWrapper(this, "sent");
    private final ReadOnlyLongWrapper evicted = new ReadOnlyLongWrapper(this, "evicted");
    private final ReadOnlyIntegerWrapper capacity = new ReadOnlyIntegerWrapper(this, "capacity");
    private final BooleanProperty autoScroll = new SimpleBooleanProperty(this, "autoScroll", true);
    private final ReadOnlyLongWrapper arrivedWhilePaused = new ReadOnlyLongWrapper(this, "arrivedWhilePaused");
    private final ReadOnlyObjectWrapper<MessageFilter> filter = new ReadOnlyObjectWrapper<>(this, "filter", MessageFilter.ALL);
    private final ReadOnlyBooleanWrapper filtering = new ReadOnlyBooleanWrapper(this, "filtering");
    private final ReadOnlyObjectWrapper<Text> filterStatus = new ReadOnlyObjectWrapper<>(this, "filterStatus");
    private final ReadOnlyLongWrapper rate = new ReadOnlyLongWrapper(this, "rate");
    private long receivedAtLastTick;
    private final MessageStore store;
    private final TaskExecutor tasks;
    private final FilterRunner filters = new FilterRunner();

    // While a filter runs over a snapshot, what changed since, to bring its result up to date.
    private List<Message> snapshot = List.of();
    private int removedSinceSnapshot;
    private final List<Message> addedSinceSnapshot = new ArrayList<>();
    private long receivedAtPause;

    public MessageLogModel(int capacity, TaskExecutor tasks) {
        this.store = new MessageStore(capacity, Platform::runLater);
        store.addBatchListener(this::apply);
        this.tasks = tasks;
        this.capacity.set(capacity);
        autoScroll.addListener((o, was, now) -> {
            receivedAtPause = received.get() + sent.get();
            arrivedWhilePaused.set(0);
        });
    }

    /** Where the session hands every message, from any thread. */
    public MessageStore store() {
        return store;
    }

    private void apply(MessageStore.Batch batch) {
        MessageFilter f = filter.get();
        if (filtering.get()) {
            addedSinceSnapshot.addAll(batch.added());
        } else if (!f.isAll()) {
            filtered.addAll(f.select(batch.added()));
        }
        held.addAll(batch.added());
        evictOldest(batch.evicted());
        updateCounters();
    }

    /** Removes the {@code gone} oldest held messages, and from the filtered view those of them it shows. */
    private void evictOldest(int gone) {
        if (gone == 0) {
            return;
        }
        if (filtering.get()) {
            removedSinceSnapshot += gone;
        } else if (!filter.get().isAll()) {
            dropEvictedFromFiltered(held.subList(0, gone));
        }
        held.remove(0, gone);
    }

    /** The evicted messages are the oldest held; those that matched are the oldest filtered, in the same order. */
    private void dropEvictedFromFiltered(List<Message> gone) {
        int k = 0;
        for (int j = 0; j < gone.size() && k < filtered.size(); j++) {
            if (filtered.get(k) == gone.get(j)) {
                k++;
            }
        }
        if (k > 0) {
            filtered.remove(0, k);
        }
    }

    private void updateCounters() {
        // Counters are atomics written off the FX thread; read them once per batch.
        received.set(store.received());
        sent.set(store.sent());
        evicted.set(store.evicted());
        if (!autoScroll.get()) {
            arrivedWhilePaused.set(received.get() + sent.get() - receivedAtPause);
        }
        if (!filter.get().isAll() && !filtering.get()) {
            filterStatus.set(Text.of("log.filter.status", filtered.size(), held.size()));
        }
    }

    /** Shows only what matches; {@link MessageFilter#ALL} shows everything again. */
    public void applyFilter(MessageFilter next) {
        filters.cancel();
        filter.set(next);
        filtered.clear();
        if (next.isAll()) {
            filtering.set(false);
            filterStatus.set(null);
            visible.set(held);
            return;
        }
        visible.set(filtered);
        filtering.set(true);
        filterStatus.set(Text.of("log.filter.running"));
        List<Message> taken = new ArrayList<>(held);
        snapshot = taken;
        removedSinceSnapshot = 0;
        addedSinceSnapshot.clear();
        tasks.execute(BackgroundTask.spread((workers, context) ->
                        filters.start(next, taken, context.progress(), workers).result())
                .onSuccess(result -> {
                    if (filter.get() == next) { // else a newer filter replaced this one
                        finishFilter(next, result.matches());
                    }
                })
                .onFailure(error -> {
                    if (filter.get() == next) {
                        filterStatus.set(Text.of("log.filter.failed", BackgroundTask.words(error)));
                        filtering.set(false);
                    }
                }));
    }

    private void finishFilter(MessageFilter f, List<Message> matches) {
        // Bring the snapshot's result up to date: drop what was evicted since, add what came since.
        int fromSnapshot = Math.min(removedSinceSnapshot, snapshot.size());
        Set<Message> gone = Collections.newSetFromMap(new IdentityHashMap<>());
        gone.addAll(snapshot.subList(0, fromSnapshot));
        int skip = 0;
        while (skip < matches.size() && gone.contains(matches.get(skip))) {
            skip++;
        }
        int addedGone = Math.min(addedSinceSnapshot.size(), removedSinceSnapshot - fromSnapshot);
        List<Message> result = new ArrayList<>(matches.subList(skip, matches.size()));
        result.addAll(f.select(addedSinceSnapshot.subList(addedGone, addedSinceSnapshot.size())));
        filtered.setAll(result);
        snapshot = List.of();
        addedSinceSnapshot.clear();
        filtering.set(false);
        updateCounters();
    }

    /** Holds at most this many messages from now on; the oldest beyond are evicted and counted. */
    public void setCapacity(int max) {
        evictOldest(store.resize(max));
        capacity.set(max);
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
        held.clear();
        filtered.clear();
        snapshot = List.of();
        addedSinceSnapshot.clear();
        removedSinceSnapshot = 0;
        receivedAtPause = 0;
        updateCounters();
    }

    /** Every message held, oldest first (the filtered view is {@link #visibleProperty()}). */
    public ObservableList<Message> held() {
        return held;
    }

    public ReadOnlyObjectProperty<ObservableList<Message>> visibleProperty() {
        return visible.getReadOnlyProperty();
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

    public ReadOnlyIntegerProperty capacityProperty() {
        return capacity.getReadOnlyProperty();
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

    /** "N of M" while a filter is on, "filtering…" while it runs, null without a filter. */
    public ReadOnlyObjectProperty<Text> filterStatusProperty() {
        return filterStatus.getReadOnlyProperty();
    }
}
