package dev.mqttdesk.core.message;

import dev.mqttdesk.core.i18n.Text;

import java.nio.charset.StandardCharsets;

/** MQTT's UTF-8 strings (§1.5.4): no U+0000, no broken characters, at most 65,535 bytes. */
final class MqttStrings {

    static final int MAX_BYTES = 65_535;

    private MqttStrings() {
    }

    /** Why {@code s} cannot be sent as an MQTT string, or null when it can. */
    static Text problem(String s) {
        if (s.indexOf('\u0000') >= 0) {
            return Text.of("error.mqttString.nul");
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(++i)))) {
                return Text.of("error.mqttString.badUtf16");
            }
        }
        if (s.length() > MAX_BYTES / 3 && s.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Text.of("error.mqttString.tooLong", String.valueOf(MAX_BYTES));
        }
        return null;
    }
}
