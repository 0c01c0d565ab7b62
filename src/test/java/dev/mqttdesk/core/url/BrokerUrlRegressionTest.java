package dev.mqttdesk.core.url;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Cases the fuzz tests found, kept as plain examples. */
class BrokerUrlRegressionTest {

    @Test
    void a_websocket_path_of_a_lone_slash_is_the_default_path_whether_typed_in_the_path_field_or_the_url() {
        BrokerUrl fromParts = new BrokerUrl(Transport.WEBSOCKET, "127.0.0.1", 1, "/");
        assertEquals("/mqtt", fromParts.path());
        assertEquals(fromParts, BrokerUrl.parse(fromParts.toString()));
        assertEquals(BrokerUrl.parse("ws://127.0.0.1:1/"), fromParts);
    }
}
