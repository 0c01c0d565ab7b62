package dev.mqttdesk.core.profile;

import dev.mqttdesk.core.mqtt.SubscribeOptions;

/**
 * A subscription as a saved connection keeps it, subscribed again when the connection connects.
 *
 * @param colour         which of the log's row colours marks its messages
 * @param retainHandling MQTT 5: 0 send retained, 1 only for a new subscription, 2 never
 */
public record SavedSubscription(String filter, int qos, int colour, boolean noLocal, boolean retainAsPublished,
                                int retainHandling) {

    public static SavedSubscription of(String filter, int qos, int colour) {
        return new SavedSubscription(filter, qos, colour, false, false, 0);
    }

    public static SavedSubscription of(String filter, SubscribeOptions options, int colour) {
        return new SavedSubscription(filter, options.qos(), colour, options.noLocal(), options.retainAsPublished(),
                options.retainHandling());
    }

    /** What the SUBSCRIBE asks for. */
    public SubscribeOptions options() {
        return new SubscribeOptions(qos, noLocal, retainAsPublished, retainHandling);
    }
}
