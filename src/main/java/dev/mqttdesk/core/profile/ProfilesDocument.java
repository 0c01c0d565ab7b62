package dev.mqttdesk.core.profile;

import java.util.List;

/**
 * {@code profiles.json}: every saved connection in sidebar order, the folders (also empty ones) and which
 * connection was selected.
 */
public record ProfilesDocument(int schemaVersion, List<String> folders, List<SavedConnection> connections,
                               String selectedId) {

    /** The version this build writes; a file with a higher one was written by a newer MQTT Desk. */
    public static final int SCHEMA_VERSION = 1;

    public ProfilesDocument {
        folders = folders == null ? List.of() : List.copyOf(folders);
        connections = connections == null ? List.of() : List.copyOf(connections);
    }

    public static ProfilesDocument of(List<String> folders, List<SavedConnection> connections, String selectedId) {
        return new ProfilesDocument(SCHEMA_VERSION, folders, connections, selectedId);
    }
}
