package dev.mqttdesk.core.mqtt;

import dev.mqttdesk.core.i18n.InvalidInputException;

import java.nio.charset.StandardCharsets;

/** MQTT's rules for a client id (and a user name): a UTF-8 string (no NUL, no broken character) of at most 65,535 bytes. */
final class ClientIds {

    static final int MAX_BYTES = 65_535;

    private ClientIds() {
    }

    static void requireValid(String clientId) {
        if (clientId.indexOf('\u0000') >= 0) {
            throw new InvalidInputException("error.clientId.invalid");
        }
        requireString(clientId, "error.clientId.brokenCharacter", "error.clientId.tooLong");
    }

    /** An MQTT UTF-8 string (a client id, a user name): no NUL, no broken character, at most 65,535 bytes. */
    static void requireString(String s, String brokenKey, String tooLongKey) {
        if (s.indexOf('\u0000') >= 0) {
            throw new InvalidInputException(brokenKey);
        }
        String clientId = s;
        for (int i = 0; i < clientId.length(); i++) {
            char c = clientId.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < clientId.length() && Character.isLowSurrogate(clientId.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new InvalidInputException(brokenKey);
            }
        }
        // Cheap bound first: at most three UTF-8 bytes per UTF-16 unit.
        if (clientId.length() > MAX_BYTES / 3 && clientId.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new InvalidInputException(tooLongKey, String.valueOf(MAX_BYTES));
        }
    }
}
