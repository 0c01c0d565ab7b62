package dev.mqttdesk.core.log;

import dev.mqttdesk.core.log.payload.VisibleText;
import dev.mqttdesk.core.message.MessageProperties;

/**
 * One message as the log keeps it. The payload's bytes are held once, as they came; text and
 * other views are decoded only when shown.
 *
 * @param properties its MQTT 5 properties; {@link MessageProperties#NONE} (shared by all) when it has none
 * @param colour     the row colour it arrived with (see {@link RowColours}); {@link #NO_COLOUR} for none
 */
public record Message(long timestampMillis, Direction direction, String topic, int qos, boolean retain,
                      byte[] payload, MessageProperties properties, int colour) {

    /** No row colour: a sent message, or one no subscription's filter matched when it came. */
    public static final int NO_COLOUR = -1;

    public Message {
        topic = TopicPool.share(topic);
        // Most messages carry no properties: they all share one empty instance.
        properties = properties == null || properties.isEmpty() ? MessageProperties.NONE : properties;
    }

    /** A message as it comes in, without a colour yet: the store gives it one as it writes the row. */
    public static Message received(String topic, int qos, boolean retain, byte[] payload, MessageProperties properties) {
        return new Message(System.currentTimeMillis(), Direction.RECEIVED, topic, qos, retain, payload, properties, NO_COLOUR);
    }

    public static Message sent(String topic, int qos, boolean retain, byte[] payload) {
        return sent(topic, qos, retain, payload, MessageProperties.NONE);
    }

    public static Message sent(String topic, int qos, boolean retain, byte[] payload, MessageProperties properties) {
        return new Message(System.currentTimeMillis(), Direction.SENT, topic, qos, retain, payload, properties, NO_COLOUR);
    }

    /** The payload as UTF-8 text; each byte that is not valid UTF-8 shows as {@code \xNN}. */
    public String payloadText() {
        return VisibleText.of(payload).text();
    }

    /**
     * The start of the payload as text, for a table row: at most {@code maxBytes} bytes decoded
     * (cut at a character boundary), so a 10 MB payload costs a row no more than a short one. The
     * detail pane shows the whole payload.
     */
    public String payloadPreview(int maxBytes) {
        if (payload.length <= maxBytes) {
            return payloadText();
        }
        int end = maxBytes;
        // Do not cut a character in two: step back over at most three continuation bytes.
        while (end > Math.max(0, maxBytes - 3) && (payload[end] & 0xC0) == 0x80) {
            end--;
        }
        return VisibleText.of(payload, 0, end).text() + "\u2026";
    }
}
