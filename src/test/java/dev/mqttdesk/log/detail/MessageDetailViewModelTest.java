package dev.mqttdesk.log.detail;

import dev.mqttdesk.core.message.MessageProperties;
import dev.mqttdesk.core.message.PayloadFormat;
import dev.mqttdesk.core.i18n.Messages;
import dev.mqttdesk.core.i18n.Text;
import dev.mqttdesk.core.log.Direction;
import dev.mqttdesk.core.log.Message;
import dev.mqttdesk.core.log.payload.JsonView;
import dev.mqttdesk.core.log.payload.Lines;
import dev.mqttdesk.core.log.payload.Sizes;
import dev.mqttdesk.core.log.payload.TextLines;
import dev.mqttdesk.testing.SameThreadTaskExecutor;
import dev.mqttdesk.ui.BackgroundTask;
import dev.mqttdesk.ui.TaskExecutor;
import dev.mqttdesk.ui.TaskHandle;
import dev.mqttdesk.ui.TaskRunner;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The detail pane's state, without a toolkit: executors that run at once, or when the test says so. */
class MessageDetailViewModelTest {

    private static final TaskExecutor DIRECT = new SameThreadTaskExecutor();
    private static final TaskExecutor FORBIDDEN = new TaskExecutor() {
        @Override
        public <T> TaskHandle execute(BackgroundTask<T> task) {
            throw new AssertionError("a small payload must not need the background executor");
        }
    };

    /** Holds tasks until the test runs them, so a test can see each state in between. */
    private static final class Held implements Executor {
        final ArrayDeque<Runnable> tasks = new ArrayDeque<>();

        @Override
        public void execute(Runnable r) {
            tasks.add(r);
        }

        int runAll() {
            int n = 0;
            while (!tasks.isEmpty()) {
                tasks.poll().run();
                n++;
            }
            return n;
        }
    }

