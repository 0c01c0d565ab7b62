package dev.mqttdesk.log.detail;

import dev.mqttdesk.core.diff.DiffLine;
import dev.mqttdesk.core.diff.PayloadDiff;
import dev.mqttdesk.core.i18n.Messages;
import dev.mqttdesk.core.log.Message;
import dev.mqttdesk.ui.BackgroundTask;
import dev.mqttdesk.ui.TaskExecutor;
import dev.mqttdesk.ui.TaskHandle;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * The Diff tab: how the shown message differs from the message before it on the same topic. The
 * earlier message is looked up and compared as one background task, only while the tab is looked at
 * ({@link #lookingProperty()}): clicking through messages with another tab in front costs nothing,
 * not even a layout pass for a status line nobody sees. A newer {@link #show} cancels the older one.
 * Call it on the FX thread.
 */
public final class MessageDiffModel {

    private record Outcome(Message earlier, PayloadDiff diff) {
    }

    private final TaskExecutor tasks;
    private TaskHandle running = TaskHandle.NONE;
    private final ObservableList<DiffRow> rows = FXCollections.observableArrayList();
    private final ObservableList<DiffRow> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final BooleanProperty looking = new SimpleBooleanProperty(true);
    /** What {@link #show} was last given, compared once the tab is looked at; null once compared. */
    private Message waiting;
    private Supplier<Message> waitingEarlier;

    public MessageDiffModel(TaskExecutor tasks) {
        this.tasks = tasks;
        looking.addListener((o, was, now) -> {
            if (now && waiting != null) {
                compare(waiting, waitingEarlier);
            }
        });
    }

    /**
     * Compares {@code m} with what {@code earlier} finds (null when there is none); {@code earlier}
     * runs off the FX thread. Nothing is shown for a null {@code m}.
     */
    public void show(Message m, Supplier<Message> earlier) {
        running.cancel();
        running = TaskHandle.NONE;
        rows.clear();
        status.set("");
        waiting = m;
        waitingEarlier = earlier;
        if (m != null && looking.get()) {
            compare(m, earlier);
        }
    }

    private void compare(Message m, Supplier<Message> earlier) {
        waiting = null;
        waitingEarlier = null;
        status.set(Messages.get("diff.comparing"));
        running = tasks.execute(BackgroundTask.of(context -> {
                    Message before = earlier.get();
                    return new Outcome(before, before == null ? null : PayloadDiff.of(before.payload(), m.payload()));
                })
                .onSuccess(this::apply)
                .onFailure(error -> status.set(Messages.format("detail.failed", BackgroundTask.words(error)))));
    }

    private void apply(Outcome outcome) {
        if (outcome.earlier() == null) {
            status.set(Messages.get("diff.noEarlier"));
            return;
        }
        PayloadDiff diff = outcome.diff();
        String time = MessageDetailViewModel.TIME.format(Instant.ofEpochMilli(outcome.earlier().timestampMillis()));
        if (diff.problem() != null) {
            status.set(Messages.format("diff.notCompared", time, diff.problem().resolve()));
            return;
        }
        String kind = Messages.get(switch (diff.kind()) {
            case JSON -> "diff.kind.json";
            case TEXT -> "diff.kind.text";
            case BINARY -> "diff.kind.binary";
        });
        status.set(diff.same() ? Messages.format("diff.same", time, kind)
                : Messages.format("diff.counts", time, kind, diff.added(), diff.removed(), diff.changed()));
        rows.setAll(diff.lines().stream().map(MessageDiffModel::row).toList());
    }

    private static DiffRow row(DiffLine line) {
        return switch (line.mark()) {
            case SKIPPED -> new DiffRow(line.mark(), Messages.format("diff.skipped", line.count()));
            case MORE -> new DiffRow(line.mark(), Messages.format("diff.more", line.count()));
            default -> new DiffRow(line.mark(), line.mark().sign() + " " + line.text());
        };
    }

    /** The lines of the difference, for a list; empty while comparing, when equal or not compared. */
    public ObservableList<DiffRow> rows() {
        return rowsView;
    }

    /** What was compared with what, and the counts; or why nothing was compared. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Whether the tab is in front; the detail pane's model binds it. True on its own (a model by itself compares at once). */
    public BooleanProperty lookingProperty() {
        return looking;
    }

    /** The rows as text, one a line: what Copy puts on the clipboard. */
    static String text(List<DiffRow> rows) {
        return String.join("\n", rows.stream().map(DiffRow::text).toList());
    }
}
