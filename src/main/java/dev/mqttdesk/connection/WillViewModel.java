package dev.mqttdesk.connection;

import dev.mqttdesk.core.i18n.InputField;
import dev.mqttdesk.core.message.UserProperty;
import dev.mqttdesk.core.mqtt.Will;
import dev.mqttdesk.core.profile.WillProfile;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.List;

/** The last will of the connection form; an empty topic means no will. */
public final class WillViewModel {

    private final StringProperty topic = new SimpleStringProperty(this, "topic", "");
    private final StringProperty message = new SimpleStringProperty(this, "message", "");
    private final ObjectProperty<Integer> qos = new SimpleObjectProperty<>(this, "qos", 0);
    private final BooleanProperty retain = new SimpleBooleanProperty(this, "retain", false);
    private final StringProperty delay = new SimpleStringProperty(this, "delay", "");
    private final StringProperty messageExpiry = new SimpleStringProperty(this, "messageExpiry", "");
    private final StringProperty contentType = new SimpleStringProperty(this, "contentType", "");
    private final StringProperty responseTopic = new SimpleStringProperty(this, "responseTopic", "");
    private final StringProperty correlationData = new SimpleStringProperty(this, "correlationData", "");
    private final StringProperty userProperties = new SimpleStringProperty(this, "userProperties", "");

    /**
     * The will as typed, or null when the topic is empty; refuses bad input with the field it is about.
     * For MQTT 3.1.1 only its topic, message, QoS and retain: the rest is MQTT 5's, shown disabled and not read.
     */
    public Will will(boolean mqtt5) {
        if (topic.get() == null || topic.get().isEmpty()) {
            return null;
        }
        if (!mqtt5) {
            return new Will(topic.get(), message.get(), qos.get() == null ? 0 : qos.get(), retain.get(), 0, null, null,
                    null, null, List.of());
        }
        long delaySeconds = FormNumbers.orDefault(delay.get(), 0, InputField.WILL_DELAY);
        String expiry = messageExpiry.get() == null ? "" : messageExpiry.get().strip();
        Long expirySeconds = expiry.isEmpty() ? null : FormNumbers.orDefault(expiry, 0, InputField.WILL_MESSAGE_EXPIRY);
        return new Will(topic.get(), message.get(), qos.get() == null ? 0 : qos.get(), retain.get(), delaySeconds,
                expirySeconds, contentType.get(), responseTopic.get(), correlationData.get(),
                UserProperty.parse(userProperties.get(), InputField.WILL_USER_PROPERTIES));
    }

    public WillProfile profile() {
        return new WillProfile(topic.get(), message.get(), qos.get() == null ? 0 : qos.get(), retain.get(), delay.get(),
                messageExpiry.get(), contentType.get(), responseTopic.get(), correlationData.get(), userProperties.get());
    }

    /** Fills the will from a profile; none (a profile from before wills were saved) empties it. */
    public void load(WillProfile p) {
        if (p == null) {
            p = new WillProfile("", "", 0, false, "", "", "", "", "", "");
        }
        topic.set(text(p.topic()));
        message.set(text(p.message()));
        qos.set(p.qos() >= 0 && p.qos() <= 2 ? p.qos() : 0);
        retain.set(p.retain());
        delay.set(text(p.delay()));
        messageExpiry.set(text(p.messageExpiry()));
        contentType.set(text(p.contentType()));
        responseTopic.set(text(p.responseTopic()));
        correlationData.set(text(p.correlationData()));
        userProperties.set(text(p.userProperties()));
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    public List<Observable> savedState() {
        return List.of(topic, message, qos, retain, delay, messageExpiry, contentType, responseTopic, correlationData,
                userProperties);
    }

    public StringProperty topicProperty() { return topic; }
    public StringProperty messageProperty() { return message; }
    public ObjectProperty<Integer> qosProperty() { return qos; }
    public BooleanProperty retainProperty() { return retain; }
    public StringProperty delayProperty() { return delay; }
    public StringProperty messageExpiryProperty() { return messageExpiry; }
    public StringProperty contentTypeProperty() { return contentType; }
    public StringProperty responseTopicProperty() { return responseTopic; }
    public StringProperty correlationDataProperty() { return correlationData; }
    public StringProperty userPropertiesProperty() { return userProperties; }
}
