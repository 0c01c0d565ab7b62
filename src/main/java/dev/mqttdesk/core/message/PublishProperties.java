package dev.mqttdesk.core.message;

import dev.mqttdesk.core.i18n.InputField;
import dev.mqttdesk.core.i18n.InvalidInputException;
import dev.mqttdesk.core.i18n.Text;
import dev.mqttdesk.core.topic.Topics;

import java.nio.charset.StandardCharsets;

/**
 * The publish form's MQTT 5 fields as typed, read into {@link MessageProperties}; what the protocol
 * cannot carry is refused naming the field. Empty fields mean the property is not sent.
 *
 * @param correlationData UTF-8 text, sent as its bytes
 * @param messageExpiry   seconds as digits; empty = the message does not expire
 * @param userProperties  one {@code name=value} per line
 * @param payloadUtf8     send the payload format indicator 1 (the payload is UTF-8 text)
 */
public record PublishProperties(String contentType, String responseTopic, String correlationData, String messageExpiry,
                                String userProperties, boolean payloadUtf8) {

    public static final PublishProperties NONE = new PublishProperties("", "", "", "", "", false);

    public PublishProperties {
        contentType = contentType == null ? "" : contentType;
        responseTopic = responseTopic == null ? "" : responseTopic;
        correlationData = correlationData == null ? "" : correlationData;
        messageExpiry = messageExpiry == null ? "" : messageExpiry;
        userProperties = userProperties == null ? "" : userProperties;
    }

    /** The properties to send; {@link MessageProperties#NONE} when every field is empty. */
    public MessageProperties read() {
        MessageProperties.Builder b = MessageProperties.builder();
        if (!contentType.isEmpty()) {
            b.contentType(string(contentType, InputField.PUB_CONTENT_TYPE, "error.contentType"));
        }
        if (!responseTopic.isEmpty()) {
            try {
                b.responseTopic(Topics.requireName(responseTopic));
            } catch (InvalidInputException e) {
                throw new InvalidInputException(InputField.PUB_RESPONSE_TOPIC, Text.of("error.responseTopic", e.text()));
            }
        }
        if (!correlationData.isEmpty()) {
            b.correlationData(string(correlationData, InputField.PUB_CORRELATION_DATA, "error.correlationData")
                    .getBytes(StandardCharsets.UTF_8));
        }
        String expiry = messageExpiry.strip();
        if (!expiry.isEmpty()) {
            b.messageExpirySeconds(expirySeconds(expiry));
        }
        if (payloadUtf8) {
            b.payloadFormat(PayloadFormat.UTF_8);
        }
        b.userProperties(UserProperty.parse(userProperties, InputField.PUB_USER_PROPERTIES));
        return b.build();
    }

    /** Seconds as a four-byte integer (§3.3.2.3.3): 0 to 4,294,967,295. */
    private static long expirySeconds(String digits) {
        long max = 0xFFFF_FFFFL;
        if (!digits.chars().allMatch(c -> c >= '0' && c <= '9') || digits.length() > 10 || Long.parseLong(digits) > max) {
            throw new InvalidInputException(InputField.PUB_MESSAGE_EXPIRY, "error.messageExpiry", digits, String.valueOf(max));
        }
        return Long.parseLong(digits);
    }

    private static String string(String s, InputField field, String key) {
        Text problem = MqttStrings.problem(s);
        if (problem != null) {
            throw new InvalidInputException(field, Text.of(key, problem));
        }
        return s;
    }
}
