package dev.mqttdesk.core.profile;

/**
 * A connection form as it is saved: everything but the password, which is never written to disk.
 * Numbers stay text so that a half-edited form saves and loads as the user left it.
 */
public record ConnectionProfile(String url, String version, String clientId, String username, String keepAlive,
                                boolean cleanStart, String connectTimeout, String reconnectPeriod, boolean resubscribe,
                                String caFile, boolean skipVerification) {
}
