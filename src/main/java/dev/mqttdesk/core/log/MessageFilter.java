package dev.mqttdesk.core.log;

import dev.mqttdesk.core.i18n.InputField;
import dev.mqttdesk.core.i18n.InvalidInputException;
import dev.mqttdesk.core.log.payload.VisibleText;
import dev.mqttdesk.core.topic.Topics;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Which messages of the log to show: a topic filter with MQTT wildcards, a text the payload
 * contains or a regular expression found in it, and a direction. An empty part lets everything
 * through. Plain text is matched case-sensitively on the payload's UTF-8 bytes (no decoding, so it
 * stays fast over a million messages); a regular expression runs on the payload as the text view
 * shows it, bad bytes as {@code \xNN}, and takes flags inline, such as {@code (?i)} to ignore case.
 * Immutable and thread-safe.
 */
public final class MessageFilter implements Predicate<Message> {

    public static final MessageFilter ALL = new MessageFilter(null, null, null, null);

    private final String topicFilter;
    private final byte[] needle;
    private final Pattern pattern;
    private final Direction direction;

    private MessageFilter(String topicFilter, byte[] needle, Pattern pattern, Direction direction) {
        this.topicFilter = topicFilter;
        this.needle = needle;
        this.pattern = pattern;
        this.direction = direction;
    }

    /**
     * @param topicFilter an MQTT topic filter, or null or empty for any topic
     * @param text        what the payload must contain, or null or empty for any payload
     * @param regex       whether {@code text} is a regular expression
     * @param direction   only messages going this way, or null for both
     * @throws InvalidInputException for a topic filter MQTT would refuse or a broken regular expression
     */
    public static MessageFilter of(String topicFilter, String text, boolean regex, Direction direction) {
        String topic = topicFilter == null || topicFilter.isEmpty() ? null : Topics.requireFilter(topicFilter);
        byte[] needle = null;
        Pattern pattern = null;
        if (text != null && !text.isEmpty()) {
            if (regex) {
                pattern = compile(text);
            } else {
                needle = text.getBytes(StandardCharsets.UTF_8);
            }
        }
        return new MessageFilter(topic, needle, pattern, direction);
    }

    private static Pattern compile(String regex) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new InvalidInputException(InputField.FILTER_TEXT, "log.filter.badRegex", e.getDescription(), Math.max(0, e.getIndex()));
        }
    }

    /** Whether this filter lets every message through. */
    public boolean isAll() {
        return topicFilter == null && needle == null && pattern == null && direction == null;
    }

    @Override
    public boolean test(Message m) {
        return test(m, null);
    }

    /**
     * As {@link #test(Message)}, but a regular expression gives up with a
     * {@link java.util.concurrent.CancellationException} once {@code cancel} is set: a pattern that
     * backtracks for minutes over a big payload must not keep a worker busy after the user moved on.
     */
    boolean test(Message m, Cancellation cancel) {
        if (direction != null && m.direction() != direction) {
            return false;
        }
        if (topicFilter != null && !Topics.matches(topicFilter, m.topic())) {
            return false;
        }
        if (needle != null) {
            return contains(m.payload(), needle);
        }
        if (pattern != null) {
            String text = VisibleText.of(m.payload()).text();
            return pattern.matcher(cancel == null ? text : new CancellableChars(text, cancel)).find();
        }
        return true;
    }

    /** The messages of {@code messages} this filter lets through, in their order. */
    public List<Message> select(List<Message> messages) {
        return select(messages, 0, messages.size());
    }

    List<Message> select(List<Message> messages, int from, int to) {
        List<Message> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            Message m = messages.get(i);
            if (test(m)) {
                out.add(m);
            }
        }
        return out;
    }

    static boolean contains(byte[] hay, byte[] needle) {
        int n = needle.length;
        int last = hay.length - n;
        byte first = needle[0];
        outer:
        for (int i = 0; i <= last; i++) {
            if (hay[i] != first) {
                continue;
            }
            for (int k = 1; k < n; k++) {
                if (hay[i + k] != needle[k]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
