package dev.mqttdesk.log.detail;

import dev.mqttdesk.core.i18n.Messages;
import dev.mqttdesk.core.i18n.Text;
import dev.mqttdesk.core.log.Direction;
import dev.mqttdesk.core.log.Message;
import dev.mqttdesk.core.log.payload.Base64Lines;
import dev.mqttdesk.core.log.payload.HexLines;
import dev.mqttdesk.core.log.payload.JsonView;
import dev.mqttdesk.core.log.payload.Lines;
import dev.mqttdesk.core.log.payload.PayloadViews;
import dev.mqttdesk.core.log.payload.Sizes;
import dev.mqttdesk.core.log.payload.TextLines;
import dev.mqttdesk.core.log.payload.VisibleText;
import dev.mqttdesk.ui.BackgroundTask;
import dev.mqttdesk.ui.TaskExecutor;
import dev.mqttdesk.ui.TaskHandle;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The state of the message detail pane: one message's facts and its payload as text, JSON, hex and
 * base64, nothing cut. It knows no Node. Call it on the FX thread.
 * <p>
 * Hex and base64 lines cost nothing to set up (each line is made when a list asks for it), so they
 * are there at once whatever the size. The text index (15 to 75 ms for 10 MB) and the pretty JSON
 * (up to a second) are built as background tasks, one hand-over per result; a newer {@link #show}
 * cancels the older tasks: they are skipped before they start, or their results dropped when they arrive.
 */
public final class MessageDetailViewModel {

    /**
     * A payload smaller than this is read on the spot, in a few milliseconds at most, so that
     * clicking through small messages never flashes "loading" in the tabs.
     */
    static final int SYNC_BYTES = 64 * 1024;
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
            .withZone(ZoneId.systemDefault());

    private final TaskExecutor tasks;
    /** The tasks building the shown message's views; a newer {@link #show} cancels them. */
    private final List<TaskHandle> building = new ArrayList<>();

    private final ReadOnlyObjectWrapper<Message> message = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper hasMessage = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper topic = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper direction = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper time = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper qos = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper retain = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper size = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper invalidNote = new ReadOnlyStringWrapper("");

    private final ReadOnlyObjectWrapper<TextLines> text = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Lines> hex = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Lines> base64 = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<TextLines> json = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper textProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper jsonProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper textLoading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper jsonLoading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ObservableList<PropertyRow> properties = FXCollections.observableArrayList();
    private final ObservableList<PropertyRow> propertiesView = FXCollections.unmodifiableObservableList(properties);

    private final ObjectProperty<DetailTab> selectedTab = new SimpleObjectProperty<>(DetailTab.TEXT);
    private final Copier copier;
    private final MessageDiffModel diff;
    private final ReadOnlyBooleanWrapper canCopy = new ReadOnlyBooleanWrapper();

    public MessageDetailViewModel(TaskExecutor tasks) {
        this.tasks = tasks;
        this.copier = new Copier(tasks);
        this.diff = new MessageDiffModel(tasks);
        diff.lookingProperty().bind(selectedTab.isEqualTo(DetailTab.DIFF));
        loading.bind(textLoading.or(jsonLoading));
        canCopy.bind(Bindings.createBooleanBinding(this::computeCanCopy,
                selectedTab, message, text, json, copier.copyingProperty(), diff.rows()));
    }

    /**
     * Shows {@code m} and its difference to what {@code earlier} finds (the message before it on its
     * topic, looked up off the FX thread), or nothing when {@code m} is null.
     */
    public void show(Message m, Supplier<Message> earlier) {
        show(m);
        diff.show(m, earlier);
    }

    /** Shows {@code m}, or nothing when it is null. Returns at once whatever the payload's size. */
    public void show(Message m) {
        building.forEach(TaskHandle::cancel);
        building.clear();
        message.set(m);
        hasMessage.set(m != null);
        copier.clearStatus();
        properties.setAll(m == null ? List.of() : PropertyRow.of(m.properties()));
        textProblem.set("");
        jsonProblem.set("");
        invalidNote.set("");
        if (m == null) {
            for (ReadOnlyStringWrapper fact : List.of(topic, direction, time, qos, retain, size)) {
                fact.set("");
            }
            text.set(null);
            hex.set(null);
            base64.set(null);
            json.set(null);
            textLoading.set(false);
            jsonLoading.set(false);
            return;
        }
        topic.set(m.topic());
        direction.set(Messages.get(m.direction() == Direction.RECEIVED ? "detail.dir.received" : "detail.dir.sent"));
        time.set(TIME.format(Instant.ofEpochMilli(m.timestampMillis())));
        qos.set(Messages.format("detail.qos", m.qos()));
        retain.set(Messages.get(m.retain() ? "detail.retained" : "detail.notRetained"));
        byte[] payload = m.payload();
        size.set(Messages.format("detail.size", Sizes.human(payload.length).resolve()));
        hex.set(new HexLines(payload));
        base64.set(new Base64Lines(payload));
        if (payload.length < SYNC_BYTES) {
            applyText(PayloadViews.of(payload));
            applyJson(JsonView.of(payload));
            return;
        }
        text.set(null);
        json.set(null);
        textLoading.set(true);
        jsonLoading.set(true);
        build(() -> PayloadViews.of(payload), this::applyText, failure -> {
            textLoading.set(false);
            textProblem.set(failure);
        });
        build(() -> JsonView.of(payload), this::applyJson, failure -> {
            jsonLoading.set(false);
            jsonProblem.set(failure);
        });
    }

    private void applyText(PayloadViews views) {
        text.set(views.text());
        Text note = views.invalidNote();
        invalidNote.set(note == null ? "" : note.resolve());
        textLoading.set(false);
    }

    private void applyJson(JsonView view) {
        json.set(view.isJson() ? view.lines() : null);
        jsonProblem.set(view.isJson() ? "" : view.problem().resolve());
        jsonLoading.set(false);
    }

    private <T> void build(Supplier<T> work, Consumer<T> apply, Consumer<String> fail) {
        building.add(tasks.execute(BackgroundTask.of(context -> work.get())
                .onSuccess(apply)
                .onFailure(error -> fail.accept(Messages.format("detail.failed", BackgroundTask.words(error))))));
    }

    /**
     * Copies the whole content of the selected tab: the string is built as a background task,
     * then handed to {@code onFxThread} (which puts it on the clipboard).
     * Text is the payload decoded (bad bytes as {@code \xNN}), base64 one unbroken string, the
     * properties one {@code name<TAB>value} line each.
     */
    public void copy(Consumer<String> onFxThread) {
        if (!canCopy.get()) {
            return;
        }
        Supplier<String> content = switch (selectedTab.get()) {
            case TEXT -> {
                byte[] payload = message.get().payload();
                yield () -> VisibleText.of(payload).text();
            }
            case JSON -> lines(json.get());
            case HEX -> lines(hex.get());
            case BASE64 -> {
                byte[] payload = message.get().payload();
                yield () -> new Base64Lines(payload).all();
            }
            case PROPERTIES -> {
                List<PropertyRow> rows = List.copyOf(properties);
                yield () -> String.join("\n", rows.stream().map(r -> r.name() + "\t" + r.value()).toList());
            }
            case DIFF -> {
                List<DiffRow> rows = List.copyOf(diff.rows());
                yield () -> MessageDiffModel.text(rows);
            }
        };
        copier.copy(content, onFxThread);
    }

    /** Copies the lines at {@code indices} (ascending) of a lines tab, joined by line breaks. */
    public void copyLines(DetailTab tab, int[] indices, Consumer<String> onFxThread) {
        Lines lines = switch (tab) {
            case TEXT -> text.get();
            case JSON -> json.get();
            case HEX -> hex.get();
            case BASE64 -> base64.get();
            case PROPERTIES, DIFF -> null;
        };
        if (lines == null || indices.length == 0) {
            return;
        }
        int[] chosen = indices.clone();
        copier.copy(() -> LinesText.of(lines, chosen), onFxThread);
    }

    private static Supplier<String> lines(Lines lines) {
        return () -> LinesText.all(lines);
    }

    private boolean computeCanCopy() {
        if (message.get() == null || copier.copyingProperty().get()) {
            return false;
        }
        return switch (selectedTab.get()) {
            case TEXT -> text.get() != null;
            case JSON -> json.get() != null;
            case HEX, BASE64 -> true;
            case PROPERTIES -> !message.get().properties().isEmpty();
            case DIFF -> !diff.rows().isEmpty();
        };
    }

    public ReadOnlyObjectProperty<Message> messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasMessageProperty() {
        return hasMessage.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty topicProperty() {
        return topic.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty directionProperty() {
        return direction.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty timeProperty() {
        return time.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty qosProperty() {
        return qos.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty retainProperty() {
        return retain.getReadOnlyProperty();
    }

    /** The payload's size in words, known at once, for example "Size: 1.5 KiB (1,536 bytes)". */
    public ReadOnlyStringProperty sizeProperty() {
        return size.getReadOnlyProperty();
    }

    /** How many bytes are not valid UTF-8 and show as {@code \xNN}; "" when none (or not known yet). */
    public ReadOnlyStringProperty invalidNoteProperty() {
        return invalidNote.getReadOnlyProperty();
    }

    /** The payload as lines of text; null while it is being read, or when nothing is shown. */
    public ReadOnlyObjectProperty<TextLines> textProperty() {
        return text.getReadOnlyProperty();
    }

    /** Why the text cannot be shown; "" normally. */
    public ReadOnlyStringProperty textProblemProperty() {
        return textProblem.getReadOnlyProperty();
    }

    /** The hex dump ({@code hexdump -C} layout); null when nothing is shown. */
    public ReadOnlyObjectProperty<Lines> hexProperty() {
        return hex.getReadOnlyProperty();
    }

    /** Base64 in lines of 76 characters; null when nothing is shown. */
    public ReadOnlyObjectProperty<Lines> base64Property() {
        return base64.getReadOnlyProperty();
    }

    /** The pretty-printed JSON; null while it is being made, when the payload is not JSON, or when nothing is shown. */
    public ReadOnlyObjectProperty<TextLines> jsonProperty() {
        return json.getReadOnlyProperty();
    }

    /** Why the payload is not JSON; "" when it is, while it is being made, or when nothing is shown. */
    public ReadOnlyStringProperty jsonProblemProperty() {
        return jsonProblem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty textLoadingProperty() {
        return textLoading.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty jsonLoadingProperty() {
        return jsonLoading.getReadOnlyProperty();
    }

    /** Whether anything of the shown message is still being built. */
    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** The MQTT 5 properties: MQTT's own, then the user properties in the order they came; empty for MQTT 3.1.1. */
    public ObservableList<PropertyRow> properties() {
        return propertiesView;
    }

    /** The tab the user looks at: what {@link #copy} copies. The view sets it. */
    public ObjectProperty<DetailTab> selectedTabProperty() {
        return selectedTab;
    }

    /** The difference to the message before on the same topic. */
    public MessageDiffModel diff() {
        return diff;
    }

    public ReadOnlyBooleanProperty copyingProperty() {
        return copier.copyingProperty();
    }

    /** Whether the selected tab has content to copy now. */
    public ReadOnlyBooleanProperty canCopyProperty() {
        return canCopy.getReadOnlyProperty();
    }

    /** "Copying…", "Copied N characters." or why it failed; "" otherwise. */
    public ReadOnlyStringProperty copyStatusProperty() {
        return copier.statusProperty();
    }
}
