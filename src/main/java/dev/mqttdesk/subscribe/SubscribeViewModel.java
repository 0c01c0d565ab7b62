package dev.mqttdesk.subscribe;

import dev.mqttdesk.core.i18n.Text;
import dev.mqttdesk.core.mqtt.MqttActionException;
import dev.mqttdesk.core.mqtt.MqttSession;
import dev.mqttdesk.core.mqtt.SessionEvent;
import dev.mqttdesk.core.mqtt.SessionState;
import dev.mqttdesk.core.topic.Topics;
import dev.mqttdesk.ui.Feedback;
import dev.mqttdesk.ui.FormError;
import dev.mqttdesk.ui.Fx;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The subscribe form and the list of active subscriptions. */
public final class SubscribeViewModel {

    private final StringProperty filter = new SimpleStringProperty(this, "filter", "testtopic/#");
    private final IntegerProperty qos = new SimpleIntegerProperty(this, "qos", 0);
        private final ObservableList<Subscription> subscriptions = FXCollections.observableArrayList();
    private final MqttSession session;
    private final Feedback feedback;
    private final FormError error;

    public SubscribeViewModel(MqttSession session, Feedback feedback) {
        this.session = session;
        this.feedback = feedback;
        this.error = new FormError(feedback);
    }

    public void subscribe() {
        String f = filter.get();
        int q = qos.get();
        if (!validate(f)) {
            return;
        }
        session.subscribe(f, q).whenComplete((ok, failure) -> Fx.run(() -> {
            if (failure != null) {
                fail(failure);
                return;
            }
            int colour = subscriptions.stream().filter(s -> s.filter().equals(f)).mapToInt(Subscription::colour)
                    .findFirst().orElseGet(this::freeColour);
            subscriptions.removeIf(s -> s.filter().equals(f));
            subscriptions.add(new Subscription(f, q, colour));
            feedback.info(Text.of("toast.subscribed", f, String.valueOf(q)));
        }));
    }

    /** Unsubscribes the filter in the field. */
    public void unsubscribe() {
        String f = filter.get();
        if (validate(f)) {
            unsubscribe(f);
        }
    }

    /** Unsubscribes one filter, as the list's per-row button does. */
    public void unsubscribe(String f) {
        session.unsubscribe(f).whenComplete((ok, failure) -> Fx.run(() -> {
            if (failure != null) {
                fail(failure);
                return;
            }
            subscriptions.removeIf(s -> s.filter().equals(f));
            feedback.info(Text.of("toast.unsubscribed", f));
        }));
    }

    /** A session that ends for good takes its subscriptions with it; a reconnect keeps them. */
    public void onSessionEvent(SessionEvent event) {
        if (event.state() == SessionState.DISCONNECTED) {
            subscriptions.clear();
        }
    }

    /** The first colour no subscription uses, or round again when all are taken. */
    private int freeColour() {
        for (int c = 0; c < Subscription.COLOURS; c++) {
            int candidate = c;
            if (subscriptions.stream().noneMatch(s -> s.colour() == candidate)) {
                return c;
            }
        }
        return subscriptions.size() % Subscription.COLOURS;
    }

    private boolean validate(String f) {
        return error.allows(session, () -> Topics.requireFilter(f));
    }

    private void fail(Throwable failure) {
        error.show(MqttActionException.textOf(failure));
    }

    public StringProperty filterProperty() { return filter; }
    public IntegerProperty qosProperty() { return qos; }
    public ReadOnlyStringProperty errorProperty() { return error.messageProperty(); }
    public ObservableList<Subscription> subscriptions() { return subscriptions; }
}
