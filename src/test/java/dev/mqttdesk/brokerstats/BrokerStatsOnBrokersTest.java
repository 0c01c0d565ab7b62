package dev.mqttdesk.brokerstats;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import dev.mqttdesk.broker.LocalBroker;
import dev.mqttdesk.core.mqtt.SessionState;
import dev.mqttdesk.core.stats.BrokerStats;
import dev.mqttdesk.testing.Mosquitto;
import dev.mqttdesk.workspace.ConnectionScope;
import dev.mqttdesk.workspace.TestScopes;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The broker statistics over a real connection: mosquitto reports under $SYS, the built-in broker does not. */
class BrokerStatsOnBrokersTest {

    static Mosquitto mosquitto;
    static LocalBroker builtIn;

    @BeforeAll
    static void start() throws Exception {
        mosquitto = Mosquitto.builder().configLine("sys_interval 1").start();
        builtIn = LocalBroker.start(0, 0);
        FxToolkit.registerPrimaryStage();
    }

    @AfterAll
    static void stop() {
        mosquitto.close();
        builtIn.close();
    }

    @Test
    void mosquittos_reports_fill_the_window_with_its_version_clients_and_the_rate_a_peer_publishes_at() throws Exception {
        ConnectionScope scope = TestScopes.connected("mqtt://127.0.0.1:" + mosquitto.tcpPort(), "stats-test");
        BrokerStatsViewModel model = onFx(scope::brokerStats);
        Stage window = onFx(() -> BrokerStatsWindow.open(null, "stats", model));
        waitFor(() -> scope.subscribe().subscriptions().stream().anyMatch(s -> s.filter().equals(BrokerStats.FILTER)));

        Thread peer = new Thread(() -> publish(200, 5), "stats-peer");
        peer.start();
        waitFor(() -> label(window, "#brokerStatsVersion").startsWith("mosquitto version"));
        waitFor(() -> !label(window, "#brokerStatsClients").equals("—")
                && Long.parseLong(label(window, "#brokerStatsClients")) >= 2); // this connection and the peer
        double[] seen = new double[1];
        waitFor(() -> {
            String in = label(window, "#brokerStatsMessagesIn").replace(",", "");
            seen[0] = in.equals("—") ? 0 : Double.parseDouble(in);
            return seen[0] > 100;
        });
        assertTrue(seen[0] < 400, "a peer publishing 200 msg/s shows as about that: " + seen[0]);
        assertTrue(onFx(() -> model.entries().stream().anyMatch(e -> e.topic().equals("$SYS/broker/uptime"))));
        assertEquals("brokerStats.receiving", onFx(() -> model.statusProperty().get().key()));
        peer.join();

        onFx(() -> {
            window.close();
            return null;
        });
        waitFor(() -> scope.subscribe().subscriptions().isEmpty()); // closing took back its subscription
        scope.close();
    }

    @Test
    void the_built_in_broker_publishes_no_sys_topics_and_the_window_says_so() throws Exception {
        ConnectionScope scope = TestScopes.connected(builtIn.tcpUrl(), "stats-none-test");
        BrokerStatsViewModel model = onFx(() -> new BrokerStatsViewModel(scope.session(), scope.log().store(),
                scope.stateProperty(), () -> false, System::currentTimeMillis, 2_000));
        onFx(() -> {
            model.open();
            return null;
        });
        waitFor(() -> {
            model.refresh();
            return model.statusProperty().get().key().equals("brokerStats.none");
        });
        assertEquals("—", onFx(() -> model.versionProperty().get()));
        onFx(() -> {
            model.close();
            scope.connection().disconnect();
            return null;
        });
        waitFor(() -> scope.stateProperty().get() == SessionState.DISCONNECTED);
        scope.close();
    }

    @Test
    void statistics_opened_before_connecting_say_so_and_subscribe_once_connected() throws Exception {
        ConnectionScope scope = TestScopes.disconnected("mqtt://127.0.0.1:" + mosquitto.tcpPort(), "stats-later-test");
        BrokerStatsViewModel model = onFx(scope::brokerStats);
        onFx(() -> {
            model.open();
            return null;
        });
        assertEquals("brokerStats.notConnected", onFx(() -> model.statusProperty().get().key()));
        onFx(() -> {
            scope.connection().connect();
            return null;
        });
        waitFor(() -> {
            model.refresh();
            return model.versionProperty().get().startsWith("mosquitto version");
        });
        onFx(() -> {
            model.close();
            return null;
        });
        waitFor(() -> scope.subscribe().subscriptions().isEmpty());
        scope.close();
    }

    private static void publish(int perSecond, int seconds) {
        Mqtt5AsyncClient client = Mqtt5Client.builder().identifier("stats-peer")
                .serverHost("127.0.0.1").serverPort(mosquitto.tcpPort()).buildAsync();
        try {
            client.connect().get(20, TimeUnit.SECONDS);
            long start = System.nanoTime();
            long due = 0;
            long end = start + TimeUnit.SECONDS.toNanos(seconds);
            for (long now = start; now < end; now = System.nanoTime()) {
                for (long target = (now - start) * perSecond / 1_000_000_000L; due < target; due++) {
                    client.publishWith().topic("stats/peer").qos(MqttQos.AT_MOST_ONCE)
                            .payload(("m" + due).getBytes(StandardCharsets.UTF_8)).send();
                }
                Thread.sleep(10);
            }
            client.disconnect().get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the peer failed", e);
        }
    }

    private static String label(Stage window, String id) throws Exception {
        return onFx(() -> ((Label) window.getScene().lookup(id)).getText());
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return condition.call();
        });
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(20, TimeUnit.SECONDS);
    }
}
