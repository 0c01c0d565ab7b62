package dev.mqttdesk.log.detail;

import dev.mqttdesk.core.message.MessageProperties;
import dev.mqttdesk.core.i18n.Messages;
import dev.mqttdesk.core.log.Direction;
import dev.mqttdesk.core.log.Message;
import dev.mqttdesk.testing.FxHeartbeat;
import dev.mqttdesk.core.log.payload.Sizes;
import dev.mqttdesk.core.log.payload.TextLines;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import dev.mqttdesk.ui.TaskRunner;
import dev.mqttdesk.ui.ViewLifetime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The detail pane, headless: one background thread for the work, the FX thread for the callbacks. */
@ExtendWith(ApplicationExtension.class)
class MessageDetailPaneTest {

    private static final int TEN_MIB = 10 * 1024 * 1024;
    /**
     * How long the FX thread may be busy at a stretch while a 10 MiB payload opens. Building it on
     * the FX thread would block it for 0.3 to 0.8 s (pretty JSON alone); what it does instead, a
     * pulse with the new header and lists, takes 10 to 20 ms on an idle machine and was seen at
     * up to 85 ms on the shared two-core build machine, hence not 100. The loading flags checked
     * right after show tell without a clock that show left the linear work to the background.
     */
    private static final long LIVE_MILLIS = 200;
    private static final long LIVE_NANOS = TimeUnit.MILLISECONDS.toNanos(LIVE_MILLIS);

    /** One background thread, as this test had before the task executor; callbacks by Platform.runLater. */
    private final ExecutorService background = java.util.concurrent.Executors.newSingleThreadExecutor();
    private MessageDetailViewModel model;

    @Start
    void start(Stage stage) {
        model = new MessageDetailViewModel(new TaskRunner(background, Platform::runLater));
        // The theme whose named colours the pane's style sheet uses, as the app sets it for every window.
        javafx.application.Application.setUserAgentStylesheet(dev.mqttdesk.settings.Theme.LIGHT.userAgentStylesheet());
        stage.setScene(new Scene(MessageDetailView.load(model, new ViewLifetime()), 900, 600));
        stage.show();
        stage.requestFocus();
    }

    @AfterEach
    void stopBackground() {
        background.shutdownNow();
    }

