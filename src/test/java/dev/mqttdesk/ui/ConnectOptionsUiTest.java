package dev.mqttdesk.ui;

import dev.mqttdesk.core.mqtt.MqttVersion;
import dev.mqttdesk.testing.GatekeeperHiveMq;
import dev.mqttdesk.testing.Peer;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TitledPane;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** MQTT 5's CONNECT options, the last will and the CONNACK panel through the contract's ids, against a real mosquitto. */
class ConnectOptionsUiTest extends UiOnMosquitto {

    static dev.mqttdesk.testing.Mosquitto secured;
    /** HiveMQ CE with a test extension: the one real broker here that sends a CONNACK reason string. */
    static GatekeeperHiveMq gatekeeper;

    @org.junit.jupiter.api.BeforeAll
    static void startSecured() {
        secured = dev.mqttdesk.testing.Mosquitto.builder().user("desk", "s3cret").start();
        gatekeeper = GatekeeperHiveMq.start();
    }

    @org.junit.jupiter.api.AfterAll
    static void stopSecured() {
        secured.close();
        gatekeeper.close();
    }

    private void open(String pane) {
        ui.robot.interact(() -> ((TitledPane) ui.node(pane)).setExpanded(true));
    }

    private void set(String query, String text) {
        ui.robot.interact(() -> ((TextInputControl) ui.node(query)).setText(text));
    }

    /** Presses a button wherever the side panel's scrolling put it (opened panes push the Connect button down). */
    private void press(String query) {
        ui.robot.interact(() -> ((javafx.scene.control.ButtonBase) ui.node(query)).fire());
    }

    @SuppressWarnings("unchecked")
    private void protocol(MqttVersion v) {
        ui.robot.interact(() -> ((ChoiceBox<MqttVersion>) ui.node("#protocolChoice")).setValue(v));
    }

    /** Every label's text inside the CONNACK panel, top to bottom. */
    private List<String> connAckTexts() {
        return ui.robot.lookup("#connAckPanel .label").queryAll().stream()
                .map(n -> ((Labeled) n).getText()).toList();
    }

    @Test
    void mqtt_3_1_1_shows_the_options_it_lacks_disabled_and_keeps_the_will_it_has() throws Exception {
        open("#connectOptionsPane");
        open("#willPane");
        set("#sessionExpiryField", "600");
        assertFalse(ui.node("#sessionExpiryField").isDisabled());
        assertFalse(ui.node("#connectOptionsMqtt3Note").isVisible());
        protocol(MqttVersion.MQTT_3_1_1);
        ui.waitFor(() -> ui.node("#sessionExpiryField").isDisabled());
        for (String id : List.of("#receiveMaximumField", "#maximumPacketSizeField", "#topicAliasMaximumField",
                "#requestResponseInfoCheck", "#requestProblemInfoCheck", "#connectUserPropertiesArea", "#willDelayField",
                "#willMessageExpiryField", "#willContentTypeField", "#willResponseTopicField", "#willCorrelationDataField",
                "#willUserPropertiesArea")) {
            assertTrue(ui.node(id).isDisabled(), id + " is MQTT 5's");
        }
        for (String id : List.of("#willTopicField", "#willMessageArea", "#willQosChoice", "#willRetainCheck", "#cleanStartCheck")) {
            assertFalse(ui.node(id).isDisabled(), id + " is MQTT 3.1.1's too");
        }
        assertTrue(ui.node("#connectOptionsMqtt3Note").isVisible());
        assertTrue(ui.node("#willMqtt3Note").isVisible());
        assertEquals("600", ui.text("#sessionExpiryField"), "kept, not dropped");
    }

    @Test
    void a_bad_session_expiry_is_refused_at_its_field_and_nothing_connects() throws Exception {
        set("#sessionExpiryField", "a day");
        ui.click("#connectButton");
        ui.waitFor(() -> ui.hasStyle("#sessionExpiryField", "field-error"));
        assertTrue(((TitledPane) ui.node("#connectOptionsPane")).isExpanded(), "the pane opens to show the field");
        assertTrue(ui.node("#connectOptionsError").isVisible());
        assertEquals(dev.mqttdesk.core.i18n.Messages.get("error.number"), ui.text("#connectOptionsError"));
        assertTrue(ui.hasStyle("#connectionStatus", "disconnected"));

        set("#willTopicField", "bad/#");
        set("#sessionExpiryField", "");
        press("#connectButton");
        ui.waitFor(() -> ui.hasStyle("#willTopicField", "field-error"));
        assertFalse(ui.hasStyle("#sessionExpiryField", "field-error"));
        assertFalse(ui.node("#connectOptionsError").isVisible());
        assertTrue(ui.node("#willError").isVisible());
        assertTrue(ui.hasStyle("#connectionStatus", "disconnected"));
    }

