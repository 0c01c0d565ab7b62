package dev.mqttdesk.core.mqtt;

import dev.mqttdesk.core.i18n.Text;

import java.util.List;

/**
 * Something the session went through, delivered to its listener in the order the session went
 * through it, carrying what the session looked like just then.
 *
 * @param sequence          counts up by one per event of a session: a listener that hops threads
 *                          can tell an old event from a newer one
 * @param kind              a change of state, a change of the subscriptions, or a notice for the user
 * @param state             the session's state after this event (for every kind)
 * @param detail            the reason in words (state changes), or what to tell the user (notices)
 * @param duplicateClientId the broker dropped us because another client took our client id
 * @param byUser            the session is disconnected because the user asked for it (nothing went wrong)
 * @param subscriptions     the subscriptions as the session knows them after this event (immutable)
 * @param connAck           the broker's last CONNACK to this connection attempt (accepting or refusing), or null
 */
public record SessionEvent(long sequence, Kind kind, SessionState state, Text detail, boolean duplicateClientId,
                           boolean byUser, List<Subscribed> subscriptions, ConnAck connAck) {

    public enum Kind { STATE, SUBSCRIPTIONS, NOTICE }

    public SessionEvent {
        subscriptions = List.copyOf(subscriptions);
    }

    /** An event before any CONNACK. */
    public SessionEvent(long sequence, Kind kind, SessionState state, Text detail, boolean duplicateClientId,
                        boolean byUser, List<Subscribed> subscriptions) {
        this(sequence, kind, state, detail, duplicateClientId, byUser, subscriptions, null);
    }

    public boolean isStateChange() {
        return kind == Kind.STATE;
    }
}
