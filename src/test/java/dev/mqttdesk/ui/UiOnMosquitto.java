package dev.mqttdesk.ui;

import dev.mqttdesk.core.log.Message;
import dev.mqttdesk.testing.Mosquitto;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import java.util.List;

/** UI tests against one real mosquitto per class and a fresh application per test. */
abstract class UiOnMosquitto {

    static Mosquitto mosquitto;
    AppUi ui;

    @BeforeAll
    static void startBroker() {
        mosquitto = Mosquitto.startTcp();
    }

    @AfterAll
    static void stopBroker() {
        mosquitto.close();
    }

    @BeforeEach
    void startApp() throws Exception {
        ui = AppUi.start();
    }

    @AfterEach
    void stopApp() throws Exception {
        ui.close();
    }

    void connect() throws Exception {
        ui.connect("mqtt://127.0.0.1:" + mosquitto.tcpPort());
    }

    /** What the message table shows. */
    @SuppressWarnings("unchecked")
    List<Message> shown() {
        return ((TableView<Message>) ui.node("#messageLog")).getItems();
    }
}
