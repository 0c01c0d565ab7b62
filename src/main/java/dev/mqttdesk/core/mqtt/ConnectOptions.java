package dev.mqttdesk.core.mqtt;

import dev.mqttdesk.core.message.UserProperty;
import dev.mqttdesk.core.i18n.InputField;
import dev.mqttdesk.core.i18n.InvalidInputException;

import java.util.List;

/**
 * MQTT 5's CONNECT properties. MQTT 3.1.1 has none of them: its client sends none.
 *
 * @param sessionExpirySeconds how long the broker keeps the session after the connection ends (0 = it ends with it)
 * @param receiveMaximum       how many QoS 1 and 2 messages the broker may have in flight to us
 * @param maximumPacketSize    the largest packet, in bytes, the broker may send us
 * @param topicAliasMaximum    how many topic aliases the broker may use towards us (0 = none)
 */
public record ConnectOptions(long sessionExpirySeconds, int receiveMaximum, int maximumPacketSize, int topicAliasMaximum,
                             boolean requestResponseInformation, boolean requestProblemInformation,
                             List<UserProperty> userProperties) {

    /** The largest four-byte integer MQTT has (session expiry, will delay, message expiry). */
    public static final long MAX_FOUR_BYTES = 4_294_967_295L;
    public static final int DEFAULT_RECEIVE_MAXIMUM = 65_535;
    /** MQTT's largest packet (MQTT 5.0 §2.2.3), what a client without the property takes. */
    public static final int DEFAULT_MAXIMUM_PACKET_SIZE = 268_435_460;
    public static final int MAX_TWO_BYTES = 65_535;

    /** What MQTT means when the properties are left out. */
    public static final ConnectOptions DEFAULT = new ConnectOptions(0, DEFAULT_RECEIVE_MAXIMUM, DEFAULT_MAXIMUM_PACKET_SIZE,
            0, false, true, List.of());

    public ConnectOptions {
        requireFourBytes(sessionExpirySeconds, InputField.SESSION_EXPIRY);
        requireRange(receiveMaximum, 1, MAX_TWO_BYTES, InputField.RECEIVE_MAXIMUM);
        requireRange(maximumPacketSize, 1, DEFAULT_MAXIMUM_PACKET_SIZE, InputField.MAXIMUM_PACKET_SIZE);
        requireRange(topicAliasMaximum, 0, MAX_TWO_BYTES, InputField.TOPIC_ALIAS_MAXIMUM);
        userProperties = userProperties == null ? List.of() : List.copyOf(userProperties);
    }

    public ConnectOptions withSessionExpiry(long seconds) {
        return new ConnectOptions(seconds, receiveMaximum, maximumPacketSize, topicAliasMaximum, requestResponseInformation,
                requestProblemInformation, userProperties);
    }

    static void requireFourBytes(long value, InputField field) {
        requireRange(value, 0, MAX_FOUR_BYTES, field);
    }

    static void requireRange(long value, long min, long max, InputField field) {
        if (value < min || value > max) {
            throw new InvalidInputException(field, "error.range", String.valueOf(min), String.valueOf(max));
        }
    }
}
