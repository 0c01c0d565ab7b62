package dev.mqttdesk.check;

import dev.mqttdesk.core.i18n.InvalidInputException;
import dev.mqttdesk.core.url.Transport;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CheckTargetTest {

    @Test
    void a_bare_host_is_read_as_wss_on_443_at_slash_mqtt() {
        CheckTarget t = CheckTarget.parse("broker.example.com");
        assertNull(t.scheme());
        assertFalse(t.explicitPort());
        assertEquals("wss://broker.example.com:443/mqtt", t.describe());
    }

    @Test
    void a_wxs_url_without_a_port_goes_to_443_as_in_a_mini_program_not_to_8084() {
        CheckTarget t = CheckTarget.parse("wxs://broker.example.com/mqtt");
        assertEquals("wxs", t.scheme());
        assertEquals(Transport.WEBSOCKET_TLS, t.url().transport());
        assertEquals(443, t.port());
        assertFalse(t.explicitPort());
    }

    @Test
    void a_port_in_the_url_is_kept_and_marked_as_given() {
        CheckTarget t = CheckTarget.parse("wss://broker.example.com:8084/mqtt");
        assertEquals(8084, t.port());
        assertTrue(t.explicitPort());
        assertTrue(CheckTarget.parse("wss://[::1]:443/mqtt").explicitPort());
        assertFalse(CheckTarget.parse("wss://[::1]/mqtt").explicitPort());
    }

    @Test
    void ws_without_a_port_goes_to_80_and_keeps_its_path() {
        CheckTarget t = CheckTarget.parse("wx://broker.example.com/ws");
        assertEquals(Transport.WEBSOCKET, t.url().transport());
        assertEquals(80, t.port());
        assertEquals("/ws", t.url().path());
    }

    @Test
    void https_is_checked_as_the_wss_its_author_meant() {
        CheckTarget t = CheckTarget.parse("https://broker.example.com/mqtt");
        assertEquals("https", t.scheme());
        assertEquals(Transport.WEBSOCKET_TLS, t.url().transport());
    }

    @Test
    void a_scheme_that_is_no_broker_address_at_all_is_refused_in_words() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> CheckTarget.parse("ftp://broker.example.com"));
        assertEquals("error.url.scheme", e.text().key());
        assertThrows(InvalidInputException.class, () -> CheckTarget.parse("  "));
        assertThrows(InvalidInputException.class, () -> CheckTarget.parse("wss://bro ker/mqtt"));
    }
}
