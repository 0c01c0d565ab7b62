package dev.mqttdesk.core.mqtt;

import dev.mqttdesk.core.url.BrokerUrl;
import dev.mqttdesk.testing.RawHttpServer;
import org.junit.jupiter.api.Test;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The upgrade request carries the URL's path and query string as they were written. */
class WebSocketQueryStringTest {

    @Test
    void a_path_with_a_query_string_is_sent_as_path_and_query_not_percent_encoded() throws Exception {
        try (RawHttpServer http = RawHttpServer.answering("403 Forbidden")) {
            SessionProbe probe = new SessionProbe();
            BrokerUrl url = BrokerUrl.parse("ws://127.0.0.1:" + http.port() + "/mqtt?token=abc");
            var connecting = probe.session.connect(ConnectionSettings.defaults(url).withConnectTimeout(5));
            ExecutionException e = assertThrows(ExecutionException.class, () -> connecting.get(20, TimeUnit.SECONDS));
            assertInstanceOf(MqttActionException.class, e.getCause());
            assertEquals("GET /mqtt?token=abc HTTP/1.1", http.requestLines().get(0));
        }
    }

    @Test
    void a_path_without_a_query_string_is_sent_as_it_is() throws Exception {
        try (RawHttpServer http = RawHttpServer.answering("404 Not Found")) {
            SessionProbe probe = new SessionProbe();
            BrokerUrl url = BrokerUrl.parse("ws://127.0.0.1:" + http.port() + "/ws/mqtt");
            var connecting = probe.session.connect(ConnectionSettings.defaults(url).withConnectTimeout(5));
            assertThrows(ExecutionException.class, () -> connecting.get(20, TimeUnit.SECONDS));
            assertEquals("GET /ws/mqtt HTTP/1.1", http.requestLines().get(0));
        }
    }
}
