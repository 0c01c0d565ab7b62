package dev.mqttdesk.core.mqtt;

import com.hivemq.client.mqtt.datatypes.MqttUtf8String;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5PubAckException;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5PubRecException;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5SubAckException;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5UnsubAckException;
import com.hivemq.client.mqtt.mqtt5.message.Mqtt5ReasonCode;
import dev.mqttdesk.core.i18n.Text;

import java.util.Optional;

/**
 * The reason codes and reason strings of SUBACK, UNSUBACK, PUBACK, PUBREC and PUBCOMP in words (MQTT 5.0 §2.4). */
final class Acks {

    private Acks() {
    }

    /** For example "not authorized (0x87)", then the broker's reason string when it sent one. */
    static <C extends Enum<C> & Mqtt5ReasonCode> Text words(C code, Optional<MqttUtf8String> reasonString) {
        return ReasonWords.ack(code.name(), code.getCode(), reasonString.map(Object::toString).orElse(null));
    }

    /** The words for a refusal the client reports as an exception, or null when {@code error} is none. */
    static Text refusal(Throwable error) {
        if (error instanceof Mqtt5SubAckException e) {
            return words(e.getMqttMessage().getReasonCodes().get(0), e.getMqttMessage().getReasonString());
        }
        if (error instanceof Mqtt5UnsubAckException e) {
            return words(e.getMqttMessage().getReasonCodes().get(0), e.getMqttMessage().getReasonString());
        }
        if (error instanceof Mqtt5PubAckException e) {
            return words(e.getMqttMessage().getReasonCode(), e.getMqttMessage().getReasonString());
        }
        if (error instanceof Mqtt5PubRecException e) {
            return words(e.getMqttMessage().getReasonCode(), e.getMqttMessage().getReasonString());
        }
        return null;
    }
}
