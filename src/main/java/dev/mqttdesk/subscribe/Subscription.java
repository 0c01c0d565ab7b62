package dev.mqttdesk.subscribe;

import dev.mqttdesk.core.i18n.Text;
import dev.mqttdesk.core.mqtt.Subscribed;

/**
 * A subscription as the list shows it: what the session says the broker has.
 *
 * @param colour   which of the {@link #COLOURS} marks its messages in the log
 * @param standing whether the broker has it, does not know it, or resumed it without us knowing
 * @param refusal  why the broker refused it (its reason code and string in words); null when it did not
 */
public record Subscription(String filter, int qos, int colour, Subscribed.Standing standing, Text refusal) {

    /** Distinct colours for rows of different subscriptions; more subscriptions share them round. */
    public static final int COLOURS = 8;

    public Subscription(String filter, int qos, int colour) {
        this(filter, qos, colour, Subscribed.Standing.GRANTED, null);
    }

    public Subscription(String filter, int qos, int colour, Subscribed.Standing standing) {
        this(filter, qos, colour, standing, null);
    }

    /** A row for a subscription the broker refused: it stays in the list with the broker's reason. */
    public static Subscription refused(String filter, int qos, int colour, Text why) {
        return new Subscription(filter, qos, colour, Subscribed.Standing.NOT_KNOWN_TO_BROKER, why);
    }

    public String styleClass() {
        return "sub-colour-" + colour;
    }

    /** What the row says besides the filter when the broker's view and ours differ; null when they agree. */
    public Text mark() {
        if (refusal != null) {
            return refusal;
        }
        return switch (standing) {
            case GRANTED -> null;
            case NOT_KNOWN_TO_BROKER -> Text.of("subscription.notKnownToBroker");
            case RESUMED_NOT_KNOWN_HERE -> Text.of("subscription.resumedNotKnownHere");
        };
    }
}
