package dev.mqttdesk.core.profile;

/**
 * MQTT 5's CONNECT options as the form saves them: text as typed, so a half-edited form loads as it was left.
 * A profile written before these existed has none: the form then shows MQTT's defaults.
 *
 * @param requestProblemInformation null for MQTT's default (on)
 * @param userProperties            one {@code name=value} per line
 */
public record ConnectOptionsProfile(String sessionExpiry, String receiveMaximum, String maximumPacketSize,
                                    String topicAliasMaximum, boolean requestResponseInformation,
                                    Boolean requestProblemInformation, String userProperties) {
}
