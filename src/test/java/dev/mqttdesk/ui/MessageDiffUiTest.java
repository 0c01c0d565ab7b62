package dev.mqttdesk.ui;

import dev.mqttdesk.core.i18n.Messages;
import dev.mqttdesk.core.log.Message;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
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

    private void showDiffTab() {
        ui.robot.interact(() -> {
            TabPane tabs = ui.node("#detailTabs");
            tabs.getSelectionModel().select(tabs.getTabs().stream().filter(t -> "diffTab".equals(t.getId())).findFirst().orElseThrow());
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
        showDiffTab();

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

    @Test
    void text_is_compared_by_lines_and_binary_as_hex_lines(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        connect();
        ui.subscribe("diff/#");
        showDiffTab();
        mosquitto.pub("-t", "diff/log", "-q", "1", "-m", "boot\nsensor ok\nready");
        mosquitto.pub("-t", "diff/log", "-q", "1", "-m", "boot\nsensor FAILED\nready");
        byte[] first = new byte[40];
        for (int i = 0; i < first.length; i++) {
            first[i] = (byte) (0x80 + i);
        }
        byte[] second = first.clone();
        second[20] = 0x00;
        mosquitto.pub("-t", "diff/bin", "-q", "1", "-f", Files.write(dir.resolve("1.bin"), first).toString());
        mosquitto.pub("-t", "diff/bin", "-q", "1", "-f", Files.write(dir.resolve("2.bin"), second).toString());
        ui.waitFor(() -> shown().size() == 4);

        select(1);
        ui.waitFor(() -> diffLines().size() == 4);
        assertEquals(List.of("  boot", "- sensor ok", "+ sensor FAILED", "  ready"), diffLines());
        assertTrue(ui.text("#messageDiffStatus").contains(Messages.get("diff.kind.text")), ui.text("#messageDiffStatus"));

        select(3);
        ui.waitFor(() -> diffLines().size() == 4);
        List<String> hex = diffLines();
        assertTrue(hex.get(0).startsWith("  00000000  80 81 82 83"), hex::toString);
        assertTrue(hex.get(1).startsWith("- 00000010  90 91 92 93 94 95 96 97"), hex::toString);
        assertTrue(hex.get(2).startsWith("+ 00000010  90 91 92 93 00 95 96 97"), hex::toString);
        assertTrue(hex.get(3).startsWith("  00000020  a0 a1"), hex::toString);
        assertTrue(ui.text("#messageDiffStatus").contains(Messages.get("diff.kind.binary")), ui.text("#messageDiffStatus"));
    }
}
