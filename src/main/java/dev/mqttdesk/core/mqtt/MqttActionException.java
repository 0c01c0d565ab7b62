package dev.mqttdesk.core.mqtt;

import dev.mqttdesk.core.i18n.Text;

/** An MQTT action that did not succeed, with the reason in words. */
public final class MqttActionException extends RuntimeException {

    private final Text text;

    public MqttActionException(Text text, Throwable cause) {
        super(text.toString(), cause);
        this.text = text;
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
