package dev.mqttdesk.core.mqtt;

import dev.mqttdesk.core.message.UserProperty;
import dev.mqttdesk.core.i18n.InputField;
import dev.mqttdesk.core.i18n.InvalidInputException;
import dev.mqttdesk.core.topic.Topics;

import java.util.List;

/**
 * The last will: what the broker publishes for us when the connection ends without a DISCONNECT
 * (or with one that asks for it), or when another client takes the session over. MQTT 3.1.1 sends
 * only the topic, message, QoS and retain; the rest is MQTT 5's.
 *
 * @param delaySeconds         how long the broker waits before publishing it (0 = at once)
 * @param messageExpirySeconds how long the will message lives on the broker, or null for as long as it likes
 * @param contentType          null for none; likewise the response topic and correlation data (UTF-8 text)
 */
public record Will(String topic, String message, int qos, boolean retain, long delaySeconds, Long messageExpirySeconds,
                   String contentType, String responseTopic, String correlationData, List<UserProperty> userProperties) {

    public Will {
        try {
            Topics.requireName(topic);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(InputField.WILL_TOPIC, e.text());
        }
        message = message == null ? "" : message;
        if (qos < 0 || qos > 2) {
            throw new InvalidInputException(InputField.WILL_QOS, "error.qos", String.valueOf(qos));
        }
        ConnectOptions.requireFourBytes(delaySeconds, InputField.WILL_DELAY);
        if (messageExpirySeconds != null) {
            ConnectOptions.requireFourBytes(messageExpirySeconds, InputField.WILL_MESSAGE_EXPIRY);
        }
        contentType = emptyToNull(contentType);
        if (contentType != null) {
            ClientIds.requireString(contentType, InputField.WILL_CONTENT_TYPE, "error.string.invalid", "error.string.tooLong");
        }
        responseTopic = emptyToNull(responseTopic);
        if (responseTopic != null) {
            try {
                Topics.requireName(responseTopic);
            } catch (InvalidInputException e) {
                throw new InvalidInputException(InputField.WILL_RESPONSE_TOPIC, e.text());
            }
        }
        correlationData = emptyToNull(correlationData);
        if (correlationData != null && correlationData.length() > ClientIds.MAX_BYTES / 3
                && correlationData.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > ClientIds.MAX_BYTES) {
            throw new InvalidInputException(InputField.WILL_CORRELATION_DATA, "error.string.tooLong",
                    String.valueOf(ClientIds.MAX_BYTES));
        }
        userProperties = userProperties == null ? List.of() : List.copyOf(userProperties);
    }

    /** Just a topic and a message, QoS 0, no MQTT 5 properties. */
    public static Will of(String topic, String message) {
        return new Will(topic, message, 0, false, 0, null, null, null, null, List.of());
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
