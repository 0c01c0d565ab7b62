package dev.mqttdesk.core.message;

import dev.mqttdesk.core.i18n.InputField;
import dev.mqttdesk.core.i18n.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The publish form's MQTT 5 fields read into properties, and what is refused at which field. */
class PublishPropertiesTest {

    @Test
    void empty_fields_send_nothing_and_every_message_without_properties_shares_one_instance() {
        assertSame(MessageProperties.NONE, PublishProperties.NONE.read());
        assertSame(MessageProperties.NONE, new PublishProperties("", "", "", "  ", "\n\n", false).read());
        assertSame(MessageProperties.NONE, MessageProperties.builder().build());
        assertSame(MessageProperties.NONE, new dev.mqttdesk.core.log.Message(0, dev.mqttdesk.core.log.Direction.RECEIVED,
                "t", 0, false, new byte[0], new MessageProperties(null, null, null, null, null, List.of()), dev.mqttdesk.core.log.Message.NO_COLOUR).properties());
    }

    @Test
    void every_field_is_read_and_user_properties_keep_order_and_repeated_names() {
        MessageProperties p = new PublishProperties("application/json", "reply/设备", "req-1 关联", "3600",
                "a=1\nb=x=y\n\na=2\r\n=empty name\nc=", true).read();
        assertEquals("application/json", p.contentType());
        assertEquals("reply/设备", p.responseTopic());
        assertArrayEquals("req-1 关联".getBytes(StandardCharsets.UTF_8), p.correlationData());
        assertEquals(3600L, p.messageExpirySeconds());
        assertEquals(PayloadFormat.UTF_8, p.payloadFormat());
        assertEquals(List.of(new UserProperty("a", "1"), new UserProperty("b", "x=y"), new UserProperty("a", "2"),
                new UserProperty("", "empty name"), new UserProperty("c", "")), p.userProperties());
        assertEquals("a=1\nb=x=y\na=2\n=empty name\nc=", UserProperty.lines(p.userProperties()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "expiry not a number     | | | | 10 minutes | | PUB_MESSAGE_EXPIRY | error.messageExpiry",
            "expiry negative         | | | | -1 | | PUB_MESSAGE_EXPIRY | error.messageExpiry",
            "expiry over four bytes  | | | | 4294967296 | | PUB_MESSAGE_EXPIRY | error.messageExpiry",
            "wildcard response topic | | reply/# | | | | PUB_RESPONSE_TOPIC | error.responseTopic",
            "user property without = | | | | | just a name | PUB_USER_PROPERTIES | error.userProperty.noEquals"})
    void bad_input_is_refused_at_its_field_with_words(String what, String contentType, String responseTopic,
                                                       String correlation, String expiry, String users,
                                                       InputField field, String key) {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> new PublishProperties(contentType, responseTopic, correlation, expiry, users, false).read());
        assertEquals(field, e.field(), what);
        assertEquals(key, e.text().key(), what);
        assertTrue(!e.text().resolve().isBlank() && !e.text().resolve().contains(key), e.text().resolve());
    }

    @Test
    void strings_mqtt_cannot_carry_are_refused_naming_the_field_and_the_line() {
        InvalidInputException nul = assertThrows(InvalidInputException.class,
                () -> new PublishProperties("a\u0000b", "", "", "", "", false).read());
        assertEquals(InputField.PUB_CONTENT_TYPE, nul.field());
        InvalidInputException broken = assertThrows(InvalidInputException.class,
                () -> new PublishProperties("", "", "\uD800", "", "", false).read());
        assertEquals(InputField.PUB_CORRELATION_DATA, broken.field());
        InvalidInputException line = assertThrows(InvalidInputException.class,
                () -> new PublishProperties("", "", "", "", "ok=1\nbad=\u0000", false).read());
        assertEquals(InputField.PUB_USER_PROPERTIES, line.field());
        assertTrue(line.text().resolve().contains("2"), "names the line: " + line.text().resolve());
        assertEquals(4_294_967_295L, new PublishProperties("", "", "", "4294967295", "", false).read().messageExpirySeconds());
    }
}
