package dev.mqttdesk.core.mqtt;

import dev.mqttdesk.core.i18n.Text;
import dev.mqttdesk.core.url.Transport;
import dev.mqttdesk.testing.Mosquitto;
import dev.mqttdesk.testing.ProxyServer;
import dev.mqttdesk.testing.TestPki;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Connections through a real HTTP CONNECT proxy (tinyproxy) and a real SOCKS5 proxy (microsocks) to mosquitto. */
class SessionThroughProxyTest {

    static Mosquitto broker;
    static ProxyServer http;
    static ProxyServer socks;

    @BeforeAll
    static void start() {
        broker = Mosquitto.builder().tls(TestPki.shared().good()).start();
        http = ProxyServer.http();
        socks = ProxyServer.socks5();
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable c : new AutoCloseable[]{http, socks, broker}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception ignored) {
                // next
            }
        }
    }

    private static ProxyServer server(ProxyOptions.Type type) {
        return type == ProxyOptions.Type.HTTP ? http : socks;
    }

    private static ConnectionSettings through(ProxyOptions.Type type, Transport transport, String password) {
        ConnectionSettings s = ConnectionSettings.defaults(broker.url(transport)).withConnectTimeout(10)
                .withProxy(new ProxyOptions(type, "127.0.0.1", server(type).port(), ProxyServer.USER, password));
        return transport.secure() ? s.withTls(new TlsOptions(TestPki.shared().caCert(), false)) : s;
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = ProxyOptions.Type.class, names = {"HTTP", "SOCKS5"})
    void a_message_goes_round_through_the_proxy_over_tcp_and_tls(ProxyOptions.Type type) throws Exception {
        for (Transport t : new Transport[]{Transport.TCP, Transport.TLS}) {
            SessionProbe probe = new SessionProbe();
            probe.connect(through(type, t, ProxyServer.PASSWORD));
            probe.session.subscribe("proxy/" + t, 1).get(20, TimeUnit.SECONDS);
            broker.pub("-t", "proxy/" + t, "-q", "1", "-m", "via " + type);
            assertEquals("via " + type, new String(probe.awaitMessage(m -> m.topic().equals("proxy/" + t)).payload()));
            probe.close();
        }
        if (type == ProxyOptions.Type.HTTP) {
            // The broker's connection came from the proxy, as tinyproxy's log says.
            assertTrue(http.log().contains("CONNECT"), http.log());
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = ProxyOptions.Type.class, names = {"HTTP", "SOCKS5"})
    void a_wrong_proxy_password_is_told_in_words(ProxyOptions.Type type) throws Exception {
        SessionProbe probe = new SessionProbe();
        var error = assertThrows(ExecutionException.class,
                () -> probe.session.connect(through(type, Transport.TCP, "wrong")).get(30, TimeUnit.SECONDS));
        Text why = assertInstanceOf(MqttActionException.class, error.getCause()).text();
        assertEquals(Text.of("error.proxyAuth", "127.0.0.1:" + server(type).port()), why, why.resolve());
    }
}
