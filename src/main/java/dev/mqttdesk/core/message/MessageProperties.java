package dev.mqttdesk.core.message;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The MQTT 5 properties of one message, as data. Absent ones are null (or empty lists). User
 * properties keep their order and their repeated names, as the protocol does. Most messages carry
 * none: those all share {@link #NONE}, so a log of millions of messages holds one reference each.
 * <p>
 * Subscription identifiers are not here: HiveMQ MQTT Client 1.3 numbers subscriptions itself, uses
 * those numbers to route messages, and hands neither to the application.
 *
 * @param messageExpirySeconds    null when the message does not expire
 * @param correlationData         bytes, not text: shown as text when they are UTF-8, else as hex
 */
public record MessageProperties(String contentType, PayloadFormat payloadFormat, Long messageExpirySeconds,
                                String responseTopic, byte[] correlationData, List<UserProperty> userProperties) {

    public static final MessageProperties NONE =
            new MessageProperties(null, null, null, null, null, List.of());

    public MessageProperties {
        correlationData = correlationData == null ? null : correlationData.clone();
        userProperties = userProperties == null ? List.of() : List.copyOf(userProperties);
    }

    public boolean isEmpty() {
        return contentType == null && payloadFormat == null && messageExpirySeconds == null && responseTopic == null
                && correlationData == null && userProperties.isEmpty();
    }

    /** A copy: the record's array stays as it came. */
    @Override
    public byte[] correlationData() {
        return correlationData == null ? null : correlationData.clone();
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MessageProperties p && Objects.equals(contentType, p.contentType)
                && payloadFormat == p.payloadFormat && Objects.equals(messageExpirySeconds, p.messageExpirySeconds)
                && Objects.equals(responseTopic, p.responseTopic) && Arrays.equals(correlationData, p.correlationData)
                && userProperties.equals(p.userProperties);
    }

    @Override
    public int hashCode() {
        return Objects.hash(contentType, payloadFormat, messageExpirySeconds, responseTopic,
                Arrays.hashCode(correlationData), userProperties);
    }

    @Override
    public String toString() {
        return isEmpty() ? "MessageProperties.NONE" : "MessageProperties[contentType=" + contentType + ", payloadFormat="
                + payloadFormat + ", expiry=" + messageExpirySeconds + ", responseTopic=" + responseTopic
                + ", correlationData=" + (correlationData == null ? null : correlationData.length + " bytes")
                + ", userProperties=" + userProperties + "]";
    }

    /** Collects properties one at a time; {@link #build()} gives {@link #NONE} when none were set. */
    public static final class Builder {
        private String contentType;
        private PayloadFormat payloadFormat;
        private Long messageExpirySeconds;
        private String responseTopic;
        private byte[] correlationData;
        private final List<UserProperty> userProperties = new ArrayList<>();

        private Builder() {
        }

        public Builder contentType(String v) { contentType = v; return this; }
        public Builder payloadFormat(PayloadFormat v) { payloadFormat = v; return this; }
        public Builder messageExpirySeconds(Long v) { messageExpirySeconds = v; return this; }
        public Builder responseTopic(String v) { responseTopic = v; return this; }
        public Builder correlationData(byte[] v) { correlationData = v; return this; }
        public Builder userProperty(String name, String value) { userProperties.add(new UserProperty(name, value)); return this; }
        public Builder userProperties(List<UserProperty> v) { userProperties.addAll(v); return this; }

        public MessageProperties build() {
            MessageProperties p = new MessageProperties(contentType, payloadFormat, messageExpirySeconds, responseTopic,
                    correlationData, userProperties);
            return p.isEmpty() ? NONE : p;
        }
    }
}
