package dev.mqttdesk.core.url;

import dev.mqttdesk.core.i18n.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BrokerUrlTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "mqtt://broker.example.com,         TCP,           1883, ''",
            "tcp://broker.example.com,          TCP,           1883, ''",
            "mqtts://broker.example.com,        TLS,           8883, ''",
            "ssl://broker.example.com,          TLS,           8883, ''",
            "ws://broker.example.com,           WEBSOCKET,     8083, /mqtt",
            "wx://broker.example.com,           WEBSOCKET,     8083, /mqtt",
            "wss://broker.example.com,          WEBSOCKET_TLS, 8084, /mqtt",
            "wxs://broker.example.com,          WEBSOCKET_TLS, 8084, /mqtt",
            "broker.example.com,                TCP,           1883, ''",
            "WXS://broker.example.com:443/mqtt, WEBSOCKET_TLS, 443,  /mqtt",
            "ws://broker.example.com:80/,       WEBSOCKET,     80,   /mqtt",
            "ws://broker.example.com/ws/v2,     WEBSOCKET,     8083, /ws/v2",
    })
    void every_scheme_has_its_transport_default_port_and_path(String text, Transport transport, int port, String path) {
        BrokerUrl url = BrokerUrl.parse(text);
        assertEquals(transport, url.transport());
        assertEquals("broker.example.com", url.host());
        assertEquals(port, url.port());
        assertEquals(path, url.path());
    }

    @Test
    void the_mini_program_spelling_prints_as_the_standard_scheme() {
        assertEquals("wss://broker.emqx.io:8084/mqtt", BrokerUrl.parse("wxs://broker.emqx.io:8084/mqtt").toString());
        assertEquals("ws://h:8083/mqtt", BrokerUrl.parse("wx://h").toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"mqtt://h:1883", "mqtts://h:8883", "ws://h:8083/mqtt", "wss://h:443/path/x", "mqtt://[::1]:1883",
            "mqtt://127.0.0.1:1"})
    void a_printed_url_parses_back_to_itself(String text) {
        assertEquals(text, BrokerUrl.parse(text).toString());
        assertEquals(BrokerUrl.parse(text), BrokerUrl.parse(BrokerUrl.parse(text).toString()));
    }

    @Test
    void an_ipv6_literal_keeps_its_brackets_out_of_the_host() {
        BrokerUrl url = BrokerUrl.parse("ws://[::1]:9001/mqtt");
        assertEquals("::1", url.host());
        assertEquals(9001, url.port());
    }

    @ParameterizedTest
    @CsvSource({
            "'',                     error.url.empty",
            "http://h,               error.url.scheme",
            "mqtt://h:0,             error.port.range",
            "mqtt://h:70000,         error.port.range",
            "mqtt://h:abc,           error.port.invalid",
            "mqtt://:1883,           error.url.hostEmpty",
            "mqtt://user:pw@h:1883,  error.url.userinfo",
            "mqtt://h o:1883,        error.url.host",
            "mqtt://::1:1883,        error.url.ipv6Brackets",
    })
    void bad_urls_are_refused_with_a_reason(String text, String key) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> BrokerUrl.parse(text));
        assertEquals(key, e.text().key());
    }

    @Test
    void changing_the_transport_moves_a_default_port_and_keeps_a_custom_one() {
        assertEquals(8084, BrokerUrl.parse("mqtt://h").withTransport(Transport.WEBSOCKET_TLS).port());
        assertEquals(9999, BrokerUrl.parse("mqtt://h:9999").withTransport(Transport.WEBSOCKET_TLS).port());
    }

    @Test
    void ports_are_whole_numbers_from_1_to_65535() {
        assertEquals(65535, BrokerUrl.parsePort("65535"));
        assertEquals(1, BrokerUrl.parsePort(" 1 "));
        assertEquals("error.port.range", assertThrows(InvalidInputException.class, () -> BrokerUrl.parsePort("0")).text().key());
        assertEquals("error.port.invalid", assertThrows(InvalidInputException.class, () -> BrokerUrl.parsePort("-1")).text().key());
        assertEquals("error.port.invalid", assertThrows(InvalidInputException.class, () -> BrokerUrl.parsePort("")).text().key());
        assertEquals("error.port.invalid", assertThrows(InvalidInputException.class, () -> BrokerUrl.parsePort("99999999999")).text().key());
    }

    @org.junit.jupiter.api.Test
    void an_address_names_its_port_only_when_it_writes_one() {
        org.junit.jupiter.api.Assertions.assertTrue(BrokerUrl.namesPort("broker.example:8084/mqtt"));
        org.junit.jupiter.api.Assertions.assertTrue(BrokerUrl.namesPort("[::1]:1883"));
        org.junit.jupiter.api.Assertions.assertFalse(BrokerUrl.namesPort("broker.example/mqtt:8084"));
        org.junit.jupiter.api.Assertions.assertFalse(BrokerUrl.namesPort("[::1]/mqtt"));
        org.junit.jupiter.api.Assertions.assertFalse(BrokerUrl.namesPort("broker.example"));
    }
}
