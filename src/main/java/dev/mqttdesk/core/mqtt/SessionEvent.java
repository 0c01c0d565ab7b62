package dev.mqttdesk.core.mqtt;

import dev.mqttdesk.core.i18n.Text;

/**
 * A change of the session's state, with the reason in words when there is one.
 *
 * @param duplicateClientId the broker dropped us because another client took our client id
 */
public record SessionEvent(SessionState state, Text detail, boolean duplicateClientId) {

    public static SessionEvent of(SessionState state, Text detail) {
        return new SessionEvent(state, detail, false);
    }
}
