package dev.mqttdesk.publish;

import dev.mqttdesk.core.i18n.InputField;
import dev.mqttdesk.core.i18n.InvalidInputException;
import dev.mqttdesk.core.i18n.Text;
import dev.mqttdesk.core.message.MessageProperties;
import dev.mqttdesk.core.message.PublishProperties;
import dev.mqttdesk.core.mqtt.MqttActionException;
import dev.mqttdesk.core.mqtt.MqttSession;
import dev.mqttdesk.core.profile.PublishDraft;
import dev.mqttdesk.core.topic.Topics;
import dev.mqttdesk.ui.Feedback;
import dev.mqttdesk.ui.FormError;
import dev.mqttdesk.ui.Fx;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The publish form: topic, QoS, retain, the payload as UTF-8 text, and MQTT 5's properties. On MQTT
 * 3.1.1 the properties stay as typed (the view shows them disabled) and are not sent.
 */
public final class PublishViewModel {

    private final StringProperty topic = new SimpleStringProperty(this, "topic", "testtopic/1");
    private final IntegerProperty qos = new SimpleIntegerProperty(this, "qos", 0);
    private final BooleanProperty retain = new SimpleBooleanProperty(this, "retain", false);
    private final StringProperty payload = new SimpleStringProperty(this, "payload", "{\"msg\": \"hello\"}");
    private final StringProperty contentType = new SimpleStringProperty(this, "contentType", "");
    private final StringProperty responseTopic = new SimpleStringProperty(this, "responseTopic", "");
    private final StringProperty correlationData = new SimpleStringProperty(this, "correlationData", "");
    private final StringProperty messageExpiry = new SimpleStringProperty(this, "messageExpiry", "");
    private final StringProperty userProperties = new SimpleStringProperty(this, "userProperties", "");
    private final BooleanProperty payloadUtf8 = new SimpleBooleanProperty(this, "payloadUtf8", false);
    private final BooleanProperty mqtt5 = new SimpleBooleanProperty(this, "mqtt5", true);
    /** Which field the last refusal was about; NONE when the last action went out. */
    private final ReadOnlyObjectWrapper<InputField> errorField = new ReadOnlyObjectWrapper<>(this, "errorField", InputField.NONE);
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
        MessageProperties properties;
        try {
            Topics.requireName(t);
            properties = mqtt5.get() ? typedProperties().read() : MessageProperties.NONE;
            session.requireAllowedPublish(qos.get(), retain.get());
        } catch (InvalidInputException e) {
            // The field first: the view marks it when the message changes.
            errorField.set(e.field());
            error.show(e.text());
            return;
        }
        errorField.set(InputField.NONE);
        if (!error.allows(session, () -> { })) {
            return;
        }
        byte[] bytes = payload.get() == null ? new byte[0] : payload.get().getBytes(StandardCharsets.UTF_8);
        session.publish(t, qos.get(), retain.get(), bytes, properties).whenComplete((ok, failure) -> Fx.run(() -> {
            if (failure == null) {
                feedback.info(Text.of("toast.published", t));
            } else {
                error.show(MqttActionException.textOf(failure));
            }
        }));
    }

    private PublishProperties typedProperties() {
        return new PublishProperties(contentType.get(), responseTopic.get(), correlationData.get(), messageExpiry.get(),
                userProperties.get(), payloadUtf8.get());
    }

    /** Fills the box from a saved draft. */
    public void load(PublishDraft draft) {
        topic.set(draft.topic() == null ? "" : draft.topic());
        qos.set(Math.max(0, Math.min(2, draft.qos())));
        retain.set(draft.retain());
        payload.set(draft.payload() == null ? "" : draft.payload());
        PublishProperties p = draft.properties();
        contentType.set(p.contentType());
        responseTopic.set(p.responseTopic());
        correlationData.set(p.correlationData());
        messageExpiry.set(p.messageExpiry());
        userProperties.set(p.userProperties());
        payloadUtf8.set(p.payloadUtf8());
    }

    public PublishDraft draft() {
        return new PublishDraft(topic.get(), qos.get(), retain.get(), payload.get(), typedProperties());
    }

    /** What is saved with the connection. */
    public List<Observable> savedState() {
        return List.of(topic, qos, retain, payload, contentType, responseTopic, correlationData, messageExpiry,
                userProperties, payloadUtf8);
    }

    public StringProperty topicProperty() { return topic; }
    public IntegerProperty qosProperty() { return qos; }
    public BooleanProperty retainProperty() { return retain; }
    public StringProperty payloadProperty() { return payload; }
    public StringProperty contentTypeProperty() { return contentType; }
    public StringProperty responseTopicProperty() { return responseTopic; }
    /** UTF-8 text, sent as its bytes. */
    public StringProperty correlationDataProperty() { return correlationData; }
    /** Seconds; empty = the message does not expire. */
    public StringProperty messageExpiryProperty() { return messageExpiry; }
    /** One {@code name=value} per line; repeated names allowed, order kept. */
    public StringProperty userPropertiesProperty() { return userProperties; }
    /** Send the payload format indicator 1: the payload is UTF-8 text. */
    public BooleanProperty payloadUtf8Property() { return payloadUtf8; }
    /** Whether the connection speaks MQTT 5 (the properties are sent) or 3.1.1 (they are not). */
    public BooleanProperty mqtt5Property() { return mqtt5; }
    public ReadOnlyObjectProperty<InputField> errorFieldProperty() { return errorField.getReadOnlyProperty(); }
    public ReadOnlyStringProperty errorProperty() { return error.messageProperty(); }
}
