package dev.mqttdesk.core.mqtt;

import dev.mqttdesk.core.url.Transport;
import dev.mqttdesk.testing.Mosquitto;
import dev.mqttdesk.testing.Peer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Another client (mosquitto_sub) connecting with our client id.
 * <p>
 * What mosquitto does depends on its version. From 2.0.15 it sends an MQTT 5 client a DISCONNECT
 * with reason SESSION_TAKEN_OVER, and the session stops at once and says so. Up to 2.0.14 (Debian 12
 * ships 2.0.11) it only closes the old connection, in both protocol versions, exactly as MQTT 3.1.1
 * requires. Then the session cannot know why it was dropped: it reconnects (kicking the other client
 * off, which reconnects and kicks it off in turn) until it has been dropped
 * {@link MqttSession#QUICK_DROPS_FOR_DUPLICATE} times right after connecting; then it stops and says
 * that another client most likely uses its id.
 */
class SessionOnMosquittoTakeOverTest {

    static Mosquitto broker;

    @BeforeAll
    static void start() {
        broker = Mosquitto.startTcp();
    }

    @AfterAll
    static void stop() {
        if (broker != null) {
            broker.close();
        }
    }

    private static boolean brokerSaysSessionTakenOver(MqttVersion v) {
        return v == MqttVersion.MQTT_5_0 && broker.versionAtLeast(2, 0, 15);
    }

    private static long connectionsAs(String clientId) {
        return broker.log().lines().filter(l -> l.contains("New client connected") && l.contains(" as " + clientId + " ("))
                .count();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(MqttVersion.class)
    void a_peer_taking_our_client_id_stops_the_session_with_the_reason_in_words(MqttVersion v) throws Exception {
        SessionProbe probe = new SessionProbe();
        ConnectionSettings settings = ConnectionSettings.defaults(broker.url(Transport.TCP)).withVersion(v)
                .withReconnectPeriod(200);
        probe.connect(settings);
        String peerVersion = v == MqttVersion.MQTT_5_0 ? "mqttv5" : "mqttv311";
        try (Peer thief = broker.sub("-V", peerVersion, "-i", settings.clientId(), "-t", "desk/takeover/#")) {
            SessionEvent stopped = probe.awaitEvent(SessionEvent::duplicateClientId);
            assertEquals(SessionState.DISCONNECTED, stopped.state());
            if (brokerSaysSessionTakenOver(v)) {
                assertEquals("error.sessionTakenOver", stopped.detail().key(), stopped.toString());
                assertTrue(probe.events.stream().noneMatch(e -> e.state() == SessionState.RECONNECTING),
                        "no reconnect after the broker said why: " + probe.events);
            } else {
                assertEquals("error.duplicateClientIdLikely", stopped.detail().key(), probe.events.toString());
                assertEquals(settings.clientId(), stopped.detail().args()[0]);
                long reconnects = probe.events.stream().filter(e -> e.state() == SessionState.RECONNECTING).count();
                assertEquals(MqttSession.QUICK_DROPS_FOR_DUPLICATE - 1, reconnects, probe.events.toString());
                assertTrue(probe.events.stream().filter(e -> e.state() == SessionState.RECONNECTING)
                        .allMatch(e -> e.detail().key().equals("error.closedByServer")), probe.events.toString());
            }
            // Stopped for good: the peer keeps the id, nobody kicks it off again.
            thief.awaitSubscribed();
            long connections = connectionsAs(settings.clientId());
            int events = probe.events.size();
            probe.awaitIdle(); // no attempt pending: nothing can kick the peer later
            assertEquals(SessionState.DISCONNECTED, probe.session.state());
            assertEquals(events, probe.events.size(), probe.events.toString());
            assertEquals(connections, connectionsAs(settings.clientId()), broker.log());
            assertTrue(thief.isAlive());
        }
    }
}
