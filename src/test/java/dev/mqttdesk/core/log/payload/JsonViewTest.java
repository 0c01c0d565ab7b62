package dev.mqttdesk.core.log.payload;

import dev.mqttdesk.core.i18n.Text;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonViewTest {

    private static JsonView of(String s) {
        return JsonView.of(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String text(JsonView view) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < view.lines().lineCount(); i++) {
            lines.add(view.lines().line(i));
        }
        return String.join("\n", lines);
    }

    @Test
    void a_json_payload_is_pretty_printed_with_two_space_indents() {
        JsonView view = of("{\"id\":7,\"tags\":[\"a\",\"温度\"],\"ok\":true,\"none\":null,\"nested\":{\"x\":-1.5e3}}");
        assertTrue(view.isJson());
        assertNull(view.problem());
        assertEquals("""
                {
                  "id": 7,
                  "tags": [
                    "a",
                    "温度"
                  ],
                  "ok": true,
                  "none": null,
                  "nested": {
                    "x": -1.5e3
                  }
                }""", text(view));
    }

    @Test
    void numbers_keep_every_digit_they_were_written_with() {
        JsonView view = of("[0.1000000000000000055511151231257827, 123456789012345678901234567890, 1E400]");
        assertEquals("""
                [
                  0.1000000000000000055511151231257827,
                  123456789012345678901234567890,
                  1E400
                ]""", text(view));
    }

    @Test
    void a_bare_value_is_json_too() {
        assertEquals("\"hi\"", text(of("  \"hi\"\n")));
        assertEquals("42", text(of("42")));
    }

    @Test
    void a_payload_that_is_not_json_says_why_in_words() {
        assertProblem("log.json.empty", of(""));
        assertProblem("log.json.empty", of(" \n\t"));
        assertProblem("log.json.truncated", of("{\"a\": [1, 2"));
        assertProblem("log.json.trailing", of("{\"a\": 1} {\"b\": 2}"));
        assertProblem("log.json.trailing", of("{} x"));
        assertProblem("log.json.invalid", of("{a: 1}"));
        assertProblem("log.json.invalid", of("temperature=21"));
        assertProblem("log.json.invalid", JsonView.of(new byte[]{'"', (byte) 0xFF, '"'}));
        assertProblem("log.json.tooDeep", of("[".repeat(5_000) + "]".repeat(5_000)));
    }

    @Test
    void the_place_of_a_syntax_error_is_given_as_line_and_column() {
        Text problem = of("{\n  \"a\": 1,\n  \"b\": ?\n}").problem();
        assertEquals("log.json.invalid", problem.key());
        assertEquals(3, problem.args()[1]);
        assertEquals(8, problem.args()[2]);
    }

    private static void assertProblem(String key, JsonView view) {
        assertFalse(view.isJson());
        assertNull(view.lines());
        assertEquals(key, view.problem().key(), view.problem().toString());
        assertFalse(view.problem().resolve().startsWith("log."), view.problem().resolve());
    }
}
