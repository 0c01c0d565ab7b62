package dev.mqttdesk.subscribe;

/**
 * An active subscription as the list shows it.
 *
 * @param colour which of the {@link #COLOURS} marks its messages in the log
 */
public record Subscription(String filter, int qos, int colour) {

    /** Distinct colours for rows of different subscriptions; more subscriptions share them round. */
    public static final int COLOURS = 8;

    public String styleClass() {
        return "sub-colour-" + colour;
    }
}
