package dev.mqttdesk.core.mqtt;

import dev.mqttdesk.core.i18n.Text;

/** An MQTT action that did not succeed, with the reason in words. */
public final class MqttActionException extends RuntimeException {

    private final Text text;
    /** The broker's own reason (code and string in words) when it refused; null otherwise. */
    private final Text brokerReason;

    public MqttActionException(Text text, Throwable cause) {
        this(text, cause, null);
    }

    private MqttActionException(Text text, Throwable cause, Text brokerReason) {
        super(text.toString(), cause);
        this.text = text;
        this.brokerReason = brokerReason;
    }

    /** The broker answered and said no (a reason code of 0x80 or more): nothing was wrong with the link. */
    static MqttActionException refusedByBroker(Text text, Text reason) {
        return new MqttActionException(text, null, reason);
    }

    /** Why the broker refused the action, as it said it ("not authorized (0x87)"); null when it did not refuse. */
    public static Text brokerReason(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof MqttActionException a && a.brokerReason != null) {
                return a.brokerReason;
            }
        }
        return null;
    }

    public Text text() {
        return text;
    }

    /** The words for any failure of an action's future: ours as they are, anything else as unexpected. */
    public static Text textOf(Throwable failure) {
        Throwable t = Failures.unwrap(failure);
        return t instanceof MqttActionException a ? a.text()
                : Text.of("error.unexpected", t.getClass().getSimpleName(), String.valueOf(t.getMessage()));
    }
}
