package dev.mqttdesk.log.detail;

import dev.mqttdesk.core.diff.DiffLine;
import dev.mqttdesk.core.i18n.Messages;
import dev.mqttdesk.core.log.Message;
import dev.mqttdesk.core.message.MessageProperties;
import dev.mqttdesk.testing.SameThreadTaskExecutor;
import dev.mqttdesk.ui.TaskRunner;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Diff tab's model: what it says and shows for each outcome, and that a newer message wins. */
class MessageDiffModelTest {

    private static Message on(String topic, String payload, long time) {
        return new Message(time, dev.mqttdesk.core.log.Direction.RECEIVED, topic, 0, false,
                payload.getBytes(StandardCharsets.UTF_8), MessageProperties.NONE, Message.NO_COLOUR);
    }

    @Test
    void a_changed_json_value_is_one_row_marked_with_its_path_and_the_status_counts_it() {
        MessageDetailViewModel detail = new MessageDetailViewModel(new SameThreadTaskExecutor());
        detail.selectedTabProperty().set(DetailTab.DIFF);
        Message before = on("t", "{\"temp\":21.5,\"unit\":\"C\"}", 1_000);
        detail.show(on("t", "{\"unit\":\"C\",\"temp\":22}", 2_000), () -> before);
        MessageDiffModel diff = detail.diff();
        assertEquals(List.of(new DiffRow(DiffLine.Mark.CHANGED, "~ $.temp: 21.5 \u2192 22")), diff.rows());
        assertEquals(Messages.format("diff.counts", MessageDetailViewModel.TIME.format(java.time.Instant.ofEpochMilli(1_000)),
                Messages.get("diff.kind.json"), 0, 0, 1), diff.statusProperty().get());

        assertTrue(detail.canCopyProperty().get());
        List<String> copied = new ArrayList<>();
        detail.copy(copied::add);
        assertEquals(List.of("~ $.temp: 21.5 \u2192 22"), copied);
    }

    @Test
    void nothing_is_looked_up_or_compared_until_the_diff_tab_is_in_front() {
        MessageDetailViewModel detail = new MessageDetailViewModel(new SameThreadTaskExecutor());
        int[] lookups = {0};
        Message before = on("t", "one", 1);
        detail.show(on("t", "two", 2), () -> {
            lookups[0]++;
            return before;
        });
        assertEquals(0, lookups[0]);
        assertEquals("", detail.diff().statusProperty().get());
        detail.selectedTabProperty().set(DetailTab.DIFF);
        assertEquals(1, lookups[0]);
        assertEquals(List.of("- one", "+ two"), detail.diff().rows().stream().map(DiffRow::text).toList());
        detail.selectedTabProperty().set(DetailTab.TEXT);
        detail.selectedTabProperty().set(DetailTab.DIFF);
        assertEquals(1, lookups[0], "compared once per message");
    }

    @Test
    void with_no_earlier_message_it_says_so_in_words() {
        MessageDiffModel diff = new MessageDiffModel(new SameThreadTaskExecutor());
        diff.show(on("t", "x", 1), () -> null);
        assertEquals(Messages.get("diff.noEarlier"), diff.statusProperty().get());
        assertEquals(List.of(), diff.rows());
    }

    @Test
    void folded_runs_and_problems_are_put_in_words() {
        MessageDiffModel diff = new MessageDiffModel(new SameThreadTaskExecutor());
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            text.append("line ").append(i).append('\n');
        }
        Message before = on("t", text.toString(), 1);
        diff.show(on("t", text + "added\n", 2), () -> before);
        assertEquals(Messages.format("diff.skipped", 7), diff.rows().get(0).text());
        assertEquals("+ added", diff.rows().get(4).text());

        Message huge = new Message(1, dev.mqttdesk.core.log.Direction.RECEIVED, "t", 0, false,
                new byte[2 * 1024 * 1024], MessageProperties.NONE, Message.NO_COLOUR);
        diff.show(on("t", "small", 2), () -> huge);
        assertTrue(diff.statusProperty().get().startsWith(Messages.format("diff.notCompared",
                MessageDetailViewModel.TIME.format(java.time.Instant.ofEpochMilli(1)), "")), diff.statusProperty().get());
        assertEquals(List.of(), diff.rows());
    }

    @Test
    void a_newer_message_cancels_the_comparison_still_running_for_the_older_one() {
        List<Runnable> background = new ArrayList<>();
        MessageDiffModel diff = new MessageDiffModel(new TaskRunner(background::add, Runnable::run));
        Message base = on("t", "{\"v\":0}", 1);
        diff.show(on("t", "{\"v\":1}", 2), () -> base);
        assertEquals(Messages.get("diff.comparing"), diff.statusProperty().get());
        diff.show(on("t", "{\"v\":2}", 3), () -> base);
        background.forEach(Runnable::run);
        assertEquals(List.of("~ $.v: 0 \u2192 2"), diff.rows().stream().map(DiffRow::text).toList());

        diff.show(null, () -> base);
        assertEquals("", diff.statusProperty().get());
        assertEquals(List.of(), diff.rows());
    }
}
