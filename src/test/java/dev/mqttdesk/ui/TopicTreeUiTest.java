package dev.mqttdesk.ui;

import dev.mqttdesk.core.topic.TopicTree;
import dev.mqttdesk.testing.Peer;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The topic tree through the contract's {@code #topicTree}, on a real mosquitto with mosquitto_pub peers. */
class TopicTreeUiTest extends UiOnMosquitto {

    @SuppressWarnings("unchecked")
    private TreeView<TopicTree.Node> tree() {
        return (TreeView<TopicTree.Node>) (TreeView<?>) ui.node("#topicTree");
    }

    /** Brings the Topics tab to the front, as a user does to see the tree. */
    private void showTopics() {
        ui.robot.interact(() -> {
            javafx.scene.control.TabPane tabs = ui.node("#sideTabs");
            tabs.getSelectionModel().select(tabs.getTabs().stream().filter(t -> "topicsTab".equals(t.getId())).findFirst().orElseThrow());
        });
    }

    /** The item of this topic, its ancestors expanded so that its row shows. */
    private TreeItem<TopicTree.Node> item(String topic) {
        TreeItem<TopicTree.Node> at = tree().getRoot();
        for (String level : topic.split("/")) {
            at.setExpanded(true);
            at = at.getChildren().stream().filter(i -> i.getValue().name().equals(level)).findFirst().orElse(null);
            if (at == null) {
                return null;
            }
        }
        return at;
    }

    private String onFx(String topic) throws Exception {
        return org.testfx.util.WaitForAsyncUtils.asyncFx(() -> {
            TreeItem<TopicTree.Node> i = item(topic);
            if (i == null) {
                return null;
            }
            tree().scrollTo(tree().getRow(i));
            tree().layout();
            return ui.robot.lookup("#topicTree .tree-cell").queryAll().stream()
                    .map(n -> ((javafx.scene.control.TreeCell<?>) n))
                    .filter(c -> c.getTreeItem() == i).map(c -> c.getText()).findFirst().orElse(null);
        }).get();
    }

    @Test
    void the_rows_count_what_was_sent_and_selecting_one_filters_the_log_to_its_subtree() throws Exception {
        connect();
        ui.subscribe("ui/#");
        for (int i = 0; i < 2; i++) {
            mosquitto.pub("-t", "ui/a", "-q", "1", "-m", "a" + i);
        }
        mosquitto.pub("-t", "ui/b/c", "-q", "1", "-m", "c0");
        showTopics();
        ui.waitFor(() -> "ui (3)".equals(onFx("ui")));
        ui.waitFor(() -> "a (2)".equals(onFx("ui/a")));
        ui.waitFor(() -> "b (1)".equals(onFx("ui/b")));
        ui.waitFor(() -> shown().size() == 3);

        ui.robot.interact(() -> tree().getSelectionModel().select(item("ui/b")));
        ui.waitFor(() -> "ui/b/#".equals(ui.text("#filterTopicField")));
        ui.waitFor(() -> shown().size() == 1);
        assertEquals("ui/b/c", shown().get(0).topic());
    }

    @Test
    void the_first_level_opens_by_itself_and_the_levels_below_stay_closed() throws Exception {
        connect();
        ui.subscribe("open/#");
        mosquitto.pub("-t", "open/x/y", "-q", "1", "-m", "1");
        mosquitto.pub("-t", "open/x/z", "-q", "1", "-m", "2");
        showTopics();
        // Read without item(), which expands what it walks through.
        ui.waitFor(() -> org.testfx.util.WaitForAsyncUtils.asyncFx(() -> tree().getRoot().getChildren().stream()
                .filter(i -> i.getValue().name().equals("open")).flatMap(i -> i.getChildren().stream())
                .anyMatch(i -> i.getValue().name().equals("x") && i.getChildren().size() == 2)).get());
        org.testfx.util.WaitForAsyncUtils.asyncFx(() -> {
            TreeItem<TopicTree.Node> open = tree().getRoot().getChildren().stream()
                    .filter(i -> i.getValue().name().equals("open")).findFirst().orElseThrow();
            assertTrue(open.isExpanded(), "the first level is open");
            TreeItem<TopicTree.Node> x = open.getChildren().get(0);
            assertFalse(x.isExpanded(), "its children stay closed: a flood over many topics would otherwise show them all");
            return null;
        }).get();
    }

    @Test
    void delete_retained_asks_with_the_number_and_then_a_fresh_subscriber_gets_none() throws Exception {
        mosquitto.pub("-t", "ret/x/1", "-q", "1", "-r", "-m", "one");
        mosquitto.pub("-t", "ret/x/2", "-q", "1", "-r", "-m", "two");
        connect();
        ui.subscribe("ret/#");
        showTopics();
        ui.waitFor(() -> "x (2)".equals(onFx("ret/x")));
        ui.robot.interact(() -> tree().getSelectionModel().select(item("ret/x")));
        ui.click("#deleteRetainedButton");
        ui.waitFor(() -> ui.robot.lookup(".dialog-pane .content").tryQuery().isPresent());
        String asked = ((javafx.scene.control.Labeled) ui.node(".dialog-pane .content")).getText();
        assertTrue(asked.contains("2") && asked.contains("ret/x"), asked);
        ui.robot.type(KeyCode.ENTER);
        ui.waitFor(() -> shown().stream().filter(m -> m.direction() == dev.mqttdesk.core.log.Direction.SENT).count() == 2);

        try (Peer sub = mosquitto.sub("-t", "ret/#", "-t", "marker/end", "-q", "1")) {
            sub.awaitSubscribed();
            mosquitto.pub("-t", "marker/end", "-q", "1", "-m", "end");
            sub.awaitMessage(m -> m.topic().equals("marker/end"));
            List<Peer.Received> retained = sub.messages().stream().takeWhile(m -> !m.topic().equals("marker/end"))
                    .filter(Peer.Received::retain).toList();
            assertEquals(List.of(), retained);
        }
    }
}
