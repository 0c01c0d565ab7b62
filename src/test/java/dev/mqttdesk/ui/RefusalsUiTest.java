package dev.mqttdesk.ui;

import dev.mqttdesk.core.i18n.Messages;
import dev.mqttdesk.subscribe.Subscription;
import dev.mqttdesk.testing.DynamicSecurity;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the broker refuses shows where the user acted: on the subscription's row, and at the publish form. */
class RefusalsUiTest {

    static DynamicSecurity dynsec;
    AppUi ui;

    @BeforeAll
    static void startBroker() {
        dynsec = DynamicSecurity.start();
    }

    @AfterAll
    static void stopBroker() {
        dynsec.close();
    }

    @BeforeEach
    void startApp() throws Exception {
        ui = AppUi.start();
        ui.connect("mqtt://127.0.0.1:" + dynsec.broker.tcpPort());
    }

    @AfterEach
    void stopApp() throws Exception {
        ui.close();
    }

    @Test
    void a_subscription_the_broker_refuses_stays_on_its_row_with_the_reason_in_words() throws Exception {
        @SuppressWarnings("unchecked")
        ListView<Subscription> list = (ListView<Subscription>) ui.node("#subscriptionList");
        ui.type("#subTopicField", "secret/x");
        ui.click("#subscribeButton");
        ui.waitFor(() -> list.getItems().stream().anyMatch(s -> s.filter().equals("secret/x") && s.refusal() != null));
        String notAuthorized = Messages.get("ack.reason.NOT_AUTHORIZED");
        ui.waitFor(() -> ui.robot.lookup("#subscriptionList .label").queryAllAs(Labeled.class).stream()
                .anyMatch(l -> l.getText() != null && l.getText().startsWith("secret/x")
                        && l.getText().contains(notAuthorized) && l.getText().contains("0x87")));
        assertTrue(ui.text("#subscribeError").contains("0x87"), ui.text("#subscribeError"));

        // A granted one sits beside it; the refused row goes with its ✕ and nothing is sent for it.
        ui.subscribe("open/x");
        int refusedRow = list.getItems().indexOf(list.getItems().stream()
                .filter(s -> s.filter().equals("secret/x")).findFirst().orElseThrow());
        // The list keeps an invisible cell for measuring that may carry the same id: click the one on screen.
        // Fired, not clicked: the connection column's panes (TLS, proxy) may push the list below the screen's edge.
        javafx.scene.control.Button unsubscribe = ui.robot.lookup("#unsubscribe-" + refusedRow).match(javafx.scene.Node::isVisible)
                .queryAs(javafx.scene.control.Button.class);
        ui.robot.interact(unsubscribe::fire);
        try {
            ui.waitFor(() -> list.getItems().stream().noneMatch(s -> s.filter().equals("secret/x")));
        } catch (Exception e) {
            throw new AssertionError("row " + refusedRow + " of " + list.getItems() + "; "
                    + ui.robot.lookup("#subscriptionList .button").queryAll().stream().map(n -> n.getId()).toList(), e);
        }
        assertTrue(list.getItems().stream().anyMatch(s -> s.filter().equals("open/x") && s.refusal() == null));
    }

    @Test
    void a_publish_the_broker_refuses_says_its_reason_code_at_the_publish_form() throws Exception {
        ui.type("#pubTopicField", "secret/x");
        @SuppressWarnings("unchecked")
        ChoiceBox<Integer> qos = (ChoiceBox<Integer>) ui.node("#pubQosChoice");
        ui.robot.interact(() -> qos.setValue(1));
        ui.click("#publishButton");
        ui.waitFor(() -> ui.node("#publishError").isVisible() && ui.text("#publishError").contains("0x87"));
        assertTrue(ui.text("#publishError").contains(Messages.get("ack.reason.NOT_AUTHORIZED")), ui.text("#publishError"));
    }
}
