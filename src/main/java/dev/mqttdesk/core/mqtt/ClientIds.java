package dev.mqttdesk.core.mqtt;

import dev.mqttdesk.core.i18n.InputField;
import dev.mqttdesk.core.i18n.InvalidInputException;

import java.nio.charset.StandardCharsets;

/** MQTT's rules for a client id: a UTF-8 string (no NUL, no broken character) of at most 65,535 bytes. */
final class ClientIds {

    static final int MAX_BYTES = 65_535;

    private ClientIds() {
    }

    static void requireValid(String clientId) {
        if (clientId.indexOf('\u0000') >= 0) {
            throw new InvalidInputException(InputField.CLIENT_ID, "error.clientId.invalid");
        }
        for (int i = 0; i < clientId.length(); i++) {
            char c = clientId.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < clientId.length() && Character.isLowSurrogate(clientId.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new InvalidInputException(InputField.CLIENT_ID, "error.clientId.brokenCharacter");
            }
        }
        // Cheap bound first: at most three UTF-8 bytes per UTF-16 unit.
        if (clientId.length() > MAX_BYTES / 3 && clientId.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new InvalidInputException(InputField.CLIENT_ID, "error.clientId.tooLong", String.valueOf(MAX_BYTES));
        }
    }
}
