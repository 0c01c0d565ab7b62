package dev.mqttdesk.publish;

import dev.mqttdesk.core.i18n.Text;
import dev.mqttdesk.core.mqtt.MqttActionException;
import dev.mqttdesk.core.mqtt.MqttSession;
import dev.mqttdesk.core.topic.Topics;
import dev.mqttdesk.ui.Feedback;
import dev.mqttdesk.ui.FormError;
import dev.mqttdesk.ui.Fx;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import dev.mqttdesk.core.profile.PublishDraft;
import javafx.beans.Observable;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** The publish form: topic, QoS, retain, and the payload as UTF-8 text. */
public final class PublishViewModel {

    private final StringProperty topic = new SimpleStringProperty(this, "topic", "testtopic/1");
    private final IntegerProperty qos = new SimpleIntegerProperty(this, "qos", 0);
    private final BooleanProperty retain = new SimpleBooleanProperty(this, "retain", false);
    private final StringProperty payload = new SimpleStringProperty(this, "payload", "{\"msg\": \"hello\"}");
    private final MqttSession session;
    private final Feedback feedback;
    private final FormError error;

    public PublishViewModel(MqttSession session, Feedback feedback) {
        this.session = session;
        this.feedback = feedback;
        this.error = new FormError(feedback);
    }

    public void publish() {
        String t = topic.get();
        if (!error.allows(session, () -> Topics.requireName(t))) {
            return;
        }
        byte[] bytes = payload.get() == null ? new byte[0] : payload.get().getBytes(StandardCharsets.UTF_8);
        session.publish(t, qos.get(), retain.get(), bytes).whenComplete((ok, failure) -> Fx.run(() -> {
            if (failure == null) {
                feedback.info(Text.of("toast.published", t));
            } else {
                error.show(MqttActionException.textOf(failure));
            }
        }));
    }

    /** Fills the box from a saved draft. */
    public void load(PublishDraft draft) {
        topic.set(draft.topic() == null ? "" : draft.topic());
        qos.set(Math.max(0, Math.min(2, draft.qos())));
        retain.set(draft.retain());
        payload.set(draft.payload() == null ? "" : draft.payload());
    }

    public PublishDraft draft() {
        return new PublishDraft(topic.get(), qos.get(), retain.get(), payload.get());
    }

    /** What is saved with the connection. */
    public List<Observable> savedState() {
        return List.of(topic, qos, retain, payload);
    }

    public StringProperty topicProperty() { return topic; }
    public IntegerProperty qosProperty() { return qos; }
    public BooleanProperty retainProperty() { return retain; }
    public StringProperty payloadProperty() { return payload; }
    public ReadOnlyStringProperty errorProperty() { return error.messageProperty(); }
}
