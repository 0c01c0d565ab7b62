package dev.mqttdesk.core.mqtt;

/**
 * One subscription as the session knows it.
 *
 * @param qos the QoS the broker granted (or, for a row not known to the broker, the one asked for)
 */
public record Subscribed(String filter, int qos, Standing standing) {

    /** How sure the session is that the broker has this subscription. */
    public enum Standing {
        /** The broker acknowledged it on this session (or resumed the session that holds it). */
        GRANTED,
        /** Subscribed before, but the broker started a new session and it was not subscribed again. */
        NOT_KNOWN_TO_BROKER,
        /**
         * The broker resumed a session this app did not make, and sends messages on this topic that no
         * subscription known here matches: the broker holds a subscription that covers it.
         */
        RESUMED_NOT_KNOWN_HERE
    }
}
