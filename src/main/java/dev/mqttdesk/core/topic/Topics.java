package dev.mqttdesk.core.topic;

import dev.mqttdesk.core.i18n.InputField;
import dev.mqttdesk.core.i18n.InvalidInputException;

import java.nio.charset.StandardCharsets;

/** MQTT's rules for topic names and topic filters (MQTT 5.0 §4.7), and wildcard matching. */
public final class Topics {

    /** A topic is a UTF-8 string whose encoded length fits the protocol's two length bytes. */
    public static final int MAX_BYTES = 65_535;

    private Topics() {
    }

    /** A topic to publish to: no wildcards. Returns it unchanged when valid. */
    public static String requireName(String topic) {
        requireString(topic);
        if (topic.indexOf('+') >= 0 || topic.indexOf('#') >= 0) {
            throw new InvalidInputException(InputField.TOPIC, "error.topic.wildcardInName");
        }
        return topic;
    }

    /** A topic filter to subscribe to: {@code +} fills a whole level, {@code #} only the last one. */
    public static String requireFilter(String filter) {
        requireString(filter);
        if (filter.startsWith(SHARE_PREFIX)) {
            requireShared(filter);
        } else if (filter.equals("$share")) {
            throw new InvalidInputException(InputField.TOPIC, "error.topic.share.incomplete");
        }
        requireLevels(filter);
        return filter;
    }

    /** MQTT 5's shared subscriptions begin so: {@code $share/{ShareName}/{filter}}. */
    public static final String SHARE_PREFIX = "$share/";

    /** A share name of at least one character, no {@code /}, {@code +} or {@code #}, then a filter (MQTT 5.0 §4.8.2). */
    private static void requireShared(String filter) {
        int slash = filter.indexOf('/', SHARE_PREFIX.length());
        String name = slash < 0 ? filter.substring(SHARE_PREFIX.length()) : filter.substring(SHARE_PREFIX.length(), slash);
        if (name.isEmpty() || name.indexOf('+') >= 0 || name.indexOf('#') >= 0) {
            throw new InvalidInputException(InputField.TOPIC, "error.topic.share.name", name);
        }
        if (slash < 0 || slash == filter.length() - 1) {
            throw new InvalidInputException(InputField.TOPIC, "error.topic.share.noFilter", name);
        }
        requireLevels(filter.substring(slash + 1));
    }

    private static void requireLevels(String filter) {
        String[] levels = filter.split("/", -1);
        for (int i = 0; i < levels.length; i++) {
            String level = levels[i];
            if (level.indexOf('#') >= 0 && (!level.equals("#") || i != levels.length - 1)) {
                throw new InvalidInputException(InputField.TOPIC, "error.topic.hashPlacement");
            }
            if (level.indexOf('+') >= 0 && !level.equals("+")) {
                throw new InvalidInputException(InputField.TOPIC, "error.topic.plusPlacement");
            }
        }
    }

    public static boolean isValidFilter(String filter) {
        try {
            requireFilter(filter);
            return true;
        } catch (InvalidInputException e) {
            return false;
        }
    }

    private static void requireString(String topic) {
        if (topic == null || topic.isEmpty()) {
            throw new InvalidInputException(InputField.TOPIC, "error.topic.empty");
        }
        if (topic.indexOf('\u0000') >= 0) {
            throw new InvalidInputException(InputField.TOPIC, "error.topic.nul");
        }
        // Cheap bound first: a UTF-8 byte is at least one per char and at most three per UTF-16 unit.
        if (topic.length() > MAX_BYTES / 3 && topic.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new InvalidInputException(InputField.TOPIC, "error.topic.tooLong", String.valueOf(MAX_BYTES));
        }
        for (int i = 0; i < topic.length(); i++) {
            char c = topic.charAt(i);
            if (Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < topic.length()
                    && Character.isLowSurrogate(topic.charAt(++i)))) {
                throw new InvalidInputException(InputField.TOPIC, "error.topic.badUtf16");
            }
        }
    }

    /**
     * Whether a topic name matches a filter, as a broker decides: wildcards do not match topics
     * that start with {@code $} at the first level, and {@code a/#} also matches {@code a}.
     */
    public static boolean matches(String filter, String topic) {
        if (topic.startsWith("$") && (filter.startsWith("+") || filter.startsWith("#"))) {
            return false;
        }
        int f = 0;
        int t = 0;
        int fl = filter.length();
        int tl = topic.length();
        while (f < fl) {
            char c = filter.charAt(f);
            if (c == '#') {
                return true;
            }
            if (c == '+') {
                while (t < tl && topic.charAt(t) != '/') {
                    t++;
                }
                f++;
            } else {
                if (t >= tl || topic.charAt(t) != c) {
                    // "a/#" matches "a": the filter has "/#" left and the topic ended.
                    return t == tl && f + 1 < fl && c == '/' && filter.charAt(f + 1) == '#' && f + 2 == fl;
                }
                f++;
                t++;
            }
        }
        return t == tl;
    }
}
