package dev.mqttdesk.core.mqtt;

import dev.mqttdesk.core.i18n.InputField;
import dev.mqttdesk.core.i18n.InvalidInputException;

import java.nio.charset.StandardCharsets;

/** MQTT's rules for a client id (and a user name): a UTF-8 string (no NUL, no broken character) of at most 65,535 bytes. */
final class ClientIds {

    static final int MAX_BYTES = 65_535;

    private ClientIds() {
    }

    static void requireValid(String clientId) {
        if (clientId.indexOf('\u0000') >= 0) {
            throw new InvalidInputException(InputField.CLIENT_ID, "error.clientId.invalid");
        }
        requireString(clientId, InputField.CLIENT_ID, "error.clientId.brokenCharacter", "error.clientId.tooLong");
    }

    /** An MQTT UTF-8 string (a client id, a user name): no NUL, no broken character, at most 65,535 bytes. */
    static void requireString(String s, InputField field, String brokenKey, String tooLongKey) {
        if (s.indexOf('\u0000') >= 0) {
            throw new InvalidInputException(field, brokenKey);
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new InvalidInputException(field, brokenKey);
            }
        }
        // Cheap bound first: at most three UTF-8 bytes per UTF-16 unit.
        if (s.length() > MAX_BYTES / 3 && s.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new InvalidInputException(field, tooLongKey, String.valueOf(MAX_BYTES));
        }
    }
}
