package dev.mqttdesk.subscribe;

/** An active subscription as the list shows it. */
public record Subscription(String filter, int qos) {
}
