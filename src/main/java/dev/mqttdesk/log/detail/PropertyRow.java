package dev.mqttdesk.log.detail;

import dev.mqttdesk.core.i18n.Messages;
import dev.mqttdesk.core.log.payload.Utf8;
import dev.mqttdesk.core.log.payload.VisibleText;
import dev.mqttdesk.core.message.MessageProperties;
import dev.mqttdesk.core.message.PayloadFormat;
import dev.mqttdesk.core.message.UserProperty;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * One MQTT 5 property of a message, as the properties table shows it.
 *
 * @param user a user property: {@code name} is the name it came with, not one of ours
 */
public record PropertyRow(String name, String value, boolean user) {

    /** The rows of {@code p}: MQTT's own properties first (named in the user's language), then each user property in order. */
    static List<PropertyRow> of(MessageProperties p) {
        List<PropertyRow> rows = new ArrayList<>();
        if (p.contentType() != null) {
            rows.add(own("detail.prop.contentType", p.contentType()));
        }
        if (p.payloadFormat() != null) {
            rows.add(own("detail.prop.payloadFormat", Messages.get(p.payloadFormat() == PayloadFormat.UTF_8
                    ? "detail.prop.payloadFormat.utf8" : "detail.prop.payloadFormat.bytes")));
        }
        if (p.messageExpirySeconds() != null) {
            rows.add(own("detail.prop.messageExpiry", Messages.format("detail.prop.seconds", p.messageExpirySeconds())));
        }
        if (p.responseTopic() != null) {
            rows.add(own("detail.prop.responseTopic", p.responseTopic()));
        }
        byte[] correlation = p.correlationData();
        if (correlation != null) {
            rows.add(own("detail.prop.correlationData", correlationText(correlation)));
        }
        for (UserProperty u : p.userProperties()) {
            rows.add(new PropertyRow(u.name(), u.value(), true));
        }
        return rows;
    }

    /** Text when the bytes are UTF-8 with nothing invisible in them, else hex: correlation data is often a binary id. */
    static String correlationText(byte[] bytes) {
        if (Utf8.isValid(bytes)) {
            String text = new String(bytes, StandardCharsets.UTF_8);
            if (text.equals(VisibleText.of(bytes).text()) && text.chars().noneMatch(Character::isISOControl)) {
                return text;
            }
        }
        return Messages.format("detail.prop.hex", HexFormat.ofDelimiter(" ").formatHex(bytes));
    }

    private static PropertyRow own(String key, String value) {
        return new PropertyRow(Messages.get(key), value, false);
    }
}
