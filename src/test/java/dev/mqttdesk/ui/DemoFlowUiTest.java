package dev.mqttdesk.ui;

import dev.mqttdesk.core.log.Message;
import dev.mqttdesk.subscribe.Subscription;
import dev.mqttdesk.testing.Peer;
import javafx.scene.control.ListView;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The mini-program demo page's whole flow, by hand through the UI, against a real mosquitto and its clients. */
@SuppressWarnings("unchecked")
class DemoFlowUiTest extends UiOnMosquitto {

    @SuppressWarnings("unchecked")
    private List<Subscription> subscriptions() {
        return ((ListView<Subscription>) ui.node("#subscriptionList")).getItems();
    }

    private static long digits(String grouped) {
        return Long.parseLong(grouped.replaceAll("\\D", ""));
    }

    @Test
    void connect_subscribe_receive_publish_unsubscribe_and_disconnect() throws Exception {
        connect();
        assertTrue(ui.node("#connectButton").isDisabled());
        assertFalse(ui.node("#disconnectButton").isDisabled());

        ui.subscribe("demo/#");
        mosquitto.pub("-t", "demo/in", "-m", "hello from mosquitto_pub 你好", "-q", "1");
        ui.waitFor(() -> shown().stream().anyMatch(m -> m.topic().equals("demo/in")));
        assertEquals("hello from mosquitto_pub 你好", shown().get(0).payloadText());
        assertEquals("1", ui.text("#receivedCount"));

        try (Peer sub = mosquitto.sub("-t", "out/#", "-q", "1", "-C", "1").awaitSubscribed()) {
            ui.type("#pubTopicField", "out/desk");
            ui.robot.interact(() -> ((javafx.scene.control.TextArea) ui.node("#pubMessageArea")).setText("{\"from\": \"MQTT Desk\"}"));
            ui.click("#publishButton");
            Peer.Received got = sub.awaitMessage(m -> m.topic().equals("out/desk"));
            assertEquals("{\"from\": \"MQTT Desk\"}", got.payload());
        }
        ui.waitFor(() -> shown().stream().anyMatch(m -> m.topic().equals("out/desk")));

        // Unsubscribe from the list's row button; a marker subscription proves the old filter is silent.
        // The row's button, pressed where it is: the form's panes may have scrolled it out of the side column's view.
        ui.robot.interact(() -> ((javafx.scene.control.Button) ui.node("#unsubscribe-0")).fire());
        ui.waitFor(() -> subscriptions().isEmpty());
        ui.subscribe("marker/#");
        mosquitto.pub("-t", "demo/in", "-m", "after unsubscribe", "-q", "1");
        mosquitto.pub("-t", "marker/x", "-m", "marker", "-q", "1");
        ui.waitFor(() -> shown().stream().anyMatch(m -> m.topic().equals("marker/x")));
        assertTrue(shown().stream().noneMatch(m -> m.payloadText().equals("after unsubscribe")));
        assertEquals("2", ui.text("#receivedCount"));

        ui.click("#disconnectButton");
        ui.waitFor(() -> ui.hasStyle("#connectionStatus", "disconnected"));
        assertFalse(ui.node("#connectButton").isDisabled());
    }

    @Test
    void a_flood_of_100000_messages_is_counted_exactly_while_the_window_answers() throws Exception {
        connect();
        ui.subscribe("flood/#");
        int total = 100_000;
        try (Peer pub = mosquitto.pubLines("-t", "flood/1", "-q", "0")) {
            for (int i = 0; i < total; i++) {
                pub.writeLine("message " + i + " " + "x".repeat(60));
            }
            // While the flood arrives, the window still takes input.
            ui.type("#pubTopicField", "typed/during/flood");
            assertEquals("typed/during/flood", ui.text("#pubTopicField"));
            // mosquitto_pub -l drops what it has not sent yet when its input ends (and at QoS 1 it
            // stalls now and then): QoS 0, and its input kept open until every message arrived.
            try {
                ui.waitFor(() -> digits(ui.text("#receivedCount")) == total);
            } catch (java.util.concurrent.TimeoutException e) {
                throw new AssertionError("received " + ui.text("#receivedCount") + ", log holds " + shown().size(), e);
            }
            pub.closeInput();
            pub.awaitExit();
        }
        // The table shows the newest rows it can scroll fast; the log holds and counts them all.
        int rows = Math.min(total, dev.mqttdesk.log.MessageLogModel.TABLE_ROWS);
        assertEquals(rows, shown().size());
        assertEquals("message 99999 " + "x".repeat(60), shown().get(rows - 1).payloadText());
        assertEquals("message " + (total - rows) + " " + "x".repeat(60), shown().get(0).payloadText());
        ui.click("#clearLogButton");
        ui.waitFor(() -> shown().isEmpty());
        assertEquals("0", ui.text("#receivedCount"));
    }

    @Test
    void the_last_connection_is_remembered_without_its_password() throws Exception {
        ui.close();
        java.nio.file.Path home = java.nio.file.Files.createTempDirectory("mqttdesk-home");
        ui = AppUi.start(home);
        ui.robot.interact(() -> ((javafx.scene.control.ChoiceBox<dev.mqttdesk.core.mqtt.MqttVersion>) ui.node("#protocolChoice"))
                .setValue(dev.mqttdesk.core.mqtt.MqttVersion.MQTT_3_1_1));
        ui.type("#usernameField", "alice");
        ui.type("#passwordField", "secret-password");
        connect();
        String clientId = ui.text("#clientIdField");
        ui.click("#disconnectButton");
        ui.waitFor(() -> ui.hasStyle("#connectionStatus", "disconnected"));
        ui.waitFor(() -> java.nio.file.Files.exists(home.resolve("profiles.json"))
                && java.nio.file.Files.readString(home.resolve("profiles.json")).contains(clientId));
        ui.close();

        ui = AppUi.start(home);
        assertEquals("mqtt://127.0.0.1:" + mosquitto.tcpPort(), ui.text("#brokerUrlField"));
        assertEquals(clientId, ui.text("#clientIdField"));
        assertEquals("alice", ui.text("#usernameField"));
        assertEquals("", ui.text("#passwordField"));
        assertEquals(dev.mqttdesk.core.mqtt.MqttVersion.MQTT_3_1_1,
                ((javafx.scene.control.ChoiceBox<?>) ui.node("#protocolChoice")).getValue());
        assertFalse(java.nio.file.Files.readString(home.resolve("profiles.json")).contains("secret-password"));
    }
}
