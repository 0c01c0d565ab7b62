package dev.mqttdesk.brokerstats;

import dev.mqttdesk.core.i18n.Text;
import dev.mqttdesk.core.log.Direction;
import dev.mqttdesk.core.log.Message;
import dev.mqttdesk.core.log.MessageStore;
import dev.mqttdesk.core.mqtt.MqttActionException;
import dev.mqttdesk.core.mqtt.MqttSession;
import dev.mqttdesk.core.mqtt.SessionState;
import dev.mqttdesk.core.stats.BrokerStats;
import dev.mqttdesk.ui.Fx;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.text.NumberFormat;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The broker statistics of one connection: subscribes to {@code $SYS/#} on that connection while open (the
 * subscription shows in its list and its messages in its log, like any other), reads the {@code $SYS}
 * messages from the connection's own store, and shows what the broker says. FX thread, except where said.
 */
public final class BrokerStatsViewModel {

    /** Without a single {@code $SYS} report for this long after subscribing, the broker most likely publishes none. */
    public static final long QUIET_MILLIS = 15_000;

    private final MqttSession session;
    private final MessageStore store;
    private final ReadOnlyObjectProperty<SessionState> state;
    private final BooleanSupplier subscribedByUser;
    private final LongSupplier clock;
    private final long quietMillis;
    private final BrokerStats stats = new BrokerStats();
    private final Consumer<MessageStore.Batch> feed = this::take;
    private final ChangeListener<SessionState> onState = (o, was, now) -> stateChanged(now);

    private final ReadOnlyObjectWrapper<Text> status = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper version = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper uptime = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper clients = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper messagesIn = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper messagesOut = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper bytesIn = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper bytesOut = new ReadOnlyStringWrapper();
    private final ObservableList<BrokerStats.Entry> entries = FXCollections.observableArrayList();

    /** We subscribed, and the user had not: ours to take back on close. */
    private boolean ours;
    private long subscribedAt;
    private Text refused;
    private boolean closed;

    /**
     * @param subscribedByUser whether the connection already has a {@code $SYS/#} subscription of the user's,
     *                         which closing the statistics leaves alone
     */
    public BrokerStatsViewModel(MqttSession session, MessageStore store, ReadOnlyObjectProperty<SessionState> state,
                                BooleanSupplier subscribedByUser, LongSupplier clock, long quietMillis) {
        this.session = session;
        this.store = store;
        this.state = state;
        this.subscribedByUser = subscribedByUser;
        this.clock = clock;
        this.quietMillis = quietMillis;
    }

    public void open() {
        store.addBatchListener(feed);
        state.addListener(onState);
        stateChanged(state.get());
        refresh();
    }

    /** Called on the store's drain executor: keeps only what is cheap, the {@code $SYS} messages. */
    private void take(MessageStore.Batch batch) {
        for (Message m : batch.added()) {
            if (m.direction() == Direction.RECEIVED && m.topic().startsWith("$SYS/")) {
                stats.accept(m.topic(), m.payload(), m.timestampMillis());
            }
        }
    }

    private void stateChanged(SessionState now) {
        if (now == SessionState.CONNECTED && subscribedAt == 0) {
            subscribe();
        } else if (now != SessionState.CONNECTED) {
            subscribedAt = 0; // connected again later: subscribe again (a clean session forgets it)
        }
        refresh();
    }

    private void subscribe() {
        ours = ours || !subscribedByUser.getAsBoolean();
        subscribedAt = clock.getAsLong();
        refused = null;
        session.subscribe(BrokerStats.FILTER, 0).whenComplete((ok, failure) -> Fx.run(() -> {
            if (failure != null && !closed) {
                refused = MqttActionException.textOf(failure);
                refresh();
            }
        }));
    }

    /** Takes the latest figures; the view calls it about once a second. */
    public void refresh() {
        BrokerStats.Snapshot s = stats.snapshot();
        status.set(statusOf(s));
        version.set(orDash(s.version()));
        uptime.set(orDash(s.uptime()));
        clients.set(s.clients().isPresent() ? NumberFormat.getIntegerInstance().format(s.clients().getAsLong()) : "—");
        messagesIn.set(perSecond(s.messagesInPerSecond()));
        messagesOut.set(perSecond(s.messagesOutPerSecond()));
        bytesIn.set(perSecond(s.bytesInPerSecond()));
        bytesOut.set(perSecond(s.bytesOutPerSecond()));
        if (!entries.equals(s.entries())) {
            entries.setAll(s.entries());
        }
    }

    private Text statusOf(BrokerStats.Snapshot s) {
        if (refused != null) {
            return Text.of("brokerStats.refused", refused);
        }
        if (state.get() != SessionState.CONNECTED) {
            return s.topics() == 0 ? Text.of("brokerStats.notConnected") : Text.of("brokerStats.notConnectedLast");
        }
        if (s.topics() > 0) {
            long ago = Math.max(0, (clock.getAsLong() - s.lastReportMillis()) / 1000);
            return Text.of("brokerStats.receiving", String.valueOf(s.topics()), String.valueOf(ago));
        }
        return clock.getAsLong() - subscribedAt >= quietMillis
                ? Text.of("brokerStats.none", String.valueOf(quietMillis / 1000))
                : Text.of("brokerStats.waiting");
    }

    private static String orDash(String s) {
        return s == null || s.isEmpty() ? "—" : s;
    }

    private static String perSecond(OptionalDouble v) {
        if (v.isEmpty()) {
            return "—";
        }
        NumberFormat f = NumberFormat.getNumberInstance();
        f.setMaximumFractionDigits(v.getAsDouble() < 10 ? 1 : 0);
        return f.format(v.getAsDouble());
    }

    /** Lets go of the store and the state; takes back the subscription if it was ours. */
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        store.removeBatchListener(feed);
        state.removeListener(onState);
        if (ours && state.get() == SessionState.CONNECTED && !subscribedByUser.getAsBoolean()) {
            session.unsubscribe(BrokerStats.FILTER);
        }
    }

    public ReadOnlyObjectProperty<Text> statusProperty() { return status.getReadOnlyProperty(); }
    public ReadOnlyStringProperty versionProperty() { return version.getReadOnlyProperty(); }
    public ReadOnlyStringProperty uptimeProperty() { return uptime.getReadOnlyProperty(); }
    public ReadOnlyStringProperty clientsProperty() { return clients.getReadOnlyProperty(); }
    public ReadOnlyStringProperty messagesInProperty() { return messagesIn.getReadOnlyProperty(); }
    public ReadOnlyStringProperty messagesOutProperty() { return messagesOut.getReadOnlyProperty(); }
    public ReadOnlyStringProperty bytesInProperty() { return bytesIn.getReadOnlyProperty(); }
    public ReadOnlyStringProperty bytesOutProperty() { return bytesOut.getReadOnlyProperty(); }
    public ObservableList<BrokerStats.Entry> entries() { return entries; }
}
