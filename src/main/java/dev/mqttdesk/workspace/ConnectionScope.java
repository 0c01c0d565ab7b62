package dev.mqttdesk.workspace;

import dev.mqttdesk.brokerstats.BrokerStatsViewModel;
import dev.mqttdesk.charts.ChartsViewModel;
import dev.mqttdesk.connection.ConnectionViewModel;
import dev.mqttdesk.core.stats.BrokerStats;
import dev.mqttdesk.core.log.MessageStore;
import dev.mqttdesk.core.mqtt.MqttSession;
import dev.mqttdesk.core.mqtt.MqttVersion;
import dev.mqttdesk.core.mqtt.SessionEvent;
import dev.mqttdesk.core.mqtt.SessionState;
import dev.mqttdesk.core.profile.SavedConnection;
import dev.mqttdesk.core.url.BrokerUrl;
import dev.mqttdesk.log.LogExportModel;
import dev.mqttdesk.log.MessageLogModel;
import dev.mqttdesk.log.detail.MessageDetailViewModel;
import dev.mqttdesk.publish.PublishViewModel;
import dev.mqttdesk.subscribe.SubscribeViewModel;
import dev.mqttdesk.tree.TopicTreeModel;
import dev.mqttdesk.ui.TaskGroup;
import dev.mqttdesk.ui.Fx;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyObjectProperty;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One open connection: its session, its message log, its subscriptions and the view models of its
 * parts. Everything it holds belongs to this connection alone, so a message can never show under
 * another one; {@link #close()} releases the client and every listener it put on shared objects, and
 * cancels its background tasks.
 */
public final class ConnectionScope implements AutoCloseable {

    private final TaskGroup tasks;
    private final MqttSession session;
    private final MessageLogModel log;
    private final ConnectionViewModel connection;
    private final SubscribeViewModel subscribe;
    private final PublishViewModel publish;
    private final MessageDetailViewModel detail;
    private final LogExportModel export;
    private final ChartsViewModel charts;
    private final TopicTreeModel tree;
    private final List<Observable> watched = new ArrayList<>();
    private final InvalidationListener onChange;
    private volatile boolean closed;
    /** The last session event shown (FX thread). */
    private long lastSequence;

    /** @param changed told (on the FX thread) whenever something saved with the connection changes */
    ConnectionScope(SavedConnection saved, ScopeServices services, Runnable changed) {
        NamedFeedback feedback = new NamedFeedback(services.feedback(), () -> connection().nameProperty().get());
        tasks = new TaskGroup(services.tasks());
        log = new MessageLogModel(saved.logCapacity(), maxBytes(saved.logMaxMb()), tasks);
        // Always queued, never run in place even on the FX thread: the session hands events over in
        // its order, and runLater keeps that order; running one in place would overtake those queued.
        session = new MqttSession(event -> Fx.later(() -> onSessionEvent(event)), log.store()::add);
        connection = new ConnectionViewModel(session, feedback, BrokerUrl.parse(BuiltInUrls.PREFERRED_TCP));
        connection.load(saved.form());
        connection.nameProperty().set(saved.name());
        connection.savePasswordProperty().set(saved.savePassword());
        connection.passwordProperty().set(saved.password() == null ? "" : saved.password());
        subscribe = new SubscribeViewModel(session, feedback);
        subscribe.load(saved.subscriptions(), saved.subscribeOnConnect());
        log.store().colourWith(subscribe.rowColours());
        publish = new PublishViewModel(session, feedback);
        publish.load(saved.draft());
        // MQTT 3.1.1 has no properties and no subscribe options: the forms keep them, disabled.
        publish.mqtt5Property().bind(connection.versionProperty().isEqualTo(MqttVersion.MQTT_5_0));
        subscribe.mqtt5Property().bind(publish.mqtt5Property());
        detail = new MessageDetailViewModel(tasks);
        export = new LogExportModel(tasks, feedback);
        charts = new ChartsViewModel(log.store(), subscribe.subscriptions(), tasks, feedback);
        tree = new TopicTreeModel(log.store(), tasks, session, feedback);

        onChange = o -> {
            if (!closed) {
                changed.run();
            }
        };
        watched.addAll(connection.savedState());
        watched.addAll(subscribe.savedState());
        watched.addAll(publish.savedState());
        watched.add(log.capacityProperty());
        watched.add(log.maxBytesProperty());
        watched.forEach(o -> o.addListener(onChange));
    }

    private void onSessionEvent(SessionEvent event) {
        if (closed || event.sequence() <= lastSequence) {
            return;
        }
        lastSequence = event.sequence();
        SessionState previous = connection.stateProperty().get();
        connection.onSessionEvent(event);
        subscribe.onSessionEvent(event, previous);
    }

    /**
     * Connects, and once connected subscribes the saved subscriptions even when the connection's own
     * switch for that is off: what {@code --connect NAME} promises.
     */
    public void connectWithSubscriptions() {
        subscribe.subscribeSavedOnThisConnect();
        connection.connect();
    }

    /** Everything about this connection as it is saved. */
    SavedConnection snapshot(String id, String folder) {
        return new SavedConnection(id, connection.nameProperty().get(), folder, connection.profile(),
                connection.savePasswordProperty().get(), connection.passwordProperty().get(),
                subscribe.subscribeOnConnectProperty().get(), List.copyOf(subscribe.saved()), publish.draft(),
                log.capacityProperty().get(), savedMaxMb(log.maxBytesProperty().get()));
    }

    /** The saved byte bound; the default when none is saved or the heap is now too small for it. */
    private static long maxBytes(int savedMb) {
        long bytes = (long) savedMb << 20;
        return savedMb > 0 && bytes <= Runtime.getRuntime().maxMemory() ? bytes : MessageStore.defaultMaxBytes();
    }

    /** 0 while the bound is the default, so it follows the heap; else the MiB the user chose. */
    private static int savedMaxMb(long bytes) {
        return bytes == MessageStore.defaultMaxBytes() ? 0 : (int) (bytes >> 20);
    }

    /** Disconnects and lets go of everything; the scope is not used afterwards. */
    @Override
    public void close() {
        closeAsync();
    }

    /** {@link #close()}, with a future that completes when the client is gone. */
    CompletableFuture<Void> closeAsync() {
        closed = true;
        watched.forEach(o -> o.removeListener(onChange));
        watched.clear();
        tasks.close();
        charts.close();
        tree.close();
        return session.disconnect();
    }

    public boolean isClosed() {
        return closed;
    }

    public ReadOnlyObjectProperty<SessionState> stateProperty() {
        return connection.stateProperty();
    }

    public MqttSession session() { return session; }
    public MessageLogModel log() { return log; }
    public ConnectionViewModel connection() { return connection; }
    public SubscribeViewModel subscribe() { return subscribe; }
    public PublishViewModel publish() { return publish; }
    public MessageDetailViewModel detail() { return detail; }
    public LogExportModel export() { return export; }
    public ChartsViewModel charts() { return charts; }
    public TopicTreeModel tree() { return tree; }

    /** A new broker statistics model over this connection (one per window that shows it). */
    public BrokerStatsViewModel brokerStats() {
        return new BrokerStatsViewModel(session, log.store(), stateProperty(),
                () -> subscribe.saved().stream().anyMatch(s -> s.filter().equals(BrokerStats.FILTER)),
                System::currentTimeMillis, BrokerStatsViewModel.QUIET_MILLIS);
    }
}
