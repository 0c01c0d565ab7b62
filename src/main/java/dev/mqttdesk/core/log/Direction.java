package dev.mqttdesk.core.log;

public enum Direction {
    RECEIVED, SENT
}
