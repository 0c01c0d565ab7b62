package dev.mqttdesk.core.profile;

/** What the user sets once and expects to find again. */
public record AppSettings(int logCapacity) {

    public static final int DEFAULT_LOG_CAPACITY = 1_000_000;
    public static final int MAX_LOG_CAPACITY = 10_000_000;
    public static final AppSettings DEFAULTS = new AppSettings(DEFAULT_LOG_CAPACITY);

    public AppSettings {
        // A hand-edited file with nonsense in it falls back to the default rather than failing the start.
        if (logCapacity < 1 || logCapacity > MAX_LOG_CAPACITY) {
            logCapacity = DEFAULT_LOG_CAPACITY;
        }
    }
}
