package dev.mqttdesk.core.topic;

import dev.mqttdesk.core.i18n.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TopicsTest {

    @ParameterizedTest
    @ValueSource(strings = {"#", "+", "+/+", "a/#", "a/+/b", "$SYS/#", "/", "a//b", "+/tennis/#", "sport/tennis/player1", "传感器/温度"})
    void valid_filters_are_accepted(String filter) {
        assertEquals(filter, Topics.requireFilter(filter));
    }

    @ParameterizedTest
    @CsvSource({
            "a/#/b, error.topic.hashPlacement",
            "a/b#,  error.topic.hashPlacement",
            "#/a,   error.topic.hashPlacement",
            "+a,    error.topic.plusPlacement",
            "a/b+,  error.topic.plusPlacement",
            "a/++,  error.topic.plusPlacement",
    })
    void misplaced_wildcards_are_refused(String filter, String key) {
        assertEquals(key, assertThrows(InvalidInputException.class, () -> Topics.requireFilter(filter)).text().key());
    }

    @Test
    void an_empty_topic_is_refused_as_name_and_as_filter() {
        assertEquals("error.topic.empty", assertThrows(InvalidInputException.class, () -> Topics.requireName("")).text().key());
        assertEquals("error.topic.empty", assertThrows(InvalidInputException.class, () -> Topics.requireFilter("")).text().key());
        assertEquals("error.topic.empty", assertThrows(InvalidInputException.class, () -> Topics.requireName(null)).text().key());
    }

    @Test
    void a_nul_character_is_refused() {
        assertEquals("error.topic.nul", assertThrows(InvalidInputException.class, () -> Topics.requireName("a\u0000b")).text().key());
        assertEquals("error.topic.nul", assertThrows(InvalidInputException.class, () -> Topics.requireFilter("a/\u0000")).text().key());
    }

    @Test
    void a_topic_of_exactly_65535_utf8_bytes_is_allowed_and_one_more_is_not() {
        String max = "a".repeat(65_535);
        assertEquals(max, Topics.requireName(max));
        assertEquals("error.topic.tooLong", assertThrows(InvalidInputException.class, () -> Topics.requireName(max + "b")).text().key());
        // Three bytes per character in UTF-8: 21,845 of them are 65,535 bytes, one more is over.
        String chinese = "中".repeat(21_845);
        assertEquals(chinese, Topics.requireName(chinese));
        assertEquals("error.topic.tooLong", assertThrows(InvalidInputException.class, () -> Topics.requireName(chinese + "中")).text().key());
    }

    @Test
    void wildcards_are_refused_in_a_topic_to_publish_to() {
        assertEquals("error.topic.wildcardInName", assertThrows(InvalidInputException.class, () -> Topics.requireName("a/+")).text().key());
        assertEquals("error.topic.wildcardInName", assertThrows(InvalidInputException.class, () -> Topics.requireName("a/#")).text().key());
        assertEquals("error.topic.badUtf16", assertThrows(InvalidInputException.class, () -> Topics.requireName("a\uD800")).text().key());
    }

    @ParameterizedTest(name = "{0} ~ {1} = {2}")
    @CsvSource({
            "#,            a/b/c,               true",
            "#,            $SYS/broker,         false",
            "$SYS/#,       $SYS/broker/uptime,  true",
            "+/broker,     $SYS/broker,         false",
            "sport/#,      sport,               true",
            "sport/#,      sport/tennis/p1,     true",
            "sport/#,      sports,              false",
            "sport/+,      sport/,              true",
            "sport/+,      sport,               false",
            "sport/+,      sport/tennis/p1,     false",
            "+/+,          /finance,            true",
            "/+,           /finance,            true",
            "+,            /finance,            false",
            "a/+/c,        a/b/c,               true",
            "a/+/c,        a/b/d,               false",
            "a//c,         a//c,                true",
            "a/b,          a/bc,                false",
            "a/b,          a/b,                 true",
    })
    void matching_follows_the_mqtt_rules(String filter, String topic, boolean matches) {
        assertEquals(matches, Topics.matches(filter, topic));
    }

    @Test
    void is_valid_filter_says_the_same_as_require_filter() {
        assertTrue(Topics.isValidFilter("a/+/#"));
        assertFalse(Topics.isValidFilter("a/#/b"));
    }
}
