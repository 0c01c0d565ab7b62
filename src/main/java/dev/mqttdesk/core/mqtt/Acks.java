package dev.mqttdesk.core.mqtt;

import com.hivemq.client.mqtt.datatypes.MqttUtf8String;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5PubAckException;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5PubRecException;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5SubAckException;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5UnsubAckException;
import com.hivemq.client.mqtt.mqtt5.message.Mqtt5ReasonCode;
import dev.mqttdesk.core.i18n.Text;

import java.util.Locale;
import java.util.Optional;

/**
 * The reason codes and reason strings of SUBACK, UNSUBACK, PUBACK, PUBREC and PUBCOMP in words (MQTT 5.0 §2.4). */
final class Acks {

    private Acks() {
    }

    /**
     * For example "not authorized (0x87)", then the broker's reason string when it sent one. The key
     * is the code's number: from 0x80 up a code means the same in every packet, and of the codes below
     * only 0x10 (PUBACK, PUBREC) and 0x11 (UNSUBACK) are ever told, each used by one kind of packet.
     */
    static Text words(Mqtt5ReasonCode code, Optional<MqttUtf8String> reasonString) {
        Text name = Text.of("reason." + String.format(Locale.ROOT, "%02x", code.getCode()));
        String hex = String.format(Locale.ROOT, "0x%02X", code.getCode());
        return reasonString.map(s -> Text.of("reason.withString", name, hex, s.toString()))
                .orElseGet(() -> Text.of("reason.plain", name, hex));
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
