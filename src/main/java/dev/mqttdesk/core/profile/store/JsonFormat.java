package dev.mqttdesk.core.profile.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/** How one kind of saved file turns into JSON and back. */
public interface JsonFormat<T> {

    /**
     * The value a parsed file holds.
     *
     * @throws NewerSchemaException when a newer MQTT Desk wrote it
     * @throws JsonProcessingException or {@link IllegalArgumentException} when it is JSON but not this kind of file
     */
    T fromTree(JsonNode tree) throws JsonProcessingException, NewerSchemaException;

    byte[] toBytes(T value) throws JsonProcessingException;

    /** Thrown by {@link #fromTree} for a schema version above the one this build writes. */
    final class NewerSchemaException extends Exception {
        public NewerSchemaException(int found, int known) {
            super("schemaVersion " + found + " > " + known);
        }
    }
}
