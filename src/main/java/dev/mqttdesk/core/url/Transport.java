package dev.mqttdesk.core.url;

/** How the MQTT bytes travel; each has the port brokers conventionally serve it on. */
public enum Transport {
    TCP("mqtt", 1883, false, false),
    TLS("mqtts", 8883, true, false),
    WEBSOCKET("ws", 8083, false, true),
    WEBSOCKET_TLS("wss", 8084, true, true);

    private final String scheme;
    private final int defaultPort;
    private final boolean secure;
    private final boolean webSocket;

    Transport(String scheme, int defaultPort, boolean secure, boolean webSocket) {
        this.scheme = scheme;
        this.defaultPort = defaultPort;
        this.secure = secure;
        this.webSocket = webSocket;
    }

    /** The scheme this transport is printed with. */
    public String scheme() {
        return scheme;
    }

    public int defaultPort() {
        return defaultPort;
    }

    public boolean secure() {
        return secure;
    }

    public boolean webSocket() {
        return webSocket;
    }
}
