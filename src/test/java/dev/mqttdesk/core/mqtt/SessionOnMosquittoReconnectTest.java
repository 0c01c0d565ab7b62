package dev.mqttdesk.core.mqtt;

import dev.mqttdesk.core.log.Direction;
import dev.mqttdesk.core.url.Transport;
import dev.mqttdesk.testing.Mosquitto;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** A mosquitto that goes away and comes back on the same port. */
class SessionOnMosquittoReconnectTest {

    static final int PERIOD = 200;

    private static String peerVersion(MqttVersion v) {
        return v == MqttVersion.MQTT_5_0 ? "mqttv5" : "mqttv311";
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(MqttVersion.class)
    void a_broker_restart_reconnects_and_the_subscription_works_again(MqttVersion v) throws Exception {
        try (Mosquitto broker = Mosquitto.startTcp()) {
            SessionProbe probe = new SessionProbe();
            ConnectionSettings settings = ConnectionSettings.defaults(broker.url(Transport.TCP)).withVersion(v)
                    .withReconnectPeriod(PERIOD);
            probe.connect(settings);
            String filter = "desk/reconnect/" + v.name() + "/#";
            probe.session.subscribe(filter, 1).get(10, TimeUnit.SECONDS);
            broker.pub("-V", peerVersion(v), "-q", "1", "-t", "desk/reconnect/" + v.name() + "/before", "-m", "before");
            probe.awaitMessage(m -> m.payloadText().equals("before"));

            broker.stop();
            SessionEvent lost = probe.awaitState(SessionState.RECONNECTING);
            assertEquals("error.closedByServer", lost.detail().key(), lost.toString());

            broker.start();
            probe.awaitEvent(e -> e.state() == SessionState.CONNECTED && e.detail() != null
                    && e.detail().key().equals("status.reconnected"));
            // The restarted broker kept nothing (no persistence): the client subscribed again by itself.
            broker.awaitLogSinceLastStart(l -> l.endsWith(settings.clientId() + " 1 " + filter));
            broker.pub("-V", peerVersion(v), "-q", "1", "-t", "desk/reconnect/" + v.name() + "/after", "-m", "after");
            probe.awaitMessage(m -> m.direction() == Direction.RECEIVED && m.payloadText().equals("after"));
            assertEquals(SessionState.CONNECTED, probe.session.state());
            probe.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(MqttVersion.class)
    void disconnecting_while_reconnecting_stops_the_loop_for_good(MqttVersion v) throws Exception {
        try (Mosquitto broker = Mosquitto.startTcp()) {
            SessionProbe probe = new SessionProbe();
            ConnectionSettings settings = ConnectionSettings.defaults(broker.url(Transport.TCP)).withVersion(v)
                    .withReconnectPeriod(PERIOD);
            probe.connect(settings);
            broker.stop();
            probe.awaitState(SessionState.RECONNECTING);

            probe.session.disconnect().get(10, TimeUnit.SECONDS);
            assertEquals(SessionState.DISCONNECTED, probe.session.state());
            SessionEvent last = probe.events.get(probe.events.size() - 1);
            assertEquals(SessionState.DISCONNECTED, last.state());
            int events = probe.events.size();

            broker.start();
            // The attempt that was waiting ends without connecting; a loop still running never gets idle.
            probe.awaitIdle();
            assertEquals(SessionState.DISCONNECTED, probe.session.state());
            assertEquals(events, probe.events.size(), probe.events.toString());
            assertFalse(broker.logSinceLastStart().contains(settings.clientId()), broker.logSinceLastStart());
        }
    }
}
