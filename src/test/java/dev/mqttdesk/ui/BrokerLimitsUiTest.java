package dev.mqttdesk.ui;

import dev.mqttdesk.core.i18n.Messages;
import dev.mqttdesk.testing.GatekeeperHiveMq;
import dev.mqttdesk.testing.Mosquitto;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.TextInputControl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the broker's CONNACK said it does not take is refused at the field, in words, and the connection stays. */
class BrokerLimitsUiTest {

    static Mosquitto mosquitto;
    static GatekeeperHiveMq hivemq;
    AppUi ui;

    @BeforeAll
    static void startBrokers() {
        mosquitto = Mosquitto.builder().configLine("retain_available false").listenerLine("max_qos 1").start();
        hivemq = GatekeeperHiveMq.start("<mqtt><wildcard-subscriptions><enabled>false</enabled></wildcard-subscriptions></mqtt>");
    }

    @AfterAll
    static void stopBrokers() {
        mosquitto.close();
        hivemq.close();
    }

    @BeforeEach
    void startApp() throws Exception {
        ui = AppUi.start();
    }

    @AfterEach
    void stopApp() throws Exception {
        ui.close();
    }

    private void set(String query, String text) {
        ui.robot.interact(() -> ((TextInputControl) ui.node(query)).setText(text));
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_retained_publish_and_qos_2_are_refused_at_their_fields_when_the_broker_said_so() throws Exception {
        ui.connect("mqtt://127.0.0.1:" + mosquitto.tcpPort());
        set("#pubTopicField", "desk/limits");
        ui.robot.interact(() -> ((CheckBox) ui.node("#retainCheck")).setSelected(true));
        ui.click("#publishButton");
        ui.waitFor(() -> !ui.text("#publishError").isEmpty());
        assertEquals(Messages.get("error.broker.retainUnavailable"), ui.text("#publishError"));
        assertTrue(ui.hasStyle("#retainCheck", "field-error"));

        ui.robot.interact(() -> {
            ((CheckBox) ui.node("#retainCheck")).setSelected(false);
            ((ChoiceBox<Integer>) ui.node("#pubQosChoice")).setValue(2);
        });
        ui.click("#publishButton");
        ui.waitFor(() -> ui.hasStyle("#pubQosChoice", "field-error"));
        assertEquals(Messages.format("error.broker.qosAboveMaximum", "2", "1"), ui.text("#publishError"));
        assertTrue(ui.hasStyle("#connectionStatus", "connected"), "nothing was sent: the broker kept the connection");
    }

    @Test
    void a_wildcard_subscription_is_refused_at_the_filter_when_the_broker_takes_none() throws Exception {
        ui.connect(hivemq.tcpUrl());
        set("#subTopicField", "a/#");
        ui.click("#subscribeButton");
        ui.waitFor(() -> !ui.text("#subscribeError").isEmpty());
        assertEquals(Messages.get("error.broker.wildcardUnavailable"), ui.text("#subscribeError"));
        assertTrue(ui.hasStyle("#subTopicField", "field-error"));
        ui.subscribe("a/b");
        assertTrue(ui.hasStyle("#connectionStatus", "connected"));
    }
}
