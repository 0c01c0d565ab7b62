package dev.mqttdesk.log.detail;

/** The views of one message in the detail pane, one tab each. */
public enum DetailTab {
    TEXT, JSON, HEX, BASE64, PROPERTIES, DIFF
}
