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

    /**
     * A SUBACK, UNSUBACK, PUBACK, PUBREC or PUBCOMP reason code (MQTT 5), by the client library's name for
     * it (the same name means the same in each of them), with the broker's reason string when it sent one.
     */
    public static Text ack(String name, int code, String reasonString) {
        Text words = Text.of("reason.withCode", Text.of("ack.reason." + name), hex(code));
        return reasonString == null ? words : Text.of("reason.withString", words, reasonString);
    }

    private static String hex(int code) {
        return String.format("0x%02X", code);
    }
}
