package dev.mqttdesk.core.mqtt;

import dev.mqttdesk.core.url.Transport;
import dev.mqttdesk.testing.Mosquitto;
import dev.mqttdesk.testing.Peer;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Only drops right after connecting, in a row, count towards "another client uses our id": a drop
 * after a long connection starts the count again. (mosquitto 2.0.11 closes the old connection of a
 * taken id without a reason, in both protocol versions; MQTT 3.1.1 is used here so that the heuristic
 * is what decides even on a newer mosquitto.)
 */
class SessionDuplicateIdHeuristicTest {

    static final long QUICK = 2_500;

    @Test
    void a_slow_drop_then_quick_ones_takes_three_quick_drops_to_call_it_a_duplicate_client_id() throws Exception {
        try (Mosquitto broker = Mosquitto.startTcp()) {
            SessionProbe probe = new SessionProbe();
            probe.session.quickDropMillis(QUICK);
            ConnectionSettings settings = ConnectionSettings.defaults(broker.url(Transport.TCP))
                    .withVersion(MqttVersion.MQTT_3_1_1).withReconnectPeriod(200);
            probe.connect(settings);
            Thread.sleep(QUICK + 300); // a connection that has lived longer than a quick drop

            // One client with our id comes and goes: one slow drop.
            Peer once = Peer.start(broker.command("mosquitto_pub", "-i", settings.clientId(), "-t", "dup/once", "-m", "x"));
            once.awaitExit();
            probe.awaitState(SessionState.RECONNECTING);
            probe.awaitEvent(e -> e.state() == SessionState.CONNECTED && e.detail() != null);

            // Then one that stays and fights for the id: quick drops.
            try (Peer thief = broker.sub("-V", "mqttv311", "-i", settings.clientId(), "-t", "dup/#")) {
                SessionEvent stopped = probe.awaitEvent(SessionEvent::duplicateClientId);
                assertEquals(SessionState.DISCONNECTED, stopped.state());
                assertEquals("error.duplicateClientIdLikely", stopped.detail().key());
                long drops = probe.events.stream().filter(e -> e.isStateChange() && e.state() == SessionState.RECONNECTING
                        && e.detail().key().equals("error.closedByServer")).count();
                // One slow drop and two quick ones reconnected; the third quick one stopped it.
                assertEquals(1 + MqttSession.QUICK_DROPS_FOR_DUPLICATE - 1, drops, probe.events.toString());
            }
        }
    }
}