    private static Message message(String topic, byte[] payload) {
        return new Message(1_700_000_000_000L, Direction.RECEIVED, topic, 1, true, payload, MessageProperties.NONE, Message.NO_COLOUR);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> all(Lines lines) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines.lineCount(); i++) {
            out.add(lines.line(i));
        }
        return out;
    }

    private static String copy(MessageDetailViewModel model, DetailTab tab) {
        model.selectedTabProperty().set(tab);
        AtomicReference<String> copied = new AtomicReference<>();
        model.copy(copied::set);
        return copied.get();
    }

    /** Over {@link MessageDetailViewModel#SYNC_BYTES}: the road through the background executor. */
    private static byte[] big(int size, String line) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(size + line.length());
        byte[] l = utf8(line);
        while (out.size() < size) {
            out.writeBytes(l);
        }
        return out.toByteArray();
    }

    @Test
    void a_json_payload_shows_pretty_printed() {
        MessageDetailViewModel model = new MessageDetailViewModel(DIRECT);
        model.show(message("t", utf8("{\"temp\":21.5,\"tags\":[\"a\",\"温度\"],\"ok\":true}")));

        assertEquals(List.of("{", "  \"temp\": 21.5,", "  \"tags\": [", "    \"a\",", "    \"温度\"", "  ],",
                "  \"ok\": true", "}"), all(model.jsonProperty().get()));
        assertEquals("", model.jsonProblemProperty().get());
        assertEquals("{\n  \"temp\": 21.5,\n  \"tags\": [\n    \"a\",\n    \"温度\"\n  ],\n  \"ok\": true\n}",
                copy(model, DetailTab.JSON));
    }

    @Test
    void a_payload_that_is_not_json_says_why_where_the_json_would_be() {
        MessageDetailViewModel model = new MessageDetailViewModel(DIRECT);
        model.show(message("t", utf8("temperature=21")));

        assertNull(model.jsonProperty().get());
        assertEquals(JsonView.of(utf8("temperature=21")).problem().resolve(), model.jsonProblemProperty().get());
        assertFalse(model.jsonProblemProperty().get().isBlank());
        model.selectedTabProperty().set(DetailTab.JSON);
        assertFalse(model.canCopyProperty().get(), "no JSON, nothing to copy from that tab");
    }

    @Test
    void invalid_utf8_bytes_show_as_backslash_x_escapes_and_a_note_says_how_many() {
        MessageDetailViewModel model = new MessageDetailViewModel(DIRECT);
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        payload.writeBytes(utf8("ok "));
        payload.write(0xFF);
        payload.writeBytes(utf8(" 温度 "));
        payload.write(0xC3); // a lead byte with nothing after it
        model.show(message("t", payload.toByteArray()));

        assertEquals(List.of("ok \\xFF 温度 \\xC3"), all(model.textProperty().get()));
        assertEquals(Text.of("log.text.invalidBytes", 2).resolve(), model.invalidNoteProperty().get());
        assertTrue(model.invalidNoteProperty().get().contains("2"), model.invalidNoteProperty().get());

        model.show(message("t", utf8("all good")));
        assertEquals("", model.invalidNoteProperty().get(), "no note when every byte is good");
    }

    @Test
    void hex_lines_follow_the_layout_of_hexdump_c() {
        MessageDetailViewModel model = new MessageDetailViewModel(DIRECT);
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        payload.writeBytes(utf8("Hello, MQTT Desk!\n"));
        for (int b : new int[]{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0x7f, 0x80, 0xff}) {
            payload.write(b);
        }
        model.show(message("t", payload.toByteArray()));

        // As printf ... | hexdump -C prints it (without its closing offset line).
        assertEquals(List.of(
                "00000000  48 65 6c 6c 6f 2c 20 4d  51 54 54 20 44 65 73 6b  |Hello, MQTT Desk|",
                "00000010  21 0a 00 01 02 03 04 05  06 07 08 09 7f 80 ff     |!..............|"),
                all(model.hexProperty().get()));
    }

    @Test
    void base64_decodes_back_to_the_payload_from_its_lines_and_from_the_copy() {
        byte[] payload = new byte[1000];
        new Random(7).nextBytes(payload);
        MessageDetailViewModel model = new MessageDetailViewModel(DIRECT);
        model.show(message("t", payload));

        List<String> lines = all(model.base64Property().get());
        assertTrue(lines.size() > 1 && lines.stream().allMatch(l -> l.length() <= 76), "MIME-sized lines");
        assertArrayEquals(payload, Base64.getDecoder().decode(String.join("", lines)));
        assertArrayEquals(payload, Base64.getDecoder().decode(copy(model, DetailTab.BASE64)));
    }

    @Test
    void mqtt5_properties_are_listed_in_the_order_they_came_and_copy_as_name_tab_value() {
        MessageProperties props = MessageProperties.builder().contentType("application/json")
                .payloadFormat(PayloadFormat.UTF_8).messageExpirySeconds(3600L).responseTopic("reply/here")
                .correlationData(utf8("req-42"))
                .userProperty("site", "北京").userProperty("k", "1").userProperty("site", "上海").build();
        MessageDetailViewModel model = new MessageDetailViewModel(DIRECT);
        model.show(Message.received("t", 2, false, utf8("{}"), props));

        assertEquals(List.of(
                new PropertyRow(Messages.get("detail.prop.contentType"), "application/json", false),
                new PropertyRow(Messages.get("detail.prop.payloadFormat"), Messages.get("detail.prop.payloadFormat.utf8"), false),
                new PropertyRow(Messages.get("detail.prop.messageExpiry"), Messages.format("detail.prop.seconds", 3600L), false),
                new PropertyRow(Messages.get("detail.prop.responseTopic"), "reply/here", false),
                new PropertyRow(Messages.get("detail.prop.correlationData"), "req-42", false),
                new PropertyRow("site", "北京", true), new PropertyRow("k", "1", true), new PropertyRow("site", "上海", true)),
                model.properties(), "repeated user property names are kept, in order");
        assertTrue(copy(model, DetailTab.PROPERTIES).endsWith("reply/here\n" + Messages.get("detail.prop.correlationData")
                + "\treq-42\nsite\t北京\nk\t1\nsite\t上海"));

        model.show(Message.received("t", 1, false, utf8("{}"),
                MessageProperties.builder().correlationData(new byte[]{0x01, (byte) 0xAB, 'z'}).build()));
        assertEquals(List.of(new PropertyRow(Messages.get("detail.prop.correlationData"),
                Messages.format("detail.prop.hex", "01 ab 7a"), false)), model.properties(),
                "correlation data that is not printable text shows as hex");

        model.show(Message.sent("t", 0, false, utf8("x")));
        assertTrue(model.properties().isEmpty(), "a message without properties lists none");
        model.selectedTabProperty().set(DetailTab.PROPERTIES);
        assertFalse(model.canCopyProperty().get());
    }

    @Test
    void the_header_gives_topic_direction_qos_retain_time_and_size() {
        MessageDetailViewModel model = new MessageDetailViewModel(DIRECT);
        model.show(message("sensors/温度/1", new byte[1536]));

        assertTrue(model.hasMessageProperty().get());
        assertEquals("sensors/温度/1", model.topicProperty().get());
        assertEquals(Messages.get("detail.dir.received"), model.directionProperty().get());
        assertEquals(Messages.format("detail.qos", 1), model.qosProperty().get());
        assertEquals(Messages.get("detail.retained"), model.retainProperty().get());
        assertEquals(Messages.format("detail.size", Sizes.human(1536).resolve()), model.sizeProperty().get());
        assertTrue(model.sizeProperty().get().contains("1.5") || model.sizeProperty().get().contains("1,5"),
                model.sizeProperty().get());
        assertTrue(model.timeProperty().get().matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3}"),
                model.timeProperty().get());

        model.show(Message.sent("out", 0, false, new byte[0]));
        assertEquals(Messages.get("detail.dir.sent"), model.directionProperty().get());
        assertEquals(Messages.get("detail.notRetained"), model.retainProperty().get());
        assertEquals(Messages.format("detail.size", Sizes.human(0).resolve()), model.sizeProperty().get());
    }

    @Test
    void a_small_payload_is_read_on_the_spot_without_the_background_executor() {
        MessageDetailViewModel model = new MessageDetailViewModel(FORBIDDEN);
        model.show(message("t", utf8("[1,2]")));

        assertFalse(model.loadingProperty().get());
        assertEquals(List.of("[1,2]"), all(model.textProperty().get()));
        assertEquals(List.of("[", "  1,", "  2", "]"), all(model.jsonProperty().get()));
    }

    @Test
    void a_big_payload_shows_its_size_hex_and_base64_at_once_and_its_text_and_json_once_built_in_the_background() {
        Held background = new Held();
        Held fx = new Held();
        MessageDetailViewModel model = new MessageDetailViewModel(new TaskRunner(background, fx));
        int records = 20_000;
        byte[] payload = utf8("[\n" + "{\"n\": 1},\n".repeat(records) + "{\"n\": 2}\n]");
        model.show(message("big", payload));

        assertEquals(Messages.format("detail.size", Sizes.human(payload.length).resolve()), model.sizeProperty().get());
        assertEquals((payload.length + 15) / 16, model.hexProperty().get().lineCount());
        assertNotNull(model.base64Property().get());
        assertNull(model.textProperty().get());
        assertNull(model.jsonProperty().get());
        assertTrue(model.loadingProperty().get() && model.textLoadingProperty().get() && model.jsonLoadingProperty().get());
        assertTrue(fx.tasks.isEmpty(), "nothing was built on the calling thread");

        assertEquals(2, background.runAll(), "the text index and the JSON are built off the FX thread");
        assertNull(model.textProperty().get(), "results wait for the FX thread");
        assertEquals(2, fx.runAll(), "one hand-over per result");

        assertFalse(model.loadingProperty().get());
        TextLines text = model.textProperty().get();
        assertEquals(records + 3, text.lineCount());
        assertEquals("{\"n\": 2}", text.line(records + 1));
        TextLines json = model.jsonProperty().get();
        assertEquals("", model.jsonProblemProperty().get());
        assertEquals(records * 3 + 5, json.lineCount(), "[, three lines per object, ]");
        assertEquals("    \"n\": 2", json.line(json.lineCount() - 3));
    }

    @Test
    void a_result_for_an_older_message_is_dropped_when_a_newer_one_is_shown() {
        Held background = new Held();
        Held fx = new Held();
        MessageDetailViewModel model = new MessageDetailViewModel(new TaskRunner(background, fx));
        byte[] first = big(100_000, "first\n");
        byte[] second = big(100_000, "second\n");

        model.show(message("first", first));
        background.runAll();                       // the first message's results are on their way to the FX thread ...
        model.show(message("second", second));     // ... when the user picks another message
        assertEquals(2, fx.runAll());
        assertNull(model.textProperty().get(), "the first message's text never shows under the second's header");
        assertTrue(model.loadingProperty().get());

        background.runAll();
        fx.runAll();
        assertEquals("second", model.textProperty().get().line(0));
        assertEquals("second", model.topicProperty().get());
        assertFalse(model.loadingProperty().get());
    }

    @Test
    void work_for_a_message_no_longer_shown_is_skipped_before_it_starts() {
        Held background = new Held();
        Held fx = new Held();
        MessageDetailViewModel model = new MessageDetailViewModel(new TaskRunner(background, fx));
        model.show(message("big", big(100_000, "x\n")));
        model.show(message("small", utf8("small")));

        assertEquals(2, background.runAll());
        assertEquals(0, fx.tasks.size(), "the stale work did nothing, so it handed nothing back");
        assertEquals(List.of("small"), all(model.textProperty().get()));
        assertFalse(model.loadingProperty().get());
    }

    @Test
    void showing_nothing_clears_every_fact_and_view() {
        MessageDetailViewModel model = new MessageDetailViewModel(DIRECT);
        model.show(Message.received("t", 1, true, utf8("{}"), MessageProperties.builder().contentType("json").build()));
        model.show(null);

        assertFalse(model.hasMessageProperty().get());
        assertNull(model.messageProperty().get());
        for (String fact : List.of(model.topicProperty().get(), model.directionProperty().get(), model.timeProperty().get(),
                model.qosProperty().get(), model.retainProperty().get(), model.sizeProperty().get(),
                model.invalidNoteProperty().get(), model.jsonProblemProperty().get())) {
            assertEquals("", fact);
        }
        assertNull(model.textProperty().get());
        assertNull(model.hexProperty().get());
        assertNull(model.base64Property().get());
        assertNull(model.jsonProperty().get());
        assertTrue(model.properties().isEmpty());
        assertFalse(model.canCopyProperty().get());
    }

    @Test
    void copying_the_text_gives_the_whole_payload_with_its_own_line_breaks_and_no_added_ones() {
        String payload = "first\r\nsecond 温度\n" + "x".repeat(TextLines.MAX_LINE_BYTES * 2 + 10) + "\nlast";
        MessageDetailViewModel model = new MessageDetailViewModel(DIRECT);
        model.show(message("t", utf8(payload)));

        TextLines lines = model.textProperty().get();
        assertEquals(6, lines.lineCount(), "the long line is shown in three pieces");
        assertTrue(lines.continues(2) && lines.continues(3) && !lines.continues(4));
        assertEquals(payload, copy(model, DetailTab.TEXT));
        assertEquals(Messages.format("detail.copied", payload.length()), model.copyStatusProperty().get());
    }

    @Test
    void copying_selected_lines_joins_the_pieces_of_a_line_cut_for_length_without_a_break() {
        String longLine = "y".repeat(TextLines.MAX_LINE_BYTES + 5);
        MessageDetailViewModel model = new MessageDetailViewModel(DIRECT);
        model.show(message("t", utf8("a\nb\n" + longLine + "\nc")));

        AtomicReference<String> copied = new AtomicReference<>();
        model.copyLines(DetailTab.TEXT, new int[]{0, 2, 3, 4}, copied::set);
        assertEquals("a\n" + longLine + "\nc", copied.get());
        model.copyLines(DetailTab.HEX, new int[]{0}, copied::set);
        assertEquals(model.hexProperty().get().line(0), copied.get());
    }

    @Test
    void copying_happens_in_the_background_and_the_copy_button_waits_for_it() {
        Held background = new Held();
        Held fx = new Held();
        MessageDetailViewModel model = new MessageDetailViewModel(new TaskRunner(background, fx));
        byte[] payload = new byte[40];
        model.show(message("t", payload));
        model.selectedTabProperty().set(DetailTab.HEX);
        assertTrue(model.canCopyProperty().get());

        AtomicReference<String> copied = new AtomicReference<>();
        model.copy(copied::set);
        assertTrue(model.copyingProperty().get());
        assertFalse(model.canCopyProperty().get(), "one copy at a time");
        assertEquals(Messages.get("detail.copying"), model.copyStatusProperty().get());
        assertNull(copied.get());

        background.runAll();
        fx.runAll();
        assertEquals(String.join("\n", all(model.hexProperty().get())), copied.get());
        assertEquals(3, copied.get().split("\n").length);
        assertFalse(model.copyingProperty().get());
        assertTrue(model.canCopyProperty().get());
    }
}
