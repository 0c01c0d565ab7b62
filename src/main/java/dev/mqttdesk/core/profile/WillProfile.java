package dev.mqttdesk.core.profile;

/**
 * The last will as the form saves it: text as typed; an empty topic means no will.
 *
 * @param userProperties one {@code name=value} per line
 */
public record WillProfile(String topic, String message, int qos, boolean retain, String delay, String messageExpiry,
                          String contentType, String responseTopic, String correlationData, String userProperties) {
}
