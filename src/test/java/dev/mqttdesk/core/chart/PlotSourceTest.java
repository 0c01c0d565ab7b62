package dev.mqttdesk.core.chart;

import dev.mqttdesk.core.i18n.InputField;
import dev.mqttdesk.core.i18n.InvalidInputException;
import dev.mqttdesk.core.i18n.Messages;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.OptionalDouble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlotSourceTest {

    private static OptionalDouble read(String path, String payload) {
        return PlotSource.of("t", path).read(payload.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''|21.5|21.5", "''| -3 |-3", "''|1e3|1000", "''|.5|0.5", "''|+7|7",
            "$.t|{\"t\": 22.25}|22.25", "$.a.b|{\"a\": {\"b\": -1}}|-1", "$.list[1]|{\"list\": [5, 6, 7]}|6",
            "$[0].v|[{\"v\": 3}]|3", "$[\"odd key\"]|{\"odd key\": 8}|8", "$['x.y']|{\"x.y\": 9}|9",
            "$.s|{\"s\": \"12.5\"}|12.5", "$|42|42"})
    void numbers_come_from_the_payload_or_from_the_json_path_inside_it(String path, String payload, double expected) {
        assertEquals(expected, read(path, payload).orElseThrow(), 1e-12);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''|warm", "''|NaN", "''|Infinity", "''|0x1p3", "''|''", "''|1,5",
            "$.t|{\"t\": \"hot\"}", "$.t|{\"t\": null}", "$.t|{\"t\": true}", "$.t|{\"u\": 1}", "$.t|not json",
            "$.a.b|{\"a\": 3}", "$.list[9]|{\"list\": [1]}", "$.t|{\"t\": {\"v\": 1}}"})
    void anything_that_is_not_a_number_gives_no_point(String path, String payload) {
        assertFalse(read(path, payload).isPresent());
    }

    @ParameterizedTest
    @ValueSource(strings = {"a.b", "$.", "$..a", "$[", "$[x]", "$[-1]", "$a", "$.a[0"})
    void a_path_that_is_not_one_is_refused_in_words_at_the_path_field(String path) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> PlotSource.of("t", path));
        assertEquals(InputField.PLOT_PATH, e.field());
        String words = Messages.format(e.text());
        assertTrue(words.contains(path.strip()) && !words.contains("{"), words);
    }

    @Test
    void the_topic_may_be_a_filter_but_must_be_a_valid_one() {
        assertTrue(PlotSource.of("sensors/+/temp", "").matches("sensors/1/temp"));
        assertFalse(PlotSource.of("sensors/+/temp", "").matches("sensors/1/hum"));
        assertEquals(InputField.PLOT_TOPIC, assertThrows(InvalidInputException.class, () -> PlotSource.of(" ", "")).field());
        assertEquals(InputField.PLOT_TOPIC, assertThrows(InvalidInputException.class, () -> PlotSource.of("a/#/b", "")).field());
    }
}
