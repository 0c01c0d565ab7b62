package dev.mqttdesk.core.log.payload;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class VisibleTextTest {

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    @Test
    void valid_utf8_is_shown_as_it_is_with_no_bad_bytes_counted() {
        VisibleText t = VisibleText.of("温度 21.5°C, ok \\x41".getBytes(StandardCharsets.UTF_8));
        assertEquals("温度 21.5°C, ok \\x41", t.text());
        assertEquals(0, t.invalidBytes());
    }

    @Test
    void each_byte_that_is_not_utf8_shows_as_its_hex_value_and_is_counted() {
        VisibleText t = VisibleText.of(bytes('a', 0xFF, 'b', 0xE4, 0xBD, 'c', 0x80));
        assertEquals("a\\xFFb\\xE4\\xBDc\\x80", t.text());
        assertEquals(4, t.invalidBytes());
    }

    @Test
    void overlong_forms_surrogates_and_code_points_above_the_unicode_range_are_bad_bytes() {
        assertEquals("\\xC0\\xAF", VisibleText.of(bytes(0xC0, 0xAF)).text());
        assertEquals("\\xE0\\x80\\xAF", VisibleText.of(bytes(0xE0, 0x80, 0xAF)).text());
        assertEquals("\\xED\\xA0\\x80", VisibleText.of(bytes(0xED, 0xA0, 0x80)).text());
        assertEquals("\\xF4\\x90\\x80\\x80", VisibleText.of(bytes(0xF4, 0x90, 0x80, 0x80)).text());
        assertEquals("\uD83D\uDE00", VisibleText.of(bytes(0xF0, 0x9F, 0x98, 0x80)).text());
    }

    @Test
    void bytes_are_bad_exactly_when_the_jdk_strict_decoder_refuses_them_and_good_text_decodes_the_same() {
        Random random = new Random(42);
        for (int round = 0; round < 20_000; round++) {
            byte[] b = new byte[random.nextInt(12)];
            for (int i = 0; i < b.length; i++) {
                // Mostly bytes around the multi-byte ranges, where the edge cases are.
                b[i] = (byte) (random.nextInt(4) == 0 ? random.nextInt(128) : 0x80 + random.nextInt(128));
            }
            VisibleText t = VisibleText.of(b);
            String strict;
            try {
                strict = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(b)).toString();
            } catch (CharacterCodingException e) {
                strict = null;
            }
            assertEquals(strict == null, t.invalidBytes() > 0, () -> java.util.HexFormat.of().formatHex(b));
            if (strict != null) {
                assertEquals(strict, t.text());
            }
        }
    }
}
