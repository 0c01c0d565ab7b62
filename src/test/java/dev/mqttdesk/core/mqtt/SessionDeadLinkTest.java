package dev.mqttdesk.core.mqtt;

import dev.mqttdesk.core.log.Direction;
import dev.mqttdesk.core.url.BrokerUrl;
import dev.mqttdesk.core.url.Transport;
import dev.mqttdesk.testing.Mosquitto;
import dev.mqttdesk.testing.TcpProxy;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** A link that silently drops everything (no FIN, no RST): keep-alive finds out, and the session reconnects when it recovers. */
class SessionDeadLinkTest {

    static final int KEEP_ALIVE = 4;

    @ParameterizedTest(name = "{0}")
    @EnumSource(MqttVersion.class)
    void keep_alive_detects_a_dead_link_within_one_and_a_half_intervals_and_reconnects_when_it_recovers(MqttVersion v)
            throws Exception {
        try (Mosquitto broker = Mosquitto.startTcp(); TcpProxy proxy = new TcpProxy(broker.tcpPort())) {
            SessionProbe probe = new SessionProbe();
            ConnectionSettings d = ConnectionSettings.defaults(BrokerUrl.of(Transport.TCP, "127.0.0.1", proxy.port()));
            probe.connect(new ConnectionSettings(d.url(), v, d.clientId(), null, null, KEEP_ALIVE, true, 5, 200, true, d.tls()));
            probe.session.subscribe("dead/#", 1).get(10, TimeUnit.SECONDS);

            long cut = System.nanoTime();
            proxy.mode(TcpProxy.Mode.BLACKHOLE);
            SessionEvent lost = probe.awaitState(SessionState.RECONNECTING);
            long detectedMillis = (System.nanoTime() - cut) / 1_000_000;
            System.out.println(v + ": dead link detected after " + detectedMillis + " ms (keep-alive " + KEEP_ALIVE + " s)");
            assertTrue(detectedMillis <= KEEP_ALIVE * 1_500L, "detected after " + detectedMillis + " ms");
            org.junit.jupiter.api.Assertions.assertEquals("error.keepAliveTimeout", lost.detail().key(), lost.toString());

            proxy.mode(TcpProxy.Mode.FORWARD);
            probe.awaitEvent(e -> e.state() == SessionState.CONNECTED && e.detail() != null);
            broker.pub("-q", "1", "-t", "dead/x", "-m", "alive again");
            probe.awaitMessage(m -> m.direction() == Direction.RECEIVED && m.payloadText().equals("alive again"));
            probe.close();
        }
    }

    @org.junit.jupiter.api.Test
    void an_idle_healthy_link_is_kept_through_many_keep_alive_intervals() throws Exception {
        try (Mosquitto broker = Mosquitto.startTcp()) {
            SessionProbe probe = new SessionProbe();
            ConnectionSettings d = ConnectionSettings.defaults(broker.url(Transport.TCP));
            probe.connect(new ConnectionSettings(d.url(), MqttVersion.MQTT_5_0, d.clientId(), null, null, 1, true, 5, 200,
                    true, d.tls()));
            probe.session.subscribe("idle/#", 1).get(10, TimeUnit.SECONDS);
            Thread.sleep(5_000); // five keep-alive intervals with nothing to send but pings
            broker.pub("-q", "1", "-t", "idle/x", "-m", "marker");
            probe.awaitMessage(m -> m.payloadText().equals("marker"));
            org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of(SessionState.CONNECTING, SessionState.CONNECTED),
                    probe.events.stream().filter(SessionEvent::isStateChange).map(SessionEvent::state).toList());
            probe.close();
        }
    }
}
