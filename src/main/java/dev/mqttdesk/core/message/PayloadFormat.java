package dev.mqttdesk.core.message;

/** MQTT 5's payload format indicator (§3.3.2.3.2): 0 unspecified bytes, 1 UTF-8 text. */
public enum PayloadFormat {
    UNSPECIFIED, UTF_8;

    public int code() {
        return ordinal();
    }
}
