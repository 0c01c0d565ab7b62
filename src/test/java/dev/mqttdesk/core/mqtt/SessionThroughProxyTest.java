package dev.mqttdesk.core.mqtt;

import dev.mqttdesk.core.i18n.Text;
import dev.mqttdesk.core.url.BrokerUrl;
import dev.mqttdesk.core.url.Transport;
import dev.mqttdesk.testing.Mosquitto;
import dev.mqttdesk.testing.ProxyServer;
import dev.mqttdesk.testing.TestPki;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
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

    private static Text failure(ConnectionSettings settings) {
        SessionProbe probe = new SessionProbe();
        var error = assertThrows(ExecutionException.class, () -> probe.session.connect(settings).get(30, TimeUnit.SECONDS));
        return assertInstanceOf(MqttActionException.class, error.getCause()).text();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = ProxyOptions.Type.class, names = {"HTTP", "SOCKS5"})
    void a_proxy_where_nothing_listens_is_told_as_unreachable_not_as_the_broker_refusing(ProxyOptions.Type type) {
        int closed = Mosquitto.freePort();
        Text why = failure(ConnectionSettings.defaults(broker.url(Transport.TCP)).withConnectTimeout(10)
                .withProxy(new ProxyOptions(type, "127.0.0.1", closed, ProxyServer.USER, ProxyServer.PASSWORD)));
        assertEquals(Text.of("error.proxyUnreachable", "127.0.0.1:" + closed), why, why.resolve());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = ProxyOptions.Type.class, names = {"HTTP", "SOCKS5"})
    void a_proxy_host_that_does_not_resolve_is_named_not_the_broker(ProxyOptions.Type type) {
        // .invalid never resolves (RFC 6761); the broker's name is the proxy's to resolve, so it is not the one.
        Text why = failure(ConnectionSettings.defaults(broker.url(Transport.TCP)).withConnectTimeout(10)
                .withProxy(new ProxyOptions(type, "no-such-proxy.invalid", 3128, null, null)));
        assertEquals(Text.of("error.unknownHost", "no-such-proxy.invalid"), why, why.resolve());
    }

    @Test
    void an_http_proxy_that_does_not_allow_the_brokers_port_says_so_with_its_answer() {
        // tinyproxy allows CONNECT to the listed ports only, and answers any other with an HTTP error.
        try (ProxyServer strict = ProxyServer.http(List.of("ConnectPort 443"))) {
            Text why = failure(through(ProxyOptions.Type.HTTP, Transport.TCP, ProxyServer.PASSWORD)
                    .withProxy(new ProxyOptions(ProxyOptions.Type.HTTP, "127.0.0.1", strict.port(), ProxyServer.USER,
                            ProxyServer.PASSWORD)));
            assertEquals("error.proxyHttp", why.key(), why.resolve());
            assertEquals(List.of("127.0.0.1:" + strict.port(), "127.0.0.1:" + broker.tcpPort(), "403 Access violation"),
                    List.of(why.args()), why.resolve());
        }
    }

    @Test
    void a_proxy_that_cannot_reach_the_broker_says_so_and_names_the_broker() {
        int closed = Mosquitto.freePort();
        BrokerUrl gone = BrokerUrl.of(Transport.TCP, "127.0.0.1", closed);
        Text http = failure(ConnectionSettings.defaults(gone).withConnectTimeout(10).withProxy(
                new ProxyOptions(ProxyOptions.Type.HTTP, "127.0.0.1", SessionThroughProxyTest.http.port(), ProxyServer.USER,
                        ProxyServer.PASSWORD)));
        // tinyproxy's answer when its own connection to the broker fails.
        assertEquals(Text.of("error.proxyHttp", "127.0.0.1:" + SessionThroughProxyTest.http.port(), "127.0.0.1:" + closed,
                "500 Unable to connect"), http, http.resolve());
        Text socks5 = failure(ConnectionSettings.defaults(gone).withConnectTimeout(10).withProxy(
                new ProxyOptions(ProxyOptions.Type.SOCKS5, "127.0.0.1", socks.port(), ProxyServer.USER, ProxyServer.PASSWORD)));
        // microsocks passes the refusal on as RFC 1928's reply 5, "connection refused".
        assertEquals(Text.of("error.proxySocks", "127.0.0.1:" + socks.port(), "127.0.0.1:" + closed,
                Text.of("proxy.socks.reply.5"), "5"), socks5, socks5.resolve());
    }
}
