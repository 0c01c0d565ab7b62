package dev.mqttdesk.connection;

import dev.mqttdesk.core.i18n.Messages;
import dev.mqttdesk.core.i18n.Text;
import dev.mqttdesk.core.mqtt.ConnAck;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** What the broker said in its last CONNACK to this connection, line by line in words. */
public final class ConnAckViewModel {

    /** One line: what it is, and what the broker said. */
    public record Row(String label, String value) {
    }

    private final ReadOnlyObjectWrapper<ConnAck> connAck = new ReadOnlyObjectWrapper<>(this, "connAck");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", Messages.get("connack.title"));
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    /** One wrapper for every caller: it listens to the list weakly, so one made per call could vanish with its listeners. */
    private final ObservableList<Row> readOnlyRows = FXCollections.unmodifiableObservableList(rows);

    /** Shows a CONNACK, or nothing (null: no CONNACK yet on this connection attempt). */
    void show(ConnAck ack) {
        if (ack == connAck.get()) {
            return;
        }
        connAck.set(ack);
        sayAgain();
    }

    /** Puts the CONNACK shown into words, in the language now set (a view made in another language asks). */
    void sayAgain() {
        ConnAck ack = connAck.get();
        // The title says the reason, so that the panel may stay closed.
        title.set(ack == null ? Messages.get("connack.title")
                : Text.of(ack.refused() ? "connack.title.refused" : "connack.title.accepted", ack.reasonWords()).resolve());
        rows.setAll(ack == null ? java.util.List.of() : ack.fields().stream()
                .map(f -> new Row(Messages.get(f.labelKey()), f.value().resolve())).toList());
    }

    public ReadOnlyStringProperty titleProperty() { return title.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<ConnAck> connAckProperty() { return connAck.getReadOnlyProperty(); }
    public ObservableList<Row> rows() { return readOnlyRows; }
}
