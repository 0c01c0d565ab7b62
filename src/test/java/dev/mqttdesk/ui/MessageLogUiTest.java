package dev.mqttdesk.ui;

import dev.mqttdesk.core.log.Message;
import dev.mqttdesk.testing.FxHeartbeat;
import dev.mqttdesk.testing.Peer;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.CheckBox;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The message log at work: filter, pause and capacity, through the UI against mosquitto. */
@SuppressWarnings("unchecked")
class MessageLogUiTest extends UiOnMosquitto {

    @BeforeEach
    void connectAndSubscribe() throws Exception {
        connect();
        ui.subscribe("log/#");
    }

    private void publish(int count, String topic, String prefix) {
        try (Peer pub = mosquitto.pubLines("-t", topic, "-q", "1")) {
            for (int i = 0; i < count; i++) {
                pub.writeLine(prefix + " " + i);
            }
            pub.closeInput();
            pub.awaitExit();
        }
    }

    @Test
    void a_filter_shows_n_of_m_and_keeps_up_with_new_messages() throws Exception {
        mosquitto.pub("-t", "log/a/temp", "-m", "{\"t\": 21}", "-q", "1");
        mosquitto.pub("-t", "log/b/temp", "-m", "{\"t\": 22}", "-q", "1");
        mosquitto.pub("-t", "log/a/hum", "-m", "{\"h\": 50}", "-q", "1");
        ui.waitFor(() -> shown().size() == 3);

        ui.type("#filterTopicField", "log/+/temp");
        ui.waitFor(() -> shown().size() == 2);
        ui.waitFor(() -> ui.text("#filterStatus").contains("2") && ui.text("#filterStatus").contains("3"));

        mosquitto.pub("-t", "log/c/temp", "-m", "{\"t\": 23}", "-q", "1");
        mosquitto.pub("-t", "log/c/hum", "-m", "{\"h\": 51}", "-q", "1");
        ui.waitFor(() -> shown().size() == 3 && ui.text("#receivedCount").equals("5"));
        assertTrue(shown().stream().allMatch(m -> m.topic().endsWith("/temp")));

        ui.type("#filterTextField", "2[23]");
        ui.robot.interact(() -> ((CheckBox) ui.node("#filterRegexCheck")).setSelected(true));
        ui.waitFor(() -> shown().size() == 2);

        ui.type("#filterTextField", "([");
        ui.waitFor(() -> ui.node("#filterError").isVisible());

        ui.click("#filterClearButton");
        ui.waitFor(() -> shown().size() == 5 && !ui.node("#filterError").isVisible());
    }

    @Test
    void pausing_auto_scroll_counts_what_arrives_in_a_badge() throws Exception {
        ui.click("#autoScrollCheck");
        publish(7, "log/pause", "paused");
        ui.waitFor(() -> ui.node("#newWhilePausedBadge").isVisible() && ui.text("#newWhilePausedBadge").contains("7"));
        ui.click("#newWhilePausedBadge");
        ui.waitFor(() -> !ui.node("#newWhilePausedBadge").isVisible());
        assertTrue(((CheckBox) ui.node("#autoScrollCheck")).isSelected());
    }

    @Test
    void a_smaller_log_evicts_the_oldest_and_counts_them_while_received_keeps_every_message() throws Exception {
        publish(50, "log/cap", "message");
        ui.waitFor(() -> shown().size() == 50);
        ui.type("#logCapacityField", "20");
        ui.robot.type(KeyCode.ENTER);
        ui.waitFor(() -> shown().size() == 20);
        assertEquals("message 30", shown().get(0).payloadText());
        publish(5, "log/cap", "more");
        ui.waitFor(() -> ui.text("#receivedCount").equals("55"));
        assertEquals(20, shown().size());
        assertTrue(ui.text("#evictedCount").contains("35"), ui.text("#evictedCount"));

        ui.type("#logCapacityField", "zero");
        ui.robot.type(KeyCode.ENTER);
        ui.waitFor(() -> ui.node("#filterError").isVisible());
        assertEquals(20, shown().size());
    }

    @Test
    void a_200000_message_flood_while_clicking_and_typing_a_filter_ends_with_every_count_exact() throws Exception {
        int each = 100_000;
        try (Peer a = mosquitto.pubLines("-t", "log/flood/a", "-q", "0");
             Peer b = mosquitto.pubLines("-t", "log/flood/b", "-q", "0")) {
            for (int i = 0; i < each; i++) {
                a.writeLine("a " + i);
                b.writeLine("b " + i);
                if (i == each / 2) {
                    // Mid-flood: type a filter, pause and resume auto-scroll, pick a row.
                    ui.type("#filterTopicField", "log/flood/a");
                    ui.click("#autoScrollCheck");
                    ui.click("#autoScrollCheck");
                    ui.click("#messageLog");
                }
            }
            // mosquitto_pub -l drops what it has not sent when its input ends: keep it open until all arrived.
            ui.waitFor(() -> ui.text("#receivedCount").replaceAll("\\D", "").equals(String.valueOf(2 * each)));
            a.closeInput();
            b.closeInput();
            a.awaitExit();
            b.awaitExit();
        }
        // The table is given the newest TABLE_ROWS of the 100,000 matches; the status counts them all.
        int rows = Math.min(each, dev.mqttdesk.log.MessageLogModel.TABLE_ROWS);
        ui.waitFor(() -> shown().size() == rows);
        assertTrue(shown().stream().allMatch(m -> m.topic().equals("log/flood/a")));
        assertEquals("a " + (each - rows), shown().get(0).payloadText());
        assertEquals("a " + (each - 1), shown().get(rows - 1).payloadText());
        ui.waitFor(() -> ui.text("#filterStatus").replaceAll("\\D", "").equals(each + "" + 2 * each));
        assertTrue(ui.text("#evictedCount").endsWith(" 0"), ui.text("#evictedCount"));
    }

    /**
     * A frame at least this often while 16 MiB arrive, are shown and opened: far below what a user calls a freeze,
     * far above what a decode or format of 16 MiB on the FX thread would cost (seconds). Not a benchmark.
     */
    private static final long RESPONSIVE_MILLIS = 500;

    @Test
    void a_16_mib_message_arrives_whole_opens_in_the_detail_pane_and_the_window_keeps_drawing(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        byte[] payload = new byte[16 * 1024 * 1024];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) ('a' + i % 26);
        }
        payload[payload.length - 1] = '!';
        Path file = Files.write(dir.resolve("big.txt"), payload);
        FxHeartbeat[] beat = new FxHeartbeat[1];
        ui.robot.interact(() -> beat[0] = FxHeartbeat.started());

        mosquitto.pub("-t", "log/big", "-q", "1", "-f", file.toString());
        ui.waitFor(() -> shown().size() == 1);
        Message got = shown().get(0);
        assertEquals(payload.length, got.payload().length);
        assertArrayEquals(payload, got.payload(), "every byte arrived");

        ui.robot.interact(() -> ((TableView<Message>) ui.node("#messageLog")).getSelectionModel().select(0));
        ui.waitFor(() -> !ui.node("#detailLoading").isVisible()
                && ((ListView<?>) ui.node("#detailHex")).getItems().size() == payload.length / 16);
        long[] gap = new long[1];
        ui.robot.interact(() -> gap[0] = beat[0].stopAndGetLongestGap());
        assertTrue(gap[0] < TimeUnit.MILLISECONDS.toNanos(RESPONSIVE_MILLIS), "the window drew a frame at least every "
                + RESPONSIVE_MILLIS + " ms; the longest gap was " + TimeUnit.NANOSECONDS.toMillis(gap[0]) + " ms");
    }
}
