package dev.mqttdesk.core.log.payload;

import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Base64LinesTest {

    @Test
    void the_lines_joined_are_the_base64_of_the_whole_payload_at_every_length() {
        Random random = new Random(7);
        for (int length = 0; length < 400; length++) {
            byte[] payload = new byte[length];
            random.nextBytes(payload);
            Base64Lines lines = new Base64Lines(payload);
            StringBuilder joined = new StringBuilder();
            for (int i = 0; i < lines.lineCount(); i++) {
                String line = lines.line(i);
                assertTrue(line.length() <= 76, line);
                joined.append(line);
            }
            assertEquals(Base64.getEncoder().encodeToString(payload), joined.toString());
            assertEquals(joined.toString(), lines.all());
        }
    }
}
