package dev.mqttdesk.core.log.payload;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SizesTest {

    private final Locale before = Locale.getDefault();

    @AfterEach
    void restore() {
        Locale.setDefault(before);
    }

    @Test
    void a_size_shows_exact_bytes_and_a_binary_unit_once_it_is_large() {
        Locale.setDefault(Locale.US);
        assertEquals("0 bytes", Sizes.human(0).resolve());
        assertEquals("1,023 bytes", Sizes.human(1023).resolve());
        assertEquals("1.5 KiB (1,536 bytes)", Sizes.human(1536).resolve());
        assertEquals("10.0 MiB (10,485,760 bytes)", Sizes.human(10L * 1024 * 1024).resolve());
    }

    @Test
    void a_size_speaks_chinese_in_a_chinese_locale() {
        Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
        assertEquals("1.5 KiB（1,536 字节）", Sizes.human(1536).resolve());
    }
}
