package dev.mqttdesk.core.log.export;

import dev.mqttdesk.core.log.Direction;
import dev.mqttdesk.core.log.payload.Utf8;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/** The field names and value spellings both formats share, and the payload's two encodings. */
final class Fields {

    static final String TIME = "time";
    static final String MILLIS = "millis";
    static final String DIRECTION = "direction";
    static final String TOPIC = "topic";
    static final String QOS = "qos";
    static final String RETAIN = "retain";
    static final String ENCODING = "encoding";
    static final String PAYLOAD = "payload";
    static final String PROPERTIES = "properties";
    // Inside "properties": only those the message carries.
    static final String CONTENT_TYPE = "contentType";
    static final String PAYLOAD_FORMAT = "payloadFormat";
    static final String MESSAGE_EXPIRY = "messageExpiry";
    static final String RESPONSE_TOPIC = "responseTopic";
    static final String CORRELATION_DATA = "correlationData";
    static final String CORRELATION_DATA_ENCODING = "correlationDataEncoding";
    static final String USER_PROPERTIES = "userProperties";
    static final String NAME = "name";
    static final String VALUE = "value";

    static final String[] CSV_HEADER = {TIME, MILLIS, DIRECTION, TOPIC, QOS, RETAIN, ENCODING, PAYLOAD, PROPERTIES};

    /** The payload is its text: valid UTF-8, so decoding and encoding again gives the same bytes. */
    static final String UTF8 = "utf-8";
    /** The payload is not valid UTF-8 and is written in standard base64. */
    static final String BASE64 = "base64";

    private Fields() {
    }

    static String encoding(byte[] payload) {
        return Utf8.isValid(payload) ? UTF8 : BASE64;
    }

    static String encode(byte[] payload, String encoding) {
        return encoding.equals(UTF8) ? new String(payload, StandardCharsets.UTF_8)
                : Base64.getEncoder().encodeToString(payload);
    }

    static String direction(Direction d) {
        return d.name().toLowerCase(Locale.ROOT);
    }
}