    private static <T> T fx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }

    private void show(Message m) throws Exception {
        fx(() -> {
            model.show(m);
            return null;
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !fx(() -> model.loadingProperty().get()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void openTab(FxRobot robot, String key) {
        String title = Messages.get(key);
        robot.clickOn(robot.lookup((Node n) -> n.getStyleClass().contains("tab-label")
                && n instanceof Labeled l && title.equals(l.getText())).queryAs(Node.class));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The lines the list shows on screen, top to bottom. */
    private static List<String> shownLines(FxRobot robot, String listId) {
        return robot.lookup(listId + " .list-cell").queryAllAs(ListCell.class).stream()
                .filter(c -> c.isVisible() && !c.isEmpty() && c.getText() != null)
                .sorted(Comparator.comparingInt(ListCell::getIndex))
                .map(c -> (String) c.getText()).toList();
    }

    @SuppressWarnings("unchecked")
    private static ListView<Integer> list(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(ListView.class);
    }

    private static String label(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Labeled.class).getText();
    }

    private static String awaitClipboard(Callable<Boolean> ready) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, ready);
        return fx(() -> Clipboard.getSystemClipboard().getString());
    }

    private static void clearClipboard() throws Exception {
        fx(() -> {
            Clipboard.getSystemClipboard().clear();
            return null;
        });
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void with_no_message_selected_the_pane_says_how_to_choose_one(FxRobot robot) throws Exception {
        assertTrue(robot.lookup("#messageDetail").tryQuery().isPresent());
        Label empty = robot.lookup("#detailEmpty").queryAs(Label.class);
        assertTrue(empty.isVisible());
        assertEquals(Messages.get("detail.empty"), empty.getText());
        Node content = robot.lookup("#detailContent").query();
        assertFalse(content.isVisible());

        show(Message.sent("a/b", 0, false, utf8("x")));
        assertFalse(empty.isVisible());
        assertTrue(content.isVisible());
        show(null);
        assertTrue(empty.isVisible(), "showing nothing brings the hint back");
    }

    @Test
    void a_json_message_shows_its_facts_and_its_payload_pretty_printed(FxRobot robot) throws Exception {
        MessageProperties props = MessageProperties.builder().contentType("application/json")
                .userProperty("site", "北京").build();
        byte[] payload = utf8("{\"temp\":21.5,\"unit\":\"°C\"}");
        show(new Message(1_700_000_000_000L, Direction.RECEIVED, "sensors/温度", 2, true, payload, props, Message.NO_COLOUR));

        assertEquals("sensors/温度", robot.lookup("#detailTopic").queryTextInputControl().getText());
        assertEquals(Messages.get("detail.dir.received"), label(robot, "#detailDirection"));
        assertEquals(Messages.format("detail.qos", 2), label(robot, "#detailQos"));
        assertEquals(Messages.get("detail.retained"), label(robot, "#detailRetain"));
        assertEquals(Messages.format("detail.size", Sizes.human(payload.length).resolve()), label(robot, "#detailSize"));
        assertFalse(robot.lookup("#detailInvalidNote").query().isVisible(), "no note when every byte is good");
        assertEquals(List.of("{\"temp\":21.5,\"unit\":\"°C\"}"), shownLines(robot, "#detailText"));

        openTab(robot, "detail.tab.json");
        assertEquals(List.of("{", "  \"temp\": 21.5,", "  \"unit\": \"°C\"", "}"), shownLines(robot, "#detailJson"));

        openTab(robot, "detail.tab.properties");
        List<String> shown = robot.lookup("#detailProperties .label").queryAllAs(Labeled.class).stream()
                .map(Labeled::getText).toList();
        assertEquals(List.of(Messages.get("detail.col.name"), Messages.get("detail.col.value"),
                Messages.get("detail.prop.contentType"), "application/json", "site", "北京"), shown,
                "every property is a label on screen, in order");
        assertFalse(robot.lookup("#detailNoProperties").query().isVisible());
    }

    @Test
    void a_message_without_properties_says_it_has_none(FxRobot robot) throws Exception {
        show(Message.sent("a/b", 1, false, utf8("hi")));
        openTab(robot, "detail.tab.properties");
        assertTrue(robot.lookup("#detailNoProperties").queryAs(Label.class).isVisible());
        assertEquals(Messages.get("detail.noProperties"), robot.lookup("#detailNoProperties").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#detailProperties .label").queryAll().isEmpty());
        assertTrue(robot.lookup("#detailCopyButton").queryAs(Button.class).isDisabled(), "nothing to copy there");
    }

    @Test
    void invalid_bytes_show_as_escapes_and_the_header_says_how_many(FxRobot robot) throws Exception {
        show(Message.received("bin", 0, false, new byte[]{'o', 'k', (byte) 0xFF, (byte) 0xFE, '!'}, MessageProperties.NONE));

        assertEquals(List.of("ok\\xFF\\xFE!"), shownLines(robot, "#detailText"));
        Label note = robot.lookup("#detailInvalidNote").queryAs(Label.class);
        assertTrue(note.isVisible());
        assertEquals(dev.mqttdesk.core.i18n.Text.of("log.text.invalidBytes", 2).resolve(), note.getText());
    }

    @Test
    void ctrl_c_copies_the_selected_hex_lines(FxRobot robot) throws Exception {
        byte[] payload = utf8("0123456789abcdef0123456789ABCDEF0123456789");
        show(Message.sent("hex", 0, false, payload));
        openTab(robot, "detail.tab.hex");
        List<String> lines = shownLines(robot, "#detailHex");
        assertEquals(3, lines.size());
        clearClipboard();

        robot.clickOn(lines.get(0)).press(KeyCode.SHIFT).clickOn(lines.get(1)).release(KeyCode.SHIFT);
        robot.press(KeyCode.CONTROL).press(KeyCode.C).release(KeyCode.C).release(KeyCode.CONTROL);
        String copied = awaitClipboard(() -> fx(() -> Clipboard.getSystemClipboard().hasString()));
        assertEquals(lines.get(0) + "\n" + lines.get(1), copied);
    }

    @Test
    void the_copy_button_copies_the_whole_base64_which_decodes_back_to_the_payload(FxRobot robot) throws Exception {
        byte[] payload = new byte[300];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) (i * 7);
        }
        show(Message.sent("b", 0, false, payload));
        openTab(robot, "detail.tab.base64");
        assertEquals(6, list(robot, "#detailBase64").getItems().size(), "300 bytes in lines of 57");
        clearClipboard();

        robot.clickOn("#detailCopyButton");
        String copied = awaitClipboard(() -> fx(() -> Clipboard.getSystemClipboard().hasString()));
        assertArrayEquals(payload, Base64.getDecoder().decode(copied));
        assertEquals(Messages.format("detail.copied", copied.length()), label(robot, "#detailCopyStatus"));
    }

    /** 10 MiB exactly: a JSON array of records with some Chinese, padded with spaces before its end. */
    private static byte[] tenMibOfJson() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(TEN_MIB);
        out.writeBytes(utf8("[\n"));
        for (int i = 0; out.size() < TEN_MIB - 200; i++) {
            out.writeBytes(utf8("{\"i\": " + i + ", \"name\": \"传感器-" + i + "\", \"v\": 21.5},\n"));
        }
        out.writeBytes(utf8("{\"i\": -1}"));
        while (out.size() < TEN_MIB - 1) {
            out.write(' ');
        }
        out.write(']');
        return out.toByteArray();
    }

    @Test
    void a_ten_mib_payload_opens_without_blocking_the_fx_thread_and_nothing_of_it_is_cut(FxRobot robot) throws Exception {
        byte[] payload = tenMibOfJson();
        assertEquals(TEN_MIB, payload.length);
        Message big = Message.received("big", 1, false, payload, MessageProperties.NONE);

        // Once per JVM, the first payload built in the background loads and styles the loading indicators;
        // a 200 kB payload takes that road first, so the probe below measures what the size costs.
        show(Message.received("warm-up", 1, false, new byte[200_000], MessageProperties.NONE));
        CountDownLatch probed = new CountDownLatch(1);
        AtomicLong probeDelayNanos = new AtomicLong();
        AtomicBoolean stillLoadingAfterShow = new AtomicBoolean();
        FxHeartbeat heartbeat = fx(FxHeartbeat::started);
        fx(() -> {
            long start = System.nanoTime();
            model.show(big);
            stillLoadingAfterShow.set(model.textLoadingProperty().get() && model.jsonLoadingProperty().get());
            Platform.runLater(() -> {
                probeDelayNanos.set(System.nanoTime() - start);
                probed.countDown();
            });
            return null;
        });
        assertTrue(probed.await(10, TimeUnit.SECONDS));
        assertTrue(stillLoadingAfterShow.get(), "show left the text index and the JSON to the background thread");
        assertTrue(probeDelayNanos.get() < LIVE_NANOS, "the FX thread ran a task posted right after show within "
                + LIVE_MILLIS + " ms, not after " + TimeUnit.NANOSECONDS.toMillis(probeDelayNanos.get()) + " ms");

        String size = label(robot, "#detailSize");
        assertEquals(Messages.format("detail.size", Sizes.human(TEN_MIB).resolve()), size, "the size shows at once");
        assertTrue(size.contains("MiB") && size.matches(".*10[.,]0.*"), size);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !fx(() -> model.loadingProperty().get()));
        WaitForAsyncUtils.waitForFxEvents();
        long longestGap = fx(heartbeat::stopAndGetLongestGap);
        assertTrue(longestGap < LIVE_NANOS, "the FX thread never stalled more than " + LIVE_MILLIS
                + " ms while the payload was built and handed over, the longest was " + longestGap / 1_000_000 + " ms");

        // The last hex line is there: scroll to the end and find the line of the last offset.
        openTab(robot, "detail.tab.hex");
        ListView<Integer> hex = list(robot, "#detailHex");
        assertEquals(TEN_MIB / 16, hex.getItems().size());
        robot.interact(() -> hex.scrollTo(hex.getItems().size() - 1));
        WaitForAsyncUtils.waitForFxEvents();
        List<String> end = shownLines(robot, "#detailHex");
        assertEquals("009ffff0  20 20 20 20 20 20 20 20  20 20 20 20 20 20 20 5d  |               ]|",
                end.get(end.size() - 1));

        // The pretty JSON ends with the end of the array.
        openTab(robot, "detail.tab.json");
        ListView<Integer> json = list(robot, "#detailJson");
        robot.interact(() -> json.scrollTo(json.getItems().size() - 1));
        WaitForAsyncUtils.waitForFxEvents();
        List<String> jsonEnd = shownLines(robot, "#detailJson");
        assertEquals(List.of("  {", "    \"i\": -1", "  }", "]"), jsonEnd.subList(jsonEnd.size() - 4, jsonEnd.size()));

        // Nothing cut: the text tab copies the whole payload, character for character.
        openTab(robot, "detail.tab.text");
        clearClipboard();
        robot.clickOn("#detailCopyButton");
        String copied = awaitClipboard(() -> fx(() -> Clipboard.getSystemClipboard().hasString()));
        String decoded = new String(payload, StandardCharsets.UTF_8);
        assertEquals(decoded, copied);
        // ... and so do the rows of the text list, put back together.
        TextLines rows = Objects.requireNonNull(fx(() -> model.textProperty().get()));
        assertEquals(rows.lineCount(), list(robot, "#detailText").getItems().size(), "one row per line of text");
        assertEquals(decoded, LinesText.all(rows));
    }
}
