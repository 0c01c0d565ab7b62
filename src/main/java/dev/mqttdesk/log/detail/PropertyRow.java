package dev.mqttdesk.log.detail;

/** One MQTT 5 property of a message, as the properties table shows it. */
public record PropertyRow(String name, String value) {
}
