package dev.mqttdesk.core.profile.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.mqttdesk.core.profile.ProfilesDocument;

/** {@code profiles.json}: a {@link ProfilesDocument} with its top-level {@code "schemaVersion"}. */
final class ProfilesFormat implements JsonFormat<ProfilesDocument> {

    static final ProfilesFormat INSTANCE = new ProfilesFormat();

    @Override
    public ProfilesDocument fromTree(JsonNode tree) throws JsonProcessingException, NewerSchemaException {
        if (!tree.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        JsonNode version = tree.get("schemaVersion");
        if (version == null || !version.canConvertToInt() || version.asInt() < 1 || !version.isIntegralNumber()) {
            throw new IllegalArgumentException("no schemaVersion");
        }
        if (version.asInt() > ProfilesDocument.SCHEMA_VERSION) {
            throw new NewerSchemaException(version.asInt(), ProfilesDocument.SCHEMA_VERSION);
        }
        ProfilesDocument document = Json.MAPPER.treeToValue(tree, ProfilesDocument.class);
        if (document.connections().stream().anyMatch(c -> c.form() == null)) {
            throw new IllegalArgumentException("a connection without its form");
        }
        return document;
    }

    @Override
    public byte[] toBytes(ProfilesDocument value) throws JsonProcessingException {
        return Json.MAPPER.writeValueAsBytes(value);
    }
}
