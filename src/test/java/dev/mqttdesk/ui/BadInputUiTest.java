package dev.mqttdesk.ui;

import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BadInputUiTest {

    private AppUi ui;

    @BeforeEach
    void start() throws Exception {
        ui = AppUi.start();
    }

    @AfterEach
    void stop() throws Exception {
        ui.close();
    }

    private void assertStillDisconnected() {
        assertTrue(ui.hasStyle("#connectionStatus", "disconnected"));
        assertEquals(0, ((TableView<?>) ui.node("#messageLog")).getItems().size());
    }

    @Test
    void a_port_out_of_range_is_refused_at_the_field_and_nothing_connects() throws Exception {
        ui.type("#portField", "70000");
        ui.click("#connectButton");
        ui.waitFor(() -> ui.node("#connectionError").isVisible());
        assertTrue(ui.text("#connectionError").contains("70000"), ui.text("#connectionError"));
        assertTrue(ui.hasStyle("#portField", "field-error"));
        assertStillDisconnected();
    }

    @Test
    void port_zero_is_refused_too() throws Exception {
        ui.type("#portField", "0");
        ui.click("#connectButton");
        ui.waitFor(() -> ui.node("#connectionError").isVisible());
        assertTrue(ui.hasStyle("#portField", "field-error"));
        assertStillDisconnected();
    }

    @Test
    void an_unknown_url_scheme_is_refused_and_the_parts_stay_as_they_were() throws Exception {
        String hostBefore = ui.text("#hostField");
        String portBefore = ui.text("#portField");
        ui.type("#brokerUrlField", "http://example.com:80");
        ui.robot.type(javafx.scene.input.KeyCode.ENTER);
        ui.waitFor(() -> ui.node("#connectionError").isVisible());
        assertTrue(ui.text("#connectionError").contains("http"), ui.text("#connectionError"));
        assertEquals(hostBefore, ui.text("#hostField"));
        assertEquals(portBefore, ui.text("#portField"));
        assertStillDisconnected();
    }

    @Test
    void a_mini_program_url_fills_host_port_path_and_transport() throws Exception {
        ui.type("#brokerUrlField", "wxs://broker.example.com:8084/mqtt");
        ui.robot.type(javafx.scene.input.KeyCode.ENTER);
        ui.waitFor(() -> "broker.example.com".equals(ui.text("#hostField")));
        assertEquals("8084", ui.text("#portField"));
        assertEquals("/mqtt", ui.text("#pathField"));
        assertEquals("WEBSOCKET_TLS", String.valueOf(((javafx.scene.control.ChoiceBox<?>) ui.node("#transportChoice")).getValue()));
        assertEquals("wss://broker.example.com:8084/mqtt", ui.text("#brokerUrlField"));
        ui.type("#portField", "443");
        ui.waitFor(() -> "wss://broker.example.com:443/mqtt".equals(ui.text("#brokerUrlField")));
    }

    @Test
    void subscribing_while_disconnected_is_refused_with_a_message() throws Exception {
        ui.click("#subscribeButton");
        ui.waitFor(() -> ui.node("#subscribeError").isVisible());
        assertTrue(((ListView<?>) ui.node("#subscriptionList")).getItems().isEmpty());
        assertStillDisconnected();
    }

    @Test
    void a_misplaced_wildcard_in_a_filter_is_refused_before_anything_is_sent() throws Exception {
        ui.type("#subTopicField", "a/#/b");
        ui.click("#subscribeButton");
        ui.waitFor(() -> ui.node("#subscribeError").isVisible());
        assertTrue(ui.text("#subscribeError").contains("#"), ui.text("#subscribeError"));
        assertStillDisconnected();
    }

    @Test
    void a_wildcard_in_a_publish_topic_and_an_empty_topic_are_refused() throws Exception {
        ui.type("#pubTopicField", "a/+/b");
        ui.click("#publishButton");
        ui.waitFor(() -> ui.node("#publishError").isVisible());
        String wildcard = ((Labeled) ui.node("#publishError")).getText();
        ui.type("#pubTopicField", "");
        ui.click("#publishButton");
        ui.waitFor(() -> !ui.text("#publishError").equals(wildcard));
        assertTrue(ui.hasStyle("#pubTopicField", "field-error"));
        assertStillDisconnected();
    }
}
