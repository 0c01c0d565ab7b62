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
}