    @Test
    void an_mqtt_3_1_1_password_without_a_user_name_is_refused_with_a_message() throws Exception {
        protocol(MqttVersion.MQTT_3_1_1);
        set("#passwordField", "s3cret");
        ui.click("#connectButton");
        ui.waitFor(() -> ui.hasStyle("#passwordField", "field-error"));
        assertEquals(dev.mqttdesk.core.i18n.Messages.get("error.password.withoutUser311"), ui.text("#connectionError"));
        assertTrue(ui.hasStyle("#connectionStatus", "disconnected"));
    }

    @Test
    void after_connecting_the_connack_panel_shows_what_the_broker_said_and_the_will_is_sent() throws Exception {
        assertFalse(ui.node("#connAckPanel").isVisible(), "nothing to show before a CONNACK");
        String topic = "desk/ui-will/" + System.nanoTime();
        set("#willTopicField", topic);
        set("#willMessageArea", "ui gone");
        set("#willContentTypeField", "text/plain");
        set("#willUserPropertiesArea", "from=ui\nfrom=test");
        connect();
        ui.waitFor(() -> ui.node("#connAckPanel").isVisible());
        TitledPane panel = ui.node("#connAckPanel");
        String accepted = dev.mqttdesk.core.i18n.Text.of("reason.withCode",
                dev.mqttdesk.core.i18n.Text.of("connack.reason.SUCCESS"), "0x00").resolve();
        assertTrue(panel.getText().endsWith(accepted), "the title says it while the panel is closed: " + panel.getText());
        assertFalse(panel.isExpanded(), "closed, so that the subscribe form stays in view");
        open("#connAckPanel");
        List<String> texts = connAckTexts();
        assertTrue(texts.contains(accepted), texts.toString());
        assertTrue(texts.contains(dev.mqttdesk.core.i18n.Messages.get("connack.field.receiveMaximum")), texts.toString());
        assertTrue(texts.contains(dev.mqttdesk.core.i18n.Messages.get("connack.field.topicAliasMaximum")), texts.toString());
        for (Node n : ui.robot.lookup("#connAckPanel .label").queryAll()) {
            assertFalse(((Labeled) n).getText().startsWith("connack."), "words, not keys: " + texts);
        }
        // The will went out with the CONNECT: a client taking our id makes the broker publish it.
        String clientId = ui.text("#clientIdField");
        try (Peer watcher = Peer.start(mosquitto.command("mosquitto_sub", "-V", "5", "-d", "-t", topic, "-F", "%t|%C|%P|%p"))
                .awaitSubscribed();
             Peer thief = Peer.start(mosquitto.command("mosquitto_sub", "-V", "5", "-d", "-i", clientId, "-t", "x/#"))) {
            assertEquals(topic + "|text/plain|from:ui from:test|ui gone", watcher.awaitLine(l -> l.startsWith(topic + "|")));
        }
    }

    @Test
    void a_refused_connack_opens_the_panel_with_the_reason_in_words() throws Exception {
        ui.type("#brokerUrlField", "mqtt://127.0.0.1:" + secured.tcpPort());
        ui.robot.type(javafx.scene.input.KeyCode.ENTER);
        set("#usernameField", "desk");
        set("#passwordField", "wrong");
        press("#connectButton");
        ui.waitFor(() -> ui.node("#connAckPanel").isVisible());
        TitledPane panel = ui.node("#connAckPanel");
        String reason = dev.mqttdesk.core.i18n.Text.of("reason.withCode",
                dev.mqttdesk.core.i18n.Text.of("connack.reason.NOT_AUTHORIZED"), "0x87").resolve();
        assertEquals(dev.mqttdesk.core.i18n.Messages.format("connack.title.refused", reason), panel.getText());
        assertTrue(panel.isExpanded(), "a refusal is shown open");
        assertTrue(connAckTexts().contains(reason), connAckTexts().toString());
        assertTrue(ui.text("#connectionError").contains(reason), ui.text("#connectionError"));
        assertTrue(ui.hasStyle("#connectionStatus", "disconnected"));
    }

    @Test
    void a_refusal_with_a_reason_string_shows_the_brokers_words_in_the_panel_and_under_the_form() throws Exception {
        ui.type("#brokerUrlField", gatekeeper.tcpUrl());
        ui.robot.type(javafx.scene.input.KeyCode.ENTER);
        set("#usernameField", GatekeeperHiveMq.REFUSED_USER);
        set("#passwordField", "pw");
        press("#connectButton");
        ui.waitFor(() -> ui.node("#connAckPanel").isVisible());
        TitledPane panel = ui.node("#connAckPanel");
        assertTrue(panel.isExpanded(), "a refusal is shown open");
        List<String> texts = connAckTexts();
        int label = texts.indexOf(dev.mqttdesk.core.i18n.Messages.get("connack.field.reasonString"));
        assertTrue(label >= 0, texts.toString());
        assertEquals(GatekeeperHiveMq.REASON, texts.get(label + 1), "the broker's words next to their label: " + texts);
        String said = dev.mqttdesk.core.i18n.Messages.format("reason.string", GatekeeperHiveMq.REASON);
        assertTrue(ui.text("#connectionError").contains(said), ui.text("#connectionError"));
        assertTrue(ui.hasStyle("#connectionStatus", "disconnected"));
    }
}
