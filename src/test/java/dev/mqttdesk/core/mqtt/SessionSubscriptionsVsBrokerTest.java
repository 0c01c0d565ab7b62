package dev.mqttdesk.core.mqtt;

import dev.mqttdesk.core.url.Transport;
import dev.mqttdesk.testing.Mosquitto;
import dev.mqttdesk.testing.Peer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The subscriptions the session reports are what the broker has, or are marked where they may differ. */
class SessionSubscriptionsVsBrokerTest {

    private static String peerVersion(MqttVersion v) {
        return v == MqttVersion.MQTT_5_0 ? "mqttv5" : "mqttv311";
    }

    private static ConnectionSettings settings(Mosquitto broker, MqttVersion v, String clientId, boolean cleanStart,
                                               boolean resubscribe) {
        ConnectionSettings d = ConnectionSettings.defaults(broker.url(Transport.TCP));
        // Without clean start the session is kept (for an hour): the broker then holds the subscriptions.
        return new ConnectionSettings(d.url(), v, clientId, null, null, 60, cleanStart, 10, 200, resubscribe, d.tls())
                .withConnect(ConnectOptions.DEFAULT.withSessionExpiry(cleanStart ? 0 : 3_600));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(MqttVersion.class)
    void with_resubscribe_off_a_broker_that_forgot_us_leaves_rows_marked_not_known_to_the_broker(MqttVersion v)
            throws Exception {
        try (Mosquitto broker = Mosquitto.startTcp()) {
            SessionProbe probe = new SessionProbe();
            probe.connect(settings(broker, v, ConnectionSettings.newClientId(), true, false));
            probe.session.subscribe("forgot/#", 1).get(10, TimeUnit.SECONDS);
            assertEquals(List.of(new Subscribed("forgot/#", 1, Subscribed.Standing.GRANTED)), probe.session.subscriptions());

            broker.stop(); // no persistence: the restarted broker has no session and no subscription
            probe.awaitState(SessionState.RECONNECTING);
            broker.start();
            SessionEvent back = probe.awaitEvent(e -> e.state() == SessionState.CONNECTED && e.detail() != null);
            assertEquals(List.of(new Subscribed("forgot/#", 1, Subscribed.Standing.NOT_KNOWN_TO_BROKER)), back.subscriptions());
            assertEquals(back.subscriptions(), probe.session.subscriptions());
            probe.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(MqttVersion.class)
    void with_resubscribe_on_the_rows_are_granted_again_once_the_broker_acknowledges(MqttVersion v) throws Exception {
        try (Mosquitto broker = Mosquitto.startTcp()) {
            SessionProbe probe = new SessionProbe();
            probe.connect(settings(broker, v, ConnectionSettings.newClientId(), true, true));
            probe.session.subscribe("again/#", 2).get(10, TimeUnit.SECONDS);
            broker.stop();
            probe.awaitState(SessionState.RECONNECTING);
            broker.start();
            probe.awaitEvent(e -> e.state() == SessionState.CONNECTED && e.detail() != null);
            probe.awaitEvent(e -> e.kind() == SessionEvent.Kind.SUBSCRIPTIONS && e.state() == SessionState.CONNECTED
                    && e.subscriptions().equals(List.of(new Subscribed("again/#", 2, Subscribed.Standing.GRANTED))));
            broker.pub("-V", peerVersion(v), "-q", "1", "-t", "again/x", "-m", "after");
            probe.awaitMessage(m -> m.payloadText().equals("after"));
            broker.pub("-V", peerVersion(v), "-q", "1", "-t", "again/x", "-m", "marker");
            probe.awaitMessage(m -> m.payloadText().equals("marker"));
            assertEquals(1, probe.messages.stream().filter(m -> m.payloadText().equals("after")).count(),
                    "once: one message callback, not one per reconnect");
            probe.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(MqttVersion.class)
    void with_clean_start_off_subscriptions_the_broker_resumed_are_shown_as_not_known_here(MqttVersion v) throws Exception {
        try (Mosquitto broker = Mosquitto.startTcp()) {
            String id = ConnectionSettings.newClientId();
            // Another program (or an earlier run of this one) left a session with a subscription.
            List<String> args = new java.util.ArrayList<>(List.of("-V", peerVersion(v), "-i", id, "-c", "-q", "1",
                    "-t", "resumed/#", "-E"));
            if (v == MqttVersion.MQTT_5_0) {
                args.addAll(List.of("-x", "600")); // a session that outlives the connection
            }
            Peer.Result r = Peer.start(broker.command("mosquitto_sub", args.toArray(String[]::new))).awaitExit();
            assertEquals(0, r.exitCode(), r.toString());

            SessionProbe probe = new SessionProbe();
            probe.connect(settings(broker, v, id, false, true));
            assertEquals(List.of(), probe.session.subscriptions());
            broker.pub("-V", peerVersion(v), "-q", "1", "-t", "resumed/a", "-m", "from the old subscription");
            probe.awaitMessage(m -> m.payloadText().equals("from the old subscription"));
            probe.awaitEvent(e -> e.subscriptions().equals(
                    List.of(new Subscribed("resumed/a", 1, Subscribed.Standing.RESUMED_NOT_KNOWN_HERE))));

            // What we subscribe ourselves is known, and a message it matches adds nothing.
            probe.session.subscribe("mine/#", 1).get(10, TimeUnit.SECONDS);
            broker.pub("-V", peerVersion(v), "-q", "1", "-t", "mine/a", "-m", "mine");
            broker.pub("-V", peerVersion(v), "-q", "1", "-t", "resumed/a", "-m", "marker");
            probe.awaitMessage(m -> m.payloadText().equals("marker"));
            assertEquals(List.of(new Subscribed("resumed/a", 1, Subscribed.Standing.RESUMED_NOT_KNOWN_HERE),
                    new Subscribed("mine/#", 1, Subscribed.Standing.GRANTED)), probe.session.subscriptions());
            probe.close();
        }
    }
}
