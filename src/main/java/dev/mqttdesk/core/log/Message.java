package dev.mqttdesk.core.log;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One message as the log keeps it. The payload's bytes are held once, as they came; text and
 * other views are decoded only when shown.
 *
 * @param properties MQTT 5 properties worth showing (content type, user properties ...), empty otherwise
 */
public record Message(long timestampMillis, Direction direction, String topic, int qos, boolean retain,
                      byte[] payload, Map<String, String> properties) {

    public Message {
        // Most messages carry no properties: they all share one empty map.
        properties = properties == null || properties.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    public static Message received(String topic, int qos, boolean retain, byte[] payload, Map<String, String> properties) {
        return new Message(System.currentTimeMillis(), Direction.RECEIVED, topic, qos, retain, payload, properties);
    }

    public static Message sent(String topic, int qos, boolean retain, byte[] payload) {
        return new Message(System.currentTimeMillis(), Direction.SENT, topic, qos, retain, payload, Map.of());
    }

    /** The payload as UTF-8 text; malformed bytes become U+FFFD so they stay visible. */
    public String payloadText() {
        return new String(payload, StandardCharsets.UTF_8);
    }
}
