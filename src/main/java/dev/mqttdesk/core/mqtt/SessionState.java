package dev.mqttdesk.core.mqtt;

/** The connection's state; the UI shows exactly one of these at a time. */
public enum SessionState {
    DISCONNECTED, CONNECTING, CONNECTED, RECONNECTING;

    /** The style class the UI contract names for this state. */
    public String styleClass() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
