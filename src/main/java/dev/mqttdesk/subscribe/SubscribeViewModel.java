package dev.mqttdesk.subscribe;

import dev.mqttdesk.core.i18n.Text;
import dev.mqttdesk.core.log.Message;
import dev.mqttdesk.core.log.RowColours;
import dev.mqttdesk.core.mqtt.MqttActionException;
import dev.mqttdesk.core.mqtt.MqttSession;
import dev.mqttdesk.core.mqtt.SessionEvent;
import dev.mqttdesk.core.mqtt.SessionState;
import dev.mqttdesk.core.mqtt.SubscribeOptions;
import dev.mqttdesk.core.mqtt.Subscribed;
import dev.mqttdesk.core.profile.SavedSubscription;
import dev.mqttdesk.core.topic.Topics;
import dev.mqttdesk.ui.Feedback;
import dev.mqttdesk.ui.FormError;
import dev.mqttdesk.ui.Fx;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The subscribe form, the list of active subscriptions, and the connection's saved subscriptions:
 * what was subscribed stays saved across disconnects and is subscribed again on the next connect
 * (when {@link #subscribeOnConnectProperty()} is on), as MQTTX does.
 */
public final class SubscribeViewModel {

    private final StringProperty filter = new SimpleStringProperty(this, "filter", "testtopic/#");
    private final IntegerProperty qos = new SimpleIntegerProperty(this, "qos", 0);
    private final BooleanProperty subscribeOnConnect = new SimpleBooleanProperty(this, "subscribeOnConnect", true);
    private final BooleanProperty noLocal = new SimpleBooleanProperty(this, "noLocal", false);
    private final BooleanProperty retainAsPublished = new SimpleBooleanProperty(this, "retainAsPublished", false);
    private final IntegerProperty retainHandling = new SimpleIntegerProperty(this, "retainHandling", 0);
    private final BooleanProperty mqtt5 = new SimpleBooleanProperty(this, "mqtt5", true);
    private final ObservableList<Subscription> subscriptions = FXCollections.observableArrayList();
    private final ObservableList<SavedSubscription> saved = FXCollections.observableArrayList();
    private final MqttSession session;
    private final Feedback feedback;
    private final FormError error;
    /** {@code --connect NAME}: subscribe the saved ones on this connect even with the switch off. */
    private boolean subscribeOnThisConnect;
    /** The subscriptions the session's last event carried. */
    private List<Subscribed> shown = List.of();
    /** Subscriptions the broker refused on this session, with its reason: they keep a row until dropped. */
    private final Map<String, Subscription> refused = new LinkedHashMap<>();
    /**
     * The saved filters and those asked for, with their colours: the store colours each received row
     * by it as the row comes. A filter is in it before its SUBSCRIBE goes, so the retained messages
     * that follow the grant at once are coloured too.
     */
    private final RowColours rowColours = new RowColours();

    public SubscribeViewModel(MqttSession session, Feedback feedback) {
        this.session = session;
        this.feedback = feedback;
        this.error = new FormError(feedback);
    }

    /** Fills the saved part from a saved connection; nothing is sent until it connects. */
    public void load(List<SavedSubscription> savedSubscriptions, boolean onConnect) {
        saved.setAll(savedSubscriptions);
        savedSubscriptions.forEach(s -> rowColours.put(s.filter(), Math.floorMod(s.colour(), Subscription.COLOURS)));
        subscribeOnConnect.set(onConnect);
    }

    public void subscribe() {
        String f = filter.get();
        SubscribeOptions options = new SubscribeOptions(qos.get(), noLocal.get(), retainAsPublished.get(),
                retainHandling.get());
        if (error.allows(session, () -> {
            sent(options).check(Topics.requireFilter(f));
            session.requireAllowedSubscription(f);
        })) {
            subscribe(f, options, true);
        }
    }

    /** MQTT 3.1.1 sends only the QoS; the other options stay asked for, and saved. */
    private SubscribeOptions sent(SubscribeOptions asked) {
        return mqtt5.get() ? asked : SubscribeOptions.qos(asked.qos());
    }

    private void subscribe(String f, SubscribeOptions options, boolean toast) {
        // The row comes from the session's own event when the broker grants it (in the order the
        // session went through things); here only what the user asked for is remembered.
        int colour = colourOf(f);
        rowColours.put(f, colour);
        session.subscribe(f, sent(options)).whenComplete((ok, failure) -> Fx.run(() -> {
            refused.remove(f);
            if (failure != null) {
                if (!isSaved(f)) {
                    rowColours.remove(f);
                }
                Text reason = MqttActionException.brokerReason(failure);
                if (reason != null) {
                    refused.put(f, Subscription.refused(f, options.qos(), colour, Text.of("subscription.refused", reason)));
                }
                render();
                error.show(MqttActionException.textOf(failure));
                return;
            }
            remember(SavedSubscription.of(f, options, colour));
            render();
            if (toast) {
                feedback.info(Text.of("toast.subscribed", f, String.valueOf(options.qos())));
            }
        }));
    }

    /** Subscribes every saved subscription, as on connecting; one toast for all of them. */
    public void subscribeSaved() {
        if (saved.isEmpty()) {
            return;
        }
        for (SavedSubscription s : List.copyOf(saved)) {
            subscribe(s.filter(), s.options(), false);
        }
        feedback.info(Text.of("toast.subscribedSaved", saved.size()));
    }

    /** The next successful connect subscribes the saved subscriptions whatever the switch says. */
    public void subscribeSavedOnThisConnect() {
        subscribeOnThisConnect = true;
    }

    /** Unsubscribes the filter in the field. */
    public void unsubscribe() {
        String f = filter.get();
        if (validate(f)) {
            unsubscribe(f);
        }
    }

    /** Unsubscribes one filter, as the list's per-row button does; it is no longer saved either. */
    public void unsubscribe(String f) {
        if (refused.remove(f) != null && shown.stream().noneMatch(s -> s.filter().equals(f))) {
            // The broker never had it: drop the row, nothing to send.
            saved.removeIf(s -> s.filter().equals(f));
            rowColours.remove(f);
            render();
            return;
        }
        session.unsubscribe(f).whenComplete((ok, failure) -> Fx.run(() -> {
            if (failure != null) {
                fail(failure);
                return;
            }
            saved.removeIf(s -> s.filter().equals(f));
            rowColours.remove(f);
            feedback.info(Text.of("toast.unsubscribed", f));
        }));
    }

    /**
     * Every event carries the subscriptions as the session knows them: the list shows exactly
     * that (empty once the session ended; rows the broker may not have are marked).
     */
    public void onSessionEvent(SessionEvent event, SessionState previous) {
        shown = event.subscriptions();
        if (event.state() != SessionState.CONNECTED) {
            refused.clear(); // a refusal belongs to the session that said it
        }
        render();
        if (!event.isStateChange()) {
            return;
        }
        if (event.state() == SessionState.CONNECTED && previous == SessionState.CONNECTING
                && (subscribeOnConnect.get() || subscribeOnThisConnect)) {
            subscribeSaved();
        }
        if (event.state() == SessionState.CONNECTED || event.state() == SessionState.DISCONNECTED) {
            subscribeOnThisConnect = false;
        }
    }

    private void render() {
        List<Subscription> rows = new ArrayList<>(shown.size());
        for (Subscribed s : shown) {
            rows.add(new Subscription(s.filter(), s.qos(), colourOf(s.filter()), s.standing()));
        }
        for (Subscription r : refused.values()) {
            if (shown.stream().noneMatch(s -> s.filter().equals(r.filter()))) {
                rows.add(r);
            }
        }
        if (!rows.equals(subscriptions)) {
            subscriptions.setAll(rows);
        }
    }

    private void remember(SavedSubscription s) {
        for (int i = 0; i < saved.size(); i++) {
            if (saved.get(i).filter().equals(s.filter())) {
                saved.set(i, s);
                return;
            }
        }
        saved.add(s);
    }

    /**
     * A filter keeps its colour (saved, or asked for and not yet granted); a new one takes the first
     * colour no other uses, or round again.
     */
    private int colourOf(String f) {
        int known = rowColours.ofFilter(f);
        if (known != Message.NO_COLOUR) {
            return known;
        }
        for (int c = 0; c < Subscription.COLOURS; c++) {
            if (!rowColours.uses(c)) {
                return c;
            }
        }
        return saved.size() % Subscription.COLOURS;
    }

    private boolean isSaved(String f) {
        return saved.stream().anyMatch(s -> s.filter().equals(f));
    }

    /** The colours the store gives received rows as they come (read on the network thread). */
    public RowColours rowColours() {
        return rowColours;
    }

    private boolean validate(String f) {
        return error.allows(session, () -> Topics.requireFilter(f));
    }

    private void fail(Throwable failure) {
        error.show(MqttActionException.textOf(failure));
    }

    /** What is saved with the connection. */
    public List<Observable> savedState() {
        return List.of(saved, subscribeOnConnect);
    }

    public StringProperty filterProperty() { return filter; }
    public IntegerProperty qosProperty() { return qos; }
    public BooleanProperty subscribeOnConnectProperty() { return subscribeOnConnect; }
    /** MQTT 5: the broker does not send our own publishes back to us. */
    public BooleanProperty noLocalProperty() { return noLocal; }
    /** MQTT 5: forwarded retained messages keep their retain flag. */
    public BooleanProperty retainAsPublishedProperty() { return retainAsPublished; }
    /** MQTT 5: 0 send retained messages, 1 only for a new subscription, 2 never. */
    public IntegerProperty retainHandlingProperty() { return retainHandling; }
    /** Whether the connection speaks MQTT 5 (the options are sent) or 3.1.1 (only the QoS is). */
    public BooleanProperty mqtt5Property() { return mqtt5; }
    public ReadOnlyStringProperty errorProperty() { return error.messageProperty(); }
    public ObservableList<Subscription> subscriptions() { return subscriptions; }
    public ObservableList<SavedSubscription> saved() { return saved; }
}
