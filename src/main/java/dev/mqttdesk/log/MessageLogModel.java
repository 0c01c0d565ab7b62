package dev.mqttdesk.log;

import dev.mqttdesk.core.log.Message;
import dev.mqttdesk.core.log.MessageStore;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The UI side of the one road from the network to the screen: the store drains on the FX thread,
 * coalesced to one run per frame at most, and each drain lands here as one batch: one
 * {@code addAll} and at most one {@code remove(0, n)} on the table's items.
 */
public final class MessageLogModel {

    public static final int DEFAULT_CAPACITY = 1_000_000;

    private final ObservableList<Message> items = FXCollections.observableArrayList();
    private final ReadOnlyLongWrapper received = new ReadOnlyLongWrapper(this, "received");
    private final ReadOnlyLongWrapper sent = new ReadOnlyLongWrapper(this, "sent");
    private final ReadOnlyLongWrapper evicted = new ReadOnlyLongWrapper(this, "evicted");
    private final MessageStore store;

    public MessageLogModel(int capacity) {
        this.store = new MessageStore(capacity, Platform::runLater, this::apply);
    }

    /** Where the session hands every message, from any thread. */
    public MessageStore store() {
        return store;
    }

    private void apply(MessageStore.Batch batch) {
        items.addAll(batch.added());
        if (batch.evicted() > 0) {
            items.remove(0, batch.evicted());
        }
        // Counters are atomics written off the FX thread; read them once per batch.
        received.set(store.received());
        sent.set(store.sent());
        evicted.set(store.evicted());
    }

    public void clear() {
        store.clear();
        items.clear();
        received.set(0);
        sent.set(0);
        evicted.set(0);
    }

    public ObservableList<Message> items() {
        return items;
    }

    public ReadOnlyLongProperty receivedProperty() {
        return received.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty sentProperty() {
        return sent.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty evictedProperty() {
        return evicted.getReadOnlyProperty();
    }
}
