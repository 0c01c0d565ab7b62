package dev.mqttdesk.core.profile.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.mqttdesk.core.profile.AppSettings;

/** {@code settings.json}: the {@link AppSettings}. */
final class SettingsFormat implements JsonFormat<AppSettings> {

    static final SettingsFormat INSTANCE = new SettingsFormat();

    @Override
    public AppSettings fromTree(JsonNode tree) throws JsonProcessingException {
        if (!tree.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        return Json.MAPPER.treeToValue(tree, AppSettings.class);
    }

    @Override
    public byte[] toBytes(AppSettings value) throws JsonProcessingException {
        return Json.MAPPER.writeValueAsBytes(value);
    }
}
