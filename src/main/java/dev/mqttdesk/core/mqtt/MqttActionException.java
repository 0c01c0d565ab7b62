package dev.mqttdesk.core.mqtt;

import dev.mqttdesk.core.i18n.Text;

/** An MQTT action that did not succeed, with the reason in words. */
public final class MqttActionException extends RuntimeException {

    private final Text text;
    private final boolean byBroker;

    public MqttActionException(Text text, Throwable cause) {
        this(text, cause, false);
    }

    private MqttActionException(Text text, Throwable cause, boolean byBroker) {
        super(text.toString(), cause);
        this.text = text;
        this.byBroker = byBroker;
    }

    /** The broker answered and said no (a reason code of 0x80 or more): nothing was wrong with the link. */
    static MqttActionException refusedByBroker(Text text) {
        return new MqttActionException(text, null, true);
    }

    /** Whether an action's future failed because the broker refused it, as data (not by its words). */
    public static boolean isRefusedByBroker(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof MqttActionException a && a.byBroker) {
                return true;
            }
        }
        return false;
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
