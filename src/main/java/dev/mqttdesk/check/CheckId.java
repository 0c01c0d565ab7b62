package dev.mqttdesk.check;

import java.util.Locale;

/** The items of the readiness check, in the order they run; {@link #id()} is what reports and JSON call them. */
public enum CheckId {
    SCHEME(false),
    PORT(false),
    DOMAIN(false),
    /** ICP filing: listed for the user to confirm by hand, never a verdict. */
    ICP(true),
    DNS(false),
    TCP(false),
    TLS(false),
    WEBSOCKET(false),
    MQTT(false),
    ROUNDTRIP(false),
    /** Advice on client library versions: information, never a verdict. */
    LIBRARY(true),
    /** What WeChat allows a mini-program's sockets, and why the simulator can pass where a phone fails: information. */
    WECHAT_LIMITS(true);

    private final boolean informational;

    CheckId(boolean informational) {
        this.informational = informational;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether this item only informs and leaves the verdict alone. */
    public boolean informational() {
        return informational;
    }

    /** The step's short title, as a bundle key. */
    public String titleKey() {
        return "check.step." + id();
    }
}
