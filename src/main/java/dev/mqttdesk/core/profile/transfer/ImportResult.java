package dev.mqttdesk.core.profile.transfer;

import dev.mqttdesk.core.i18n.Text;

import java.util.List;

/**
 * What a file to import held.
 *
 * @param source      whose export it was
 * @param connections the connections that can be saved, each with what could not be mapped
 * @param folders     folders the connections sit in (also empty ones of an MQTT Desk export)
 * @param skipped     connections that could not be imported at all, each as a sentence naming it and why
 */
public record ImportResult(Source source, List<ImportedConnection> connections, List<String> folders, List<Text> skipped) {

    public enum Source { MQTT_DESK, MQTTX }

    public ImportResult {
        connections = List.copyOf(connections);
        folders = List.copyOf(folders);
        skipped = List.copyOf(skipped);
    }
}
