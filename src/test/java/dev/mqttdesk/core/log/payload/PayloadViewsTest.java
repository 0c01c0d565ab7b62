package dev.mqttdesk.core.log.payload;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class PayloadViewsTest {

    private final Locale before = Locale.getDefault();

    @AfterEach
    void restore() {
        Locale.setDefault(before);
    }

    @Test
    void the_views_of_a_payload_with_bad_bytes_say_how_many_there_are() {
        Locale.setDefault(Locale.US);
        PayloadViews views = PayloadViews.of(new byte[]{'o', 'k', (byte) 0xFE, (byte) 0xFF});
        assertEquals("ok\\xFE\\xFF", views.text().line(0));
        assertEquals("2 bytes are not valid UTF-8; each shows as \\xNN (its value in hex).", views.invalidNote().resolve());
        assertEquals("4 bytes", views.sizeText().resolve());
        assertEquals(1, views.hex().lineCount());
        assertEquals("b2v+/w==", views.base64().line(0));
    }

    @Test
    void a_payload_of_good_text_has_no_note_about_bad_bytes() {
        assertNull(PayloadViews.of("fine".getBytes()).invalidNote());
    }
}
