package dev.mqttdesk.core.log;

/**
 * Lets messages on the same topic share one topic string. A million messages on a few thousand
 * topics would otherwise hold a million copies (the client decodes a fresh string for each);
 * sharing saves about 40 + length bytes a message.
 * <p>
 * The cheapest thread-safe way: a fixed table of slots without locks, two slots per hash (the
 * newest string first): a pair that holds an equal string hands it out; otherwise the new string
 * takes the first slot and the one there moves to the second, so two busy topics that share a hash
 * both stay shared. Two threads racing
 * on a slot both get a correct string back, and a {@code String} read through a data race is
 * always whole, because its fields are final. The table never grows, so topics that come and go
 * are not kept alive by it, and topics longer than {@link #MAX_LENGTH} are not kept at all.
 */
final class TopicPool {

    static final int SLOTS = 1 << 15;
    static final int MAX_LENGTH = 256;

    private static final String[] SLOT = new String[SLOTS];

    private TopicPool() {
    }

    static String share(String topic) {
        if (topic == null || topic.length() > MAX_LENGTH) {
            return topic;
        }
        int h = topic.hashCode();
        int i = (h ^ (h >>> 16)) & (SLOTS - 2);
        String first = SLOT[i];
        if (topic.equals(first)) {
            return first;
        }
        String second = SLOT[i + 1];
        if (topic.equals(second)) {
            return second;
        }
        SLOT[i + 1] = first;
        SLOT[i] = topic;
        return topic;
    }
}
