package dev.mqttdesk.core.log;

import dev.mqttdesk.core.message.MessageProperties;
import dev.mqttdesk.core.i18n.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MessageFilterTest {

    private static Message in(String topic, String payload) {
        return Message.received(topic, 0, false, payload.getBytes(StandardCharsets.UTF_8), MessageProperties.NONE);
    }

    private static Message out(String topic, String payload) {
        return Message.sent(topic, 0, false, payload.getBytes(StandardCharsets.UTF_8));
    }

    private final List<Message> log = List.of(
            in("home/kitchen/temp", "{\"t\": 21.5}"),
            in("home/garden/temp", "{\"t\": 9}"),
            out("home/kitchen/light", "ON"),
            in("office/temp", "温度 23"),
            in("$SYS/broker/uptime", "42 seconds"),
            in("home/kitchen", "Door OPEN"));

    private List<String> topics(MessageFilter f) {
        return f.select(log).stream().map(Message::topic).toList();
    }

    @Test
    void a_topic_filter_selects_with_mqtt_wildcards() {
        assertEquals(List.of("home/kitchen/temp", "home/garden/temp"), topics(MessageFilter.of("home/+/temp", null, false, null)));
        assertEquals(List.of("home/kitchen/temp", "home/kitchen/light", "home/kitchen"),
                topics(MessageFilter.of("home/kitchen/#", null, false, null)));
        assertEquals(5, topics(MessageFilter.of("#", null, false, null)).size(), "# leaves $SYS topics out");
    }

    @Test
    void plain_text_is_found_anywhere_in_the_payload_with_case_counted() {
        assertEquals(List.of("home/kitchen/light"), topics(MessageFilter.of(null, "ON", false, null)));
        assertEquals(List.of("home/kitchen"), topics(MessageFilter.of(null, "OPEN", false, null)));
        assertEquals(List.of(), topics(MessageFilter.of(null, "open", false, null)));
        assertEquals(List.of("office/temp"), topics(MessageFilter.of(null, "温度", false, null)));
        assertEquals(List.of("home/kitchen/temp", "home/garden/temp"), topics(MessageFilter.of(null, "\"t\"", false, null)));
    }

    @Test
    void a_regular_expression_is_found_in_the_payload_text_and_takes_inline_flags() {
        assertEquals(List.of("home/kitchen/temp"), topics(MessageFilter.of(null, "\"t\": \\d+\\.\\d", true, null)));
        assertEquals(List.of("home/kitchen"), topics(MessageFilter.of(null, "(?i)door open", true, null)));
        assertEquals(List.of("office/temp"), topics(MessageFilter.of(null, "^温度\\s\\d+$", true, null)));
    }

    @Test
    void a_regular_expression_sees_bad_bytes_as_the_text_view_shows_them() {
        Message binary = Message.received("bin", 0, false, new byte[]{'a', (byte) 0xFF, 'b'}, MessageProperties.NONE);
        assertTrue(MessageFilter.of(null, "a\\\\xFFb", true, null).test(binary));
    }

    @Test
    void direction_and_the_other_parts_must_all_hold() {
        assertEquals(List.of("home/kitchen/light"), topics(MessageFilter.of(null, null, false, Direction.SENT)));
        assertEquals(List.of("home/kitchen/temp"), topics(MessageFilter.of("home/kitchen/#", "t", false, Direction.RECEIVED)));
    }

    @Test
    void an_empty_filter_lets_everything_through() {
        MessageFilter all = MessageFilter.of("", "", true, null);
        assertTrue(all.isAll());
        assertEquals(log, all.select(log));
        assertFalse(MessageFilter.of(null, null, false, Direction.SENT).isAll());
    }

    @Test
    void a_broken_regular_expression_or_topic_filter_is_refused_with_a_sentence() {
        InvalidInputException regex = assertThrows(InvalidInputException.class, () -> MessageFilter.of(null, "temp(", true, null));
        assertEquals("log.filter.badRegex", regex.text().key());
        assertFalse(regex.text().resolve().startsWith("log."));
        assertEquals("error.topic.hashPlacement",
                assertThrows(InvalidInputException.class, () -> MessageFilter.of("a/#/b", null, false, null)).text().key());
        assertEquals("error.topic.plusPlacement",
                assertThrows(InvalidInputException.class, () -> MessageFilter.of("a/b+", null, false, null)).text().key());
        assertSame(MessageFilter.class, MessageFilter.of(null, "temp(", false, null).getClass(), "as plain text it is fine");
    }

    @Test
    void plain_text_matches_exactly_when_the_decoded_payload_contains_it_even_around_bad_bytes() {
        Random random = new Random(3);
        String[] needles = {"a", "ab", "é", "中", "a中", "\u00e9b", "ba", "中a"};
        String alphabet = "ab\u00e9\u4e2d";
        for (int round = 0; round < 20_000; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(8); i > 0; i--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            byte[] payload = text.toString().getBytes(StandardCharsets.UTF_8);
            if (payload.length > 0 && random.nextBoolean()) {
                payload[random.nextInt(payload.length)] = (byte) (0x80 + random.nextInt(128)); // break a byte
            }
            Message m = Message.received("t", 0, false, payload, MessageProperties.NONE);
            String decoded = new String(payload, StandardCharsets.UTF_8); // bad bytes become U+FFFD, never a needle
            for (String needle : needles) {
                assertEquals(decoded.contains(needle), MessageFilter.of(null, needle, false, null).test(m),
                        () -> needle + " in " + java.util.HexFormat.of().formatHex(payload));
            }
        }
    }
}
