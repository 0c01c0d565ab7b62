package dev.mqttdesk.core.profile.transfer;

import dev.mqttdesk.core.profile.SavedConnection;

import java.util.List;

/**
 * MQTT Desk's own export: {@code {"format":"mqtt-desk-profiles","schemaVersion":1,"folders":[…],"connections":[…]}}.
 * The connections are those of {@code profiles.json}, passwords left out unless the user asked for them.
 */
public record ExportDocument(String format, int schemaVersion, List<String> folders, List<SavedConnection> connections) {

    public static final String FORMAT = "mqtt-desk-profiles";
    public static final int SCHEMA_VERSION = 1;

    public ExportDocument {
        folders = folders == null ? List.of() : List.copyOf(folders);
        connections = connections == null ? List.of() : List.copyOf(connections);
    }
}
