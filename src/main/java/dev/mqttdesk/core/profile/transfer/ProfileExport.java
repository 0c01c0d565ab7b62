package dev.mqttdesk.core.profile.transfer;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.mqttdesk.core.profile.SavedConnection;
import dev.mqttdesk.core.profile.store.Json;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Writes MQTT Desk's own export of some saved connections. Passwords stay out unless asked for. */
public final class ProfileExport {

    private ProfileExport() {
    }

    /** The export document of these connections and the folders they sit in. */
    public static ExportDocument of(List<SavedConnection> connections, boolean withPasswords) {
        Set<String> folders = new LinkedHashSet<>();
        for (SavedConnection c : connections) {
            if (!c.folder().isEmpty()) {
                folders.add(c.folder());
            }
        }
        List<SavedConnection> written = withPasswords ? connections
                : connections.stream().map(SavedConnection::withoutPassword).toList();
        return new ExportDocument(ExportDocument.FORMAT, ExportDocument.SCHEMA_VERSION, List.copyOf(folders), written);
    }

    public static byte[] toBytes(List<SavedConnection> connections, boolean withPasswords) {
        try {
            return Json.MAPPER.writeValueAsBytes(of(connections, withPasswords));
        } catch (JsonProcessingException e) {
            // records of strings, numbers and lists always serialize; this would be a bug in the model
            throw new IllegalStateException(e);
        }
    }
}
