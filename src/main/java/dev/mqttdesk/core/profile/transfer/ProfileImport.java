package dev.mqttdesk.core.profile.transfer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.mqttdesk.core.i18n.InvalidInputException;
import dev.mqttdesk.core.i18n.Text;
import dev.mqttdesk.core.profile.ProfilesDocument;
import dev.mqttdesk.core.profile.SavedConnection;
import dev.mqttdesk.core.profile.store.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Reads a file to import: MQTT Desk's own export, or MQTTX's JSON export (one connection or all of them), told
 * apart by their content. Anything else is refused with a sentence that says what the file is not.
 */
public final class ProfileImport {

    /** Larger than any real export; a bigger file is refused rather than read into memory. */
    static final long MAX_BYTES = 64L * 1024 * 1024;

    private ProfileImport() {
    }

    /** @throws InvalidInputException when the file cannot be read or is neither kind of export */
    public static ImportResult read(Path file, int logCapacity) {
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new InvalidInputException("profiles.import.tooLarge", file.toString());
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InvalidInputException("profiles.import.cannotRead", file.toString(), String.valueOf(e.getMessage()));
        }
        return parse(bytes, logCapacity);
    }

    /** @throws InvalidInputException when the bytes are neither kind of export */
    public static ImportResult parse(byte[] bytes, int logCapacity) {
        JsonNode tree;
        try {
            tree = Json.MAPPER.readTree(bytes);
        } catch (IOException e) {
            String why = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            throw new InvalidInputException("profiles.import.notJson", String.valueOf(why));
        }
        if (tree == null || tree.isMissingNode()) {
            throw new InvalidInputException("profiles.import.empty");
        }
        if (tree.isObject() && tree.has("format")) {
            return ownExport(tree);
        }
        if (MqttxImport.looksLikeMqttx(tree)) {
            return MqttxImport.read(tree, logCapacity);
        }
        throw new InvalidInputException("profiles.import.unknownFormat");
    }

    private static ImportResult ownExport(JsonNode tree) {
        if (!ExportDocument.FORMAT.equals(tree.path("format").asText())) {
            throw new InvalidInputException("profiles.import.unknownFormat");
        }
        JsonNode version = tree.path("schemaVersion");
        if (!version.isIntegralNumber() || version.asInt() < 1) {
            throw new InvalidInputException("profiles.import.noSchemaVersion");
        }
        if (version.asInt() > ExportDocument.SCHEMA_VERSION) {
            throw new InvalidInputException("profiles.import.newerSchema", version.asText(), ExportDocument.SCHEMA_VERSION);
        }
        List<String> folders = new ArrayList<>();
        for (JsonNode f : tree.path("folders")) {
            if (f.isTextual() && !f.asText().isEmpty()) {
                folders.add(f.asText());
            }
        }
        List<ImportedConnection> imported = new ArrayList<>();
        List<Text> skipped = new ArrayList<>();
        JsonNode connections = tree.path("connections");
        if (!connections.isArray()) {
            throw new InvalidInputException("profiles.import.noConnections");
        }
        int position = 0;
        for (JsonNode c : connections) {
            position++;
            String label = c.path("name").isTextual() ? c.path("name").asText() : "#" + position;
            try {
                SavedConnection connection = Json.MAPPER.treeToValue(c, SavedConnection.class);
                if (connection == null) { // a null in the list
                    skipped.add(Text.of("profiles.import.skipped", label, Text.of("profiles.import.notAnObject")));
                } else if (connection.form() == null) {
                    skipped.add(Text.of("profiles.import.skipped", label, Text.of("profiles.import.noForm")));
                } else {
                    imported.add(new ImportedConnection(connection, List.of()));
                }
            } catch (JsonProcessingException | IllegalArgumentException e) {
                String why = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
                skipped.add(Text.of("profiles.import.skipped", label, Text.of("profiles.import.badConnection", String.valueOf(why))));
            }
        }
        return new ImportResult(ImportResult.Source.MQTT_DESK, imported, folders, skipped);
    }

    /**
     * The document with the imported connections added at the end, nothing of it replaced: an id already in
     * use gets a new one, a name already in use gets a number ({@code "Office (2)"}).
     */
    public static ProfilesDocument append(ProfilesDocument into, ImportResult result) {
        List<SavedConnection> all = new ArrayList<>(into.connections());
        Set<String> ids = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (SavedConnection c : all) {
            ids.add(c.id());
            names.add(c.name());
        }
        for (ImportedConnection imported : result.connections()) {
            SavedConnection c = imported.connection();
            String id = ids.contains(c.id()) ? UUID.randomUUID().toString() : c.id();
            String name = c.name();
            for (int n = 2; names.contains(name); n++) {
                name = c.name() + " (" + n + ")";
            }
            ids.add(id);
            names.add(name);
            all.add(id.equals(c.id()) && name.equals(c.name()) ? c : c.withIdAndName(id, name));
        }
        Set<String> folders = new LinkedHashSet<>(into.folders());
        folders.addAll(result.folders());
        for (SavedConnection c : all) {
            if (!c.folder().isEmpty()) {
                folders.add(c.folder());
            }
        }
        return new ProfilesDocument(into.schemaVersion(), List.copyOf(folders), all, into.selectedId());
    }

    /** The connections appended by {@link #append}: those of {@code after} beyond the first {@code before} ones. */
    public static List<SavedConnection> added(ProfilesDocument before, ProfilesDocument after) {
        return after.connections().subList(before.connections().size(), after.connections().size());
    }
}
