package dev.mqttdesk.core.i18n;

/** Which input a refusal is about, as data: a form marks that field without reading the message's key. */
public enum InputField {
    URL, HOST, PORT, PATH, CLIENT_ID, USERNAME, PASSWORD, KEEP_ALIVE, CONNECT_TIMEOUT, RECONNECT_PERIOD, CA_FILE,
    CLIENT_CERT, CLIENT_KEY, CLIENT_KEY_PASSWORD, PROXY_HOST, PROXY_PORT,
    QOS, TOPIC, FILTER_TEXT,
    /** Not about one field of a form (a command line, a file being read). */
    NONE;

    /** The parts of a broker's address, which the URL field and the host, port and path fields both show. */
    public boolean isAddress() {
        return this == URL || this == HOST || this == PORT || this == PATH;
    }
}
