package dev.mqttdesk.core.mqtt;

import dev.mqttdesk.core.url.BrokerUrl;
import dev.mqttdesk.core.url.Transport;
import dev.mqttdesk.testing.Mosquitto;
import dev.mqttdesk.testing.TcpProxy;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Against a broker that refuses every connection (a proxy in front of it that closes each one at
 * once): attempts come no faster than the period, the wait grows to a cap, and disconnecting stops them.
 */
class SessionReconnectBackOffTest {

    static final int PERIOD = 200;
    static final long CAP = 1_000;

    @Test
    void reconnect_attempts_wait_at_least_the_period_back_off_to_a_cap_and_stop_on_disconnect() throws Exception {
        try (Mosquitto broker = Mosquitto.startTcp(); TcpProxy proxy = new TcpProxy(broker.tcpPort())) {
            SessionProbe probe = new SessionProbe();
            probe.session.maxReconnectDelayMillis(CAP);
            probe.connect(ConnectionSettings.defaults(BrokerUrl.of(Transport.TCP, "127.0.0.1", proxy.port()))
                    .withReconnectPeriod(PERIOD));
            int before = proxy.acceptedAtMillis().size();
            long cutAt = System.currentTimeMillis();
            proxy.mode(TcpProxy.Mode.REFUSE);
            probe.awaitState(SessionState.RECONNECTING);

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (proxy.acceptedAtMillis().size() < before + 7 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            List<Long> attempts = proxy.acceptedAtMillis().subList(before, before + 7);
            List<Long> gaps = new ArrayList<>();
            long previous = cutAt;
            for (long at : attempts) {
                gaps.add(at - previous);
                previous = at;
            }
            System.out.println("reconnect waits after the link was cut (ms): " + gaps);
            for (long gap : gaps) {
                assertTrue(gap >= PERIOD - 20, "no faster than the period: " + gaps);
                assertTrue(gap <= CAP + 700, "no slower than the cap: " + gaps);
            }
            assertTrue(gaps.get(3) >= 2.5 * PERIOD, "the wait grows: " + gaps);
            assertTrue(gaps.get(6) >= CAP - 50, "up to the cap: " + gaps);
            assertEquals(SessionState.RECONNECTING, probe.session.state());

            probe.session.disconnect().get(10, TimeUnit.SECONDS);
            long stoppedAt = System.currentTimeMillis();
            assertEquals(SessionState.DISCONNECTED, probe.session.state());
            // No attempt pending any more; then a marker connection, which the proxy sees after any attempt before it.
            probe.awaitIdle();
            long markerAt = System.currentTimeMillis();
            try (Socket marker = new Socket()) {
                marker.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), proxy.port()), 2_000);
            }
            long markerDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (proxy.acceptedAtMillis().stream().noneMatch(t -> t >= markerAt)
                    && System.nanoTime() < markerDeadline) {
                Thread.sleep(10);
            }
            // An attempt already on its way when disconnect returned may land within the grace; none after it.
            List<Long> accepted = proxy.acceptedAtMillis();
            assertTrue(accepted.stream().anyMatch(t -> t >= markerAt), "the marker connected: " + accepted);
            List<Long> between = accepted.stream().filter(t -> t > stoppedAt + 50 && t < markerAt).toList();
            assertEquals(List.of(), between, "no attempt after the disconnect, before the marker: " + accepted);
        }
    }
}
