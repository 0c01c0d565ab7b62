package dev.mqttdesk.core.log.payload;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class HexLinesTest {

    @Test
    void lines_follow_the_layout_of_hexdump_dash_c_including_a_short_last_line() {
        byte[] payload = "Hello world\n\0\1\2\3\u00ff\u007f~ ".getBytes(StandardCharsets.ISO_8859_1);
        HexLines hex = new HexLines(payload);
        assertEquals(2, hex.lineCount());
        // Both lines as `hexdump -C` prints them for these bytes.
        assertEquals("00000000  48 65 6c 6c 6f 20 77 6f  72 6c 64 0a 00 01 02 03  |Hello world.....|", hex.line(0));
        assertEquals("00000010  ff 7f 7e 20                                       |..~ |", hex.line(1));
    }

    @Test
    void the_offset_of_a_line_deep_in_a_big_payload_is_its_byte_offset() {
        HexLines hex = new HexLines(new byte[10 * 1024 * 1024 + 1]);
        assertEquals(655_361, hex.lineCount());
        assertEquals("00a00000  00", hex.line(655_360).substring(0, 12));
    }

    @Test
    void an_empty_payload_has_no_lines_and_asking_past_the_end_fails() {
        assertEquals(0, new HexLines(new byte[0]).lineCount());
        assertThrows(IndexOutOfBoundsException.class, () -> new HexLines(new byte[16]).line(1));
    }
}
