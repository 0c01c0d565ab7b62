package dev.mqttdesk.core.i18n;

/** Which input a refusal is about, as data: a form marks that field without reading the message's key. */
public enum InputField {
    URL, HOST, PORT, PATH, CLIENT_ID, USERNAME, PASSWORD, KEEP_ALIVE, CONNECT_TIMEOUT, RECONNECT_PERIOD, CA_FILE,
    CLIENT_CERT, CLIENT_KEY, CLIENT_KEY_PASSWORD, SNI_HOST, PROXY_HOST, PROXY_PORT,
    QOS, RETAIN, TOPIC, FILTER_TEXT,
    /** The value plot's topic and JSON path. */
    PLOT_TOPIC, PLOT_PATH,
    /** MQTT 5's CONNECT properties. */
    SESSION_EXPIRY, RECEIVE_MAXIMUM, MAXIMUM_PACKET_SIZE, TOPIC_ALIAS_MAXIMUM, CONNECT_USER_PROPERTIES,
    /** The last will. */
    WILL_TOPIC, WILL_QOS, WILL_DELAY, WILL_MESSAGE_EXPIRY, WILL_CONTENT_TYPE, WILL_RESPONSE_TOPIC, WILL_CORRELATION_DATA,
    WILL_USER_PROPERTIES,
    /** MQTT 5's PUBLISH properties. */
    PUB_CONTENT_TYPE, PUB_RESPONSE_TOPIC, PUB_CORRELATION_DATA, PUB_MESSAGE_EXPIRY, PUB_USER_PROPERTIES,
    /** Not about one field of a form (a command line, a file being read). */
    NONE;

    /** The parts of a broker's address, which the URL field and the host, port and path fields both show. */
    public boolean isAddress() {
        return this == URL || this == HOST || this == PORT || this == PATH;
    }
}
