package dev.mqttdesk.core.mqtt;

import dev.mqttdesk.core.i18n.Text;

/** MQTT reason codes in words, each with its number as the broker sent it. */
public final class ReasonWords {

    private ReasonWords() {
    }

    /** A CONNACK's reason code (MQTT 5) or return code (MQTT 3.1.1), by the client library's name for it. */
    public static Text connAck(String name, int code) {
        return Text.of("reason.withCode", Text.of("connack.reason." + name), hex(code));
    }

    /** A DISCONNECT's reason code (MQTT 5). */
    public static Text disconnect(String name, int code) {
        return Text.of("reason.withCode", Text.of("disconnect.reason." + name), hex(code));
    }

    private static String hex(int code) {
        return String.format("0x%02X", code);
    }
}
