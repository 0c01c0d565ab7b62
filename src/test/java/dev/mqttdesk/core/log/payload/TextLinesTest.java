package dev.mqttdesk.core.log.payload;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextLinesTest {

    private static List<String> all(TextLines lines) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines.lineCount(); i++) {
            out.add(lines.line(i));
        }
        return out;
    }

    private static TextLines of(String s) {
        return TextLines.of(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void lines_break_at_line_feeds_and_a_carriage_return_before_one_belongs_to_the_break() {
        assertEquals(List.of("a", "b", "", "c\rd"), all(of("a\r\nb\n\nc\rd")));
        assertEquals(List.of("last line ends", ""), all(of("last line ends\n")));
        assertEquals(List.of("\r"), all(of("\r")));
        assertEquals(0, of("").lineCount());
    }

    @Test
    void a_long_line_is_cut_at_character_boundaries_into_pieces_that_join_back_to_it() {
        String chinese = "中文消息".repeat(2_000); // 24,000 bytes: three per character
        TextLines lines = of(chinese + "\nnext");
        StringBuilder joined = new StringBuilder();
        int i = 0;
        for (; lines.continues(i); i++) {
            String piece = lines.line(i);
            assertTrue(piece.getBytes(StandardCharsets.UTF_8).length <= TextLines.MAX_LINE_BYTES);
            joined.append(piece);
        }
        joined.append(lines.line(i));
        assertEquals(chinese, joined.toString());
        assertFalse(lines.continues(i), "the real line break is not a soft one");
        assertEquals("next", lines.line(i + 1));
        assertEquals(i + 2, lines.lineCount());
        assertFalse(lines.line(0).contains("\\x"), "no character was cut in two");
    }

    @Test
    void bad_bytes_are_counted_over_the_whole_payload_and_shown_on_their_lines() {
        byte[] payload = "ok\n\u00ff-bad\nok".getBytes(StandardCharsets.ISO_8859_1);
        TextLines lines = TextLines.of(payload);
        assertEquals(List.of("ok", "\\xFF-bad", "ok"), all(lines));
        assertEquals(1, lines.invalidBytes());
    }

    @Test
    void bad_bytes_spread_over_soft_broken_lines_add_up_to_the_whole_payloads_count() {
        byte[] payload = new byte[3 * TextLines.MAX_LINE_BYTES + 7];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) (i % 5 == 0 ? 0xC3 : 'x'); // 0xC3 followed by 'x' is never valid
        }
        TextLines lines = TextLines.of(payload);
        int shown = 0;
        for (int i = 0; i < lines.lineCount(); i++) {
            String line = lines.line(i);
            shown += (line.length() - line.replace("\\xC3", "").length()) / 4;
        }
        assertEquals(Utf8.invalidBytes(payload, 0, payload.length), lines.invalidBytes());
        assertEquals(lines.invalidBytes(), shown);
    }

    @Test
    void a_ten_megabyte_payload_gives_every_line_on_demand() {
        byte[] payload = new byte[10 * 1024 * 1024];
        Arrays.fill(payload, (byte) 'y');
        for (int i = 99; i < payload.length; i += 100) {
            payload[i] = '\n';
        }
        TextLines lines = TextLines.of(payload);
        assertEquals(payload.length / 100 + 1, lines.lineCount());
        assertEquals("y".repeat(99), lines.line(lines.lineCount() / 2));
        assertEquals("y".repeat(payload.length % 100), lines.line(lines.lineCount() - 1));
    }
}
