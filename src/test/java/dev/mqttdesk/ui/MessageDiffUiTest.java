package dev.mqttdesk.ui;

import dev.mqttdesk.core.i18n.Messages;
import dev.mqttdesk.core.log.Message;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The detail pane's Diff tab through the contract's {@code #messageDiff}, on a real mosquitto with mosquitto_pub peers. */
class MessageDiffUiTest extends UiOnMosquitto {

    private void select(int row) {
        ui.robot.interact(() -> {
            @SuppressWarnings("unchecked")
            TableView<Message> table = (TableView<Message>) ui.node("#messageLog");
            table.getSelectionModel().clearAndSelect(row);
        });
    }

    private List<String> diffLines() {
        return ((ListView<?>) ui.node("#messageDiff")).getItems().stream().map(Object::toString).toList();
    }

    @Test
    void the_second_json_message_on_a_topic_shows_what_changed_since_the_first_by_path() throws Exception {
        connect();
        ui.subscribe("diff/#");
        mosquitto.pub("-t", "diff/sensor", "-q", "1", "-m", "{\"temp\":21.5,\"unit\":\"C\",\"tags\":[\"a\"]}");
        mosquitto.pub("-t", "diff/other", "-q", "1", "-m", "{\"temp\":99}");
        mosquitto.pub("-t", "diff/sensor", "-q", "1", "-m", "{\"unit\":\"C\",\"temp\":22,\"tags\":[\"a\",\"b\"],\"ok\":true}");
        ui.waitFor(() -> shown().size() == 3);
        ui.robot.interact(() -> {
            TabPane tabs = ui.node("#detailTabs");
            tabs.getSelectionModel().select(tabs.getTabs().stream().filter(t -> "diffTab".equals(t.getId())).findFirst().orElseThrow());
        });

        select(2);
        ui.waitFor(() -> diffLines().size() == 3);
        assertEquals(List.of(
                "~ $.temp: 21.5 \u2192 22",
                "+ $.tags[1]: \"b\"",
                "+ $.ok: true"), diffLines());
        String status = ui.text("#messageDiffStatus");
        assertTrue(status.contains(Messages.get("diff.kind.json")), status);
        assertTrue(ui.node("#messageDiff").isVisible());

        select(0);
        ui.waitFor(() -> Messages.get("diff.noEarlier").equals(ui.text("#messageDiffStatus")));
        assertEquals(List.of(), diffLines());
    }
}
