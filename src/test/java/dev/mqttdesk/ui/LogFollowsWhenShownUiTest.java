package dev.mqttdesk.ui;

import dev.mqttdesk.testing.Peer;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableRow;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * While the log follows, its table shows the newest row whole, whether it was in front all along or hidden
 * behind another tab and brought to the front; paused, it stays where it was, and following again it goes
 * to the end at once. Enough rows that the end is screens away from the top.
 */
class LogFollowsWhenShownUiTest extends UiOnMosquitto {

    private static final int MESSAGES = 300;

    @BeforeEach
    void connectAndSubscribe() throws Exception {
        connect();
        ui.subscribe("follow/#");
    }

    private void publish(int count, String prefix) {
        try (Peer pub = mosquitto.pubLines("-t", "follow/x", "-q", "1")) {
            for (int i = 0; i < count; i++) {
                pub.writeLine(prefix + i);
            }
            pub.closeInput();
            pub.awaitExit();
        }
    }

    private void front(String tabId) {
        ui.robot.interact(() -> {
            TabPane tabs = ui.node("#centerTabs");
            tabs.getSelectionModel().select(tabs.getTabs().stream().filter(t -> tabId.equals(t.getId())).findFirst().orElseThrow());
        });
    }

    private Set<Integer> rowsShown() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> ui.robot.lookup("#messageLog .table-row-cell").queryAll().stream()
                .filter(n -> n.isVisible() && ((TableRow<?>) n).getItem() != null)
                .map(n -> ((TableRow<?>) n).getIndex()).collect(Collectors.toSet())).get();
    }

    /** The newest row the table shows whole (its bottom inside the table's viewport), or -1. */
    private int newestShown() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            Node flow = ui.robot.lookup("#messageLog .virtual-flow").query();
            Bounds view = flow.localToScene(flow.getLayoutBounds());
            return ui.robot.lookup("#messageLog .table-row-cell").queryAll().stream()
                    .filter(n -> n.isVisible() && ((TableRow<?>) n).getItem() != null)
                    .filter(n -> n.localToScene(n.getLayoutBounds()).getMaxY() <= view.getMaxY() + 0.5)
                    .mapToInt(n -> ((TableRow<?>) n).getIndex()).max().orElse(-1);
        }).get();
    }

    @Test
    void the_log_in_front_shows_its_newest_row_as_messages_come() throws Exception {
        publish(MESSAGES / 2, "a");
        ui.waitFor(() -> shown().size() == MESSAGES / 2 && newestShown() == MESSAGES / 2 - 1);
        publish(MESSAGES / 2, "b");
        ui.waitFor(() -> shown().size() == MESSAGES && newestShown() == MESSAGES - 1);
        assertFalse(rowsShown().contains(0), "scrolled to the end, not left at the top: " + rowsShown());
    }

    @Test
    void the_log_hidden_behind_the_charts_shows_its_newest_row_when_brought_to_the_front() throws Exception {
        front("chartsTab");
        publish(MESSAGES, "m");
        ui.waitFor(() -> shown().size() == MESSAGES);
        front("messagesTab");
        ui.waitFor(() -> newestShown() == MESSAGES - 1);
        assertFalse(rowsShown().contains(0), "scrolled to the end, not left at the top: " + rowsShown());
    }

    @Test
    void paused_it_stays_where_it_was_and_following_again_it_goes_to_the_end() throws Exception {
        publish(MESSAGES, "a");
        ui.waitFor(() -> shown().size() == MESSAGES && newestShown() == MESSAGES - 1);
        ui.click("#autoScrollCheck");
        publish(MESSAGES, "b");
        ui.waitFor(() -> ui.text("#newWhilePausedBadge").contains(String.valueOf(MESSAGES)));
        ui.robot.sleep(300); // a few pulses: a table that followed would have moved by now
        assertEquals(MESSAGES - 1, newestShown(), "where it was when paused");
        ui.click("#autoScrollCheck");
        ui.waitFor(() -> shown().size() == 2 * MESSAGES && newestShown() == 2 * MESSAGES - 1);
        assertTrue(rowsShown().stream().allMatch(i -> i > MESSAGES), "at the end, all rows new: " + rowsShown());
    }
}
