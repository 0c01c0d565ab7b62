package dev.mqttdesk.broker;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttWebSocketConfig;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/** The built-in broker answers this machine only, and no web page from elsewhere opens its WebSocket. */
class LocalBrokerSecurityTest {

    static LocalBroker broker;

    @BeforeAll
    static void start() {
        broker = LocalBroker.start(0, 0);
    }

    @AfterAll
    static void stop() {
        broker.close();
    }

    @Test
    void that_an_upgrade_from_a_page_elsewhere_gets_403_and_the_connection_ends_there() throws Exception {
        String answer = upgrade("Origin: https://evil.example\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 403"), answer);
        assertTrue(!answer.contains("101"), answer);
        assertTrue(upgrade("Origin: null\r\n").startsWith("HTTP/1.1 403"), "a sandboxed or file page");
        assertTrue(upgrade("Origin: http://localhost.evil.example\r\n").startsWith("HTTP/1.1 403"));
        assertTrue(upgrade("Origin: http://localhost:3000\r\nOrigin: https://evil.example\r\n").startsWith("HTTP/1.1 403"),
                "two origins");
    }

    @Test
    void that_an_upgrade_with_no_origin_or_a_local_page_is_switched_to_the_broker() throws Exception {
        assertTrue(upgrade("").startsWith("HTTP/1.1 101"), "no browser");
        assertTrue(upgrade("Origin: http://localhost:3000\r\n").startsWith("HTTP/1.1 101"));
        assertTrue(upgrade("origin: https://127.0.0.1\r\n").startsWith("HTTP/1.1 101"));
        assertTrue(upgrade("Origin: http://[::1]:8080\r\n").startsWith("HTTP/1.1 101"));
    }

    @Test
    void that_a_real_client_over_websocket_publishes_and_receives_through_the_gate() throws Exception {
        roundTrip(Map.of());
        roundTrip(Map.of("Origin", "http://localhost:5173"));
    }

    @Test
    void that_a_refused_page_never_gets_an_mqtt_session() {
        Mqtt5AsyncClient client = client(Map.of("Origin", "https://evil.example"));
        assertThrows(Exception.class, () -> client.connect().get(10, TimeUnit.SECONDS));
        assertTrue(!client.getState().isConnected());
    }

    @Test
    void that_no_port_of_the_broker_answers_on_an_address_other_than_loopback() throws Exception {
        List<InetAddress> others = new ArrayList<>();
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                if (!a.isLoopbackAddress() && !a.isLinkLocalAddress()) {
                    others.add(a);
                }
            }
        }
        assumeFalse(others.isEmpty(), "this machine has no address but loopback");
        for (InetAddress a : others) {
            for (int port : new int[]{broker.tcpPort(), broker.wsPort()}) {
                try (Socket s = new Socket()) {
                    assertThrows(ConnectException.class, () -> s.connect(new InetSocketAddress(a, port), 3000),
                            a + ":" + port);
                }
            }
        }
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), broker.wsPort()), 3000); // and it does listen
        }
    }

    @Test
    void that_the_gate_closes_with_the_broker_and_leaves_no_thread() throws Exception {
        LocalBroker own = LocalBroker.start(0, 0);
        int port = own.wsPort();
        assertTrue(upgrade(port, "").startsWith("HTTP/1.1 101"));
        assertTrue(gateThreads(port) > 0, "the gate's threads are named after its port");
        own.close();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (gateThreads(port) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        try (Socket s = new Socket()) {
            assertThrows(ConnectException.class, () -> s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 3000));
        }
        assertEquals(0, gateThreads(port), "no gate thread outlives its broker");
    }

    private static long gateThreads(int port) {
        String prefix = OriginGate.THREAD_PREFIX + port + "-";
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.isAlive() && t.getName().startsWith(prefix)).count();
    }

    private static void roundTrip(Map<String, String> headers) throws Exception {
        Mqtt5AsyncClient client = client(headers);
        client.connect().get(10, TimeUnit.SECONDS);
        try {
            CompletableFuture<String> got = new CompletableFuture<>();
            client.subscribeWith().topicFilter("gate/test").qos(MqttQos.AT_LEAST_ONCE)
                    .callback(p -> got.complete(StandardCharsets.UTF_8.decode(p.getPayload().orElseThrow()).toString()))
                    .send().get(10, TimeUnit.SECONDS);
            client.publishWith().topic("gate/test").qos(MqttQos.AT_LEAST_ONCE)
                    .payload("through the gate".getBytes(StandardCharsets.UTF_8)).send().get(10, TimeUnit.SECONDS);
            assertEquals("through the gate", got.get(10, TimeUnit.SECONDS));
        } finally {
            client.disconnect().get(10, TimeUnit.SECONDS);
        }
    }

    private static Mqtt5AsyncClient client(Map<String, String> headers) {
        return MqttClient.builder().useMqttVersion5().identifier("gate-" + System.nanoTime())
                .serverHost("127.0.0.1").serverPort(broker.wsPort())
                .webSocketConfig(MqttWebSocketConfig.builder().serverPath("mqtt").httpHeaders(headers).build())
                .buildAsync();
    }

    private static String upgrade(String originLines) throws IOException {
        return upgrade(broker.wsPort(), originLines);
    }

    /** Sends a WebSocket upgrade by hand and returns what came back until the status line's end. */
    private static String upgrade(int port, String originLines) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 3000);
            s.setSoTimeout(10_000);
            String request = "GET /mqtt HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
                    + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                    + "Sec-WebSocket-Protocol: mqtt\r\n" + originLines + "\r\n";
            s.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            InputStream in = s.getInputStream();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            for (int b; (b = in.read()) >= 0; ) {
                got.write(b);
                if (got.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
                    break;
                }
            }
            return got.toString(StandardCharsets.US_ASCII);
        }
    }
}
