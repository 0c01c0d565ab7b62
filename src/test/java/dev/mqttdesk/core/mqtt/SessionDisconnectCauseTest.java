package dev.mqttdesk.core.mqtt;

import dev.mqttdesk.core.url.BrokerUrl;
import dev.mqttdesk.testing.Mosquitto;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Whether a disconnect was the user's own is said as data on the event, not left to the wording of its reason. */
class SessionDisconnectCauseTest {

    private static ConnectionSettings to(Mosquitto broker) {
        return ConnectionSettings.defaults(BrokerUrl.parse("mqtt://127.0.0.1:" + broker.tcpPort())).withReconnectPeriod(0);
    }

    @Test
    void the_users_disconnect_is_marked_as_theirs_and_a_broker_going_away_is_not() throws Exception {
        SessionProbe probe = new SessionProbe();
        try (Mosquitto broker = Mosquitto.startTcp()) {
            probe.connect(to(broker));
            probe.session.disconnect().get(10, TimeUnit.SECONDS);
            SessionEvent byUser = probe.awaitState(SessionState.DISCONNECTED);
            assertTrue(byUser.byUser(), byUser.toString());

            probe.events.clear();
            probe.connect(to(broker));
            broker.close();
            SessionEvent dropped = probe.awaitState(SessionState.DISCONNECTED);
            assertFalse(dropped.byUser(), dropped.toString());
            assertTrue(dropped.detail() != null, "a drop says why");
        } finally {
            probe.close();
        }
    }
}
