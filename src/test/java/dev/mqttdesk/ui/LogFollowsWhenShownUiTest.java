package dev.mqttdesk.ui;

import javafx.scene.control.TabPane;
import javafx.scene.control.TableRow;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * With another tab in front of the log, the table does not scroll per batch; brought to the front, it
 * shows the newest rows, as it would have had it followed all along.
 */
class LogFollowsWhenShownUiTest extends UiOnMosquitto {

    private static final int MESSAGES = 60;

    private void front(String tabId) {
        ui.robot.interact(() -> {
            TabPane tabs = ui.node("#centerTabs");
            tabs.getSelectionModel().select(tabs.getTabs().stream().filter(t -> tabId.equals(t.getId())).findFirst().orElseThrow());
        });
    }

    private Set<Integer> rowsShown() throws Exception {
        return org.testfx.util.WaitForAsyncUtils.asyncFx(() -> ui.robot.lookup("#messageLog .table-row-cell").queryAll().stream()
                .filter(n -> n.isVisible() && ((TableRow<?>) n).getItem() != null)
                .map(n -> ((TableRow<?>) n).getIndex()).collect(Collectors.toSet())).get();
    }

    @Test
    void the_log_hidden_behind_the_charts_shows_its_newest_row_when_brought_to_the_front() throws Exception {
        connect();
        ui.subscribe("follow/#");
        front("chartsTab");
        for (int i = 0; i < MESSAGES; i++) {
            mosquitto.pub("-t", "follow/x", "-q", "1", "-m", "m" + i);
        }
        ui.waitFor(() -> shown().size() == MESSAGES);
        front("messagesTab");
        // The end as a table that followed all along shows it: TableView.scrollTo leaves the last row or two
        // under the fold (seen with the tab never hidden too); before, the hidden table stopped a screen short.
        ui.waitFor(() -> rowsShown().stream().mapToInt(Integer::intValue).max().orElse(-1) >= MESSAGES - 3);
        assertFalse(rowsShown().contains(0), "scrolled to the end, not left at the top: " + rowsShown());
    }
}
