package dev.mqttdesk.core.profile;

/**
 * What the user sets once and expects to find again ({@code settings.json}).
 *
 * @param logCapacity the log size a new connection starts with
 * @param theme       {@code "light"} or {@code "dark"}; null follows the system
 * @param language    a language tag such as {@code "en"} or {@code "zh-CN"}; null follows the system
 */
public record AppSettings(int logCapacity, String theme, String language) {

    public static final int DEFAULT_LOG_CAPACITY = 1_000_000;
    public static final int MAX_LOG_CAPACITY = 10_000_000;
    public static final AppSettings DEFAULTS = new AppSettings(DEFAULT_LOG_CAPACITY, null, null);

    public AppSettings {
        // A hand-edited file with nonsense in it falls back to the default rather than failing the start.
        if (logCapacity < 1 || logCapacity > MAX_LOG_CAPACITY) {
            logCapacity = DEFAULT_LOG_CAPACITY;
        }
        theme = blankToNull(theme);
        language = blankToNull(language);
    }

    /** The settings with only a log size: theme and language follow the system. */
    public AppSettings(int logCapacity) {
        this(logCapacity, null, null);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
