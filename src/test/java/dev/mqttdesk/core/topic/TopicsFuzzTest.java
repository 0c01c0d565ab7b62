package dev.mqttdesk.core.topic;

import dev.mqttdesk.core.i18n.InvalidInputException;
import dev.mqttdesk.testing.BundleKeys;
import dev.mqttdesk.testing.Printable;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Fuzzed topic names and filters, shared subscriptions among them: read or refused in words, matched as MQTT says. */
class TopicsFuzzTest {

    @Property(tries = 10_000)
    void any_text_is_a_topic_name_or_refused_in_words(@ForAll("topicLikeText") String text) {
        BundleKeys.assertFinishesOrRefusesInWords(text, () -> assertEquals(text, Topics.requireName(text)));
    }

    @Property(tries = 10_000)
    void any_text_is_a_topic_filter_or_refused_in_words(@ForAll("topicLikeText") String text) {
        BundleKeys.assertFinishesOrRefusesInWords(text, () -> assertEquals(text, Topics.requireFilter(text)));
    }

    @Property(tries = 10_000)
    void a_topic_name_is_also_a_filter_that_matches_itself(@ForAll("topicLikeText") String text) {
        try {
            Topics.requireName(text);
        } catch (InvalidInputException refused) {
            return;
        }
        if (text.equals("$share") || text.startsWith(Topics.SHARE_PREFIX)) {
            return; // as a filter this is a shared subscription, with rules of its own (MQTT 5.0 §4.8.2)
        }
        assertTrue(Topics.isValidFilter(text), () -> Printable.of(text));
        assertTrue(Topics.matches(text, text), () -> Printable.of(text));
    }

    @Property(tries = 10_000)
    void matching_agrees_with_the_rules_written_level_by_level(@ForAll("smallFilters") String filter,
                                                               @ForAll("smallTopics") String topic) {
        if (!Topics.isValidFilter(filter)) {
            return;
        }
        assertEquals(ReferenceMatcher.matches(filter, topic), Topics.matches(filter, topic),
                () -> "filter " + Printable.of(filter) + " topic " + Printable.of(topic));
    }

    @Provide
    Arbitrary<String> topicLikeText() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("ab/+#$ \u0000").ofMaxLength(12),
                Arbitraries.strings().withChars("ab/+#").ofMaxLength(8).map(s -> "$share/" + s),
                Arbitraries.strings().withChars("ab/+#").ofMaxLength(8).map(s -> "$share/g/" + s),
                Arbitraries.strings().ofMaxLength(20),
                Arbitraries.strings().all().ofMaxLength(20),
                Arbitraries.strings().withChars("\ud800\udc00\udbff\udfffa/").ofMaxLength(6),
                Arbitraries.strings().withChars("a/").ofMinLength(Topics.MAX_BYTES - 2).ofMaxLength(Topics.MAX_BYTES + 2),
                Arbitraries.strings().withChars("中/").ofMinLength(21_840).ofMaxLength(21_850));
    }

    @Provide
    Arbitrary<String> smallFilters() {
        return Arbitraries.strings().withChars("ab/+#$").ofMinLength(1).ofMaxLength(7);
    }

    @Provide
    Arbitrary<String> smallTopics() {
        return Arbitraries.strings().withChars("ab/$").ofMinLength(1).ofMaxLength(7);
    }

    /** MQTT 5.0 §4.7 written the slow, obvious way: split into levels and walk them. */
    static final class ReferenceMatcher {

        static boolean matches(String filter, String topic) {
            String[] f = filter.split("/", -1);
            String[] t = topic.split("/", -1);
            if (topic.startsWith("$") && (f[0].equals("+") || f[0].equals("#"))) {
                return false;
            }
            for (int i = 0; i < f.length; i++) {
                if (f[i].equals("#")) {
                    return true; // also the parent level: "a/#" matches "a"
                }
                if (i >= t.length) {
                    return false;
                }
                if (!f[i].equals("+") && !f[i].equals(t[i])) {
                    return false;
                }
            }
            return f.length == t.length;
        }
    }
}
