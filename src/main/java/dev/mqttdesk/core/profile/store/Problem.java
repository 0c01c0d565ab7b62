package dev.mqttdesk.core.profile.store;

import dev.mqttdesk.core.i18n.Text;

/** Why a saved file could not be read. Data: the sentence comes from the bundle ({@link #text()}). */
public enum Problem {
    /** Zero bytes, or only white space. */
    EMPTY,
    /** The JSON ends before it is complete: a file cut short. */
    TRUNCATED,
    /** Not JSON at all. */
    NOT_JSON,
    /** JSON, but not what this file holds (wrong types, a missing id, no schema version). */
    NOT_OURS,
    /** Written by a newer MQTT Desk: a schema version this build does not know. */
    NEWER_SCHEMA,
    /** The operating system refused to let us read it. */
    NO_PERMISSION,
    /** A folder (or something else that is not a file) stands where the file should be. */
    NOT_A_FILE,
    /** Another input/output error. */
    READ_ERROR;

    public Text text() {
        return Text.of("profiles.problem." + name());
    }
}
