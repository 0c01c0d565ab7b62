package dev.mqttdesk.ui;

import dev.mqttdesk.core.i18n.Messages;
import dev.mqttdesk.core.log.Message;
import dev.mqttdesk.core.mqtt.MqttVersion;
import dev.mqttdesk.testing.Peer;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TitledPane;
import javafx.scene.text.Text;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** MQTT 5 publish and subscribe through the contract's ids, against mosquitto and its command-line peers. */
class Mqtt5PubSubUiTest extends UiOnMosquitto {

    /** Every text the detail pane shows: labels, text nodes and text inputs, as the contract says. */
    private List<String> detailTexts() {
        List<String> out = new ArrayList<>();
        collect(ui.node("#messageDetail"), out);
        return out;
    }

    private static void collect(Node n, List<String> out) {
        if (!n.isVisible()) {
            return;
        }
        // A label's or a field's own text nodes say the same again: take the control's text once.
        if (n instanceof Labeled l) {
            out.add(l.getText());
            return;
        }
        if (n instanceof TextInputControl t) {
            out.add(t.getText());
            return;
        }
        if (n instanceof Text t) {
            out.add(t.getText());
        }
        if (n instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> collect(c, out));
        }
    }

    @Test
    void a_message_mosquitto_pub_sends_shows_every_mqtt5_property_and_each_user_property_in_the_detail_pane()
            throws Exception {
        connect();
        ui.subscribe("ui5/#");
        mosquitto.pub("-V", "5", "-q", "1", "-t", "ui5/in", "-m", "{\"t\": 1}",
                "-D", "publish", "content-type", "application/json",
                "-D", "publish", "correlation-data", "corr-77",
                "-D", "publish", "message-expiry-interval", "7200",
                "-D", "publish", "response-topic", "reply/ui",
                "-D", "publish", "payload-format-indicator", "1",
                "-D", "publish", "user-property", "site", "北京",
                "-D", "publish", "user-property", "unit", "°C",
                "-D", "publish", "user-property", "site", "上海");
        @SuppressWarnings("unchecked")
        TableView<Message> log = (TableView<Message>) ui.node("#messageLog");
        ui.waitFor(() -> log.getItems().stream().anyMatch(m -> m.topic().equals("ui5/in")));
        ui.robot.interact(() -> log.getSelectionModel().select(
                log.getItems().stream().filter(m -> m.topic().equals("ui5/in")).findFirst().orElseThrow()));
        TabPane tabs = ui.node("#detailTabs");
        ui.robot.interact(() -> tabs.getSelectionModel().select(tabs.getTabs().stream()
                .filter(t -> t.getText().equals(Messages.get("detail.tab.properties"))).findFirst().orElseThrow()));
        try {
            ui.waitFor(() -> detailTexts().contains("corr-77"));
        } catch (Exception e) {
            throw new AssertionError("detail shows " + detailTexts(), e);
        }

        List<String> texts = detailTexts();
        for (String expected : List.of("application/json", "corr-77", "reply/ui",
                Messages.get("detail.prop.payloadFormat.utf8"), "北京", "上海", "unit", "°C")) {
            assertTrue(texts.contains(expected), expected + " in " + texts);
        }
        assertEquals(2, texts.stream().filter("site"::equals).count(), "the repeated name shows twice: " + texts);
        assertTrue(texts.stream().anyMatch(t -> t.matches("7,?1\\d\\d s|7,?200 s")), "the expiry in seconds: " + texts);
    }

    @Test
    void the_publish_form_sends_every_property_it_holds_to_mosquitto_sub() throws Exception {
        connect();
        try (Peer sub = Peer.start(mosquitto.command("mosquitto_sub", "-d", "-V", "5", "-t", "ui5/out",
                "-F", "PROPS|%C|%D|%E|%R|%F|%P|%p"))) {
            sub.awaitSubscribed();
            ui.robot.interact(() -> ((TitledPane) ui.node("#pubPropertiesPane")).setExpanded(true));
            ui.type("#pubTopicField", "ui5/out");
            ui.type("#pubMessageArea", "hello");
            ui.type("#pubContentTypeField", "text/plain");
            ui.type("#pubResponseTopicField", "reply/form");
            ui.type("#pubCorrelationDataField", "关联 1");
            ui.type("#pubMessageExpiryField", "600");
            ui.type("#pubUserPropertiesArea", "k=1\nk=2\nname=值");
            ui.robot.interact(() -> ((CheckBox) ui.node("#pubPayloadFormatCheck")).setSelected(true));
            ui.click("#publishButton");

            String line = sub.awaitLine(l -> l.startsWith("PROPS|"));
            String[] f = line.split("\\|", -1);
            assertEquals(List.of("text/plain", "关联 1", "reply/form", "1", "k:1 k:2 name:值", "hello"),
                    List.of(f[1], f[2], f[4], f[5], f[6], f[7]), line);
            assertTrue(Long.parseLong(f[3]) <= 600 && Long.parseLong(f[3]) >= 590, line);
        }

        // Bad input is refused at its field, and nothing goes out.
        ui.type("#pubMessageExpiryField", "ten");
        ui.click("#publishButton");
        ui.waitFor(() -> ui.hasStyle("#pubMessageExpiryField", "field-error"));
        assertTrue(ui.node("#publishError").isVisible());
    }

    @Test
    void on_mqtt_3_1_1_the_mqtt5_fields_and_options_are_shown_disabled_and_keep_what_they_hold() throws Exception {
        ui.robot.interact(() -> ((TitledPane) ui.node("#pubPropertiesPane")).setExpanded(true));
        ui.type("#pubContentTypeField", "text/plain");
        ui.robot.interact(() -> ((CheckBox) ui.node("#subNoLocalCheck")).setSelected(true));
        @SuppressWarnings("unchecked")
        ChoiceBox<MqttVersion> protocol = (ChoiceBox<MqttVersion>) ui.node("#protocolChoice");
        ui.robot.interact(() -> protocol.setValue(MqttVersion.MQTT_3_1_1));
        ui.waitFor(() -> ui.node("#pubContentTypeField").isDisabled());
        assertTrue(ui.node("#subNoLocalCheck").isDisabled());
        assertTrue(ui.node("#subRetainAsPublishedCheck").isDisabled());
        assertTrue(ui.node("#subRetainHandlingChoice").isDisabled());
        assertTrue(ui.node("#pubUserPropertiesArea").isDisabled());
        assertEquals("text/plain", ui.text("#pubContentTypeField"));
        assertTrue(((CheckBox) ui.node("#subNoLocalCheck")).isSelected());

        ui.robot.interact(() -> protocol.setValue(MqttVersion.MQTT_5_0));
        ui.waitFor(() -> !ui.node("#pubContentTypeField").isDisabled() && !ui.node("#subNoLocalCheck").isDisabled());
    }

    @Test
    void a_subscription_made_on_mqtt_3_1_1_is_saved_with_the_options_it_could_not_send() throws Exception {
        ui.close();
        java.nio.file.Path home = java.nio.file.Files.createTempDirectory("mqttdesk-home");
        ui = AppUi.start(home);
        @SuppressWarnings("unchecked")
        ChoiceBox<MqttVersion> protocol = (ChoiceBox<MqttVersion>) ui.node("#protocolChoice");
        ui.robot.interact(() -> protocol.setValue(MqttVersion.MQTT_3_1_1));
        connect();
        ui.robot.interact(() -> ((CheckBox) ui.node("#subRetainAsPublishedCheck")).setSelected(true));
        ui.subscribe("v3/options");
        java.nio.file.Path profiles = home.resolve("profiles.json");
        ui.waitFor(() -> java.nio.file.Files.exists(profiles)
                && java.nio.file.Files.readString(profiles).contains("v3/options"));
        String saved = java.nio.file.Files.readString(profiles);
        String entry = saved.substring(saved.indexOf("\"v3/options\""));
        entry = entry.substring(0, entry.indexOf('}'));
        assertTrue(entry.matches("(?s).*\"retainAsPublished\" : true.*"), "kept, not dropped: " + entry);
    }
}
