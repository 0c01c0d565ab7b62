package dev.mqttdesk.log;

import dev.mqttdesk.core.i18n.InputField;
import dev.mqttdesk.core.i18n.InvalidInputException;
import dev.mqttdesk.core.i18n.Messages;
import dev.mqttdesk.core.log.Direction;
import dev.mqttdesk.core.log.Message;
import dev.mqttdesk.core.log.MessageFilter;
import javafx.beans.value.ObservableValue;
import dev.mqttdesk.core.profile.AppSettings;
import dev.mqttdesk.ui.ViewLifetime;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.stage.FileChooser;
import javafx.util.Duration;

import java.io.File;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;
import java.util.function.ObjLongConsumer;

/** Thin controller: the table of messages, its filter, counters, export and the detail pane's place. */
public final class MessageLogView {

    /** The table shows a preview; the whole payload is always kept and shown in the detail pane. */
    static final int PREVIEW_BYTES = 300;
    /** One height for every row: the table then finds a row by arithmetic, not by measuring a million. */
    static final double ROW_HEIGHT = 24;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

    @FXML private Label receivedCount;
    @FXML private Label sentCount;
    @FXML private Button newWhilePausedBadge;
    @FXML private CheckBox autoScrollCheck;
    @FXML private Button exportButton;
    @FXML private Button clearLogButton;
    @FXML private TextField filterTopicField;
    @FXML private TextField filterTextField;
    @FXML private CheckBox filterRegexCheck;
    @FXML private ChoiceBox<Direction> filterDirectionChoice;
    @FXML private Label filterError;
    @FXML private TableView<Message> messageLog;
    @FXML private TableColumn<Message, String> timeColumn;
    @FXML private TableColumn<Message, String> directionColumn;
    @FXML private TableColumn<Message, String> topicColumn;
    @FXML private TableColumn<Message, String> qosColumn;
    @FXML private TableColumn<Message, String> retainColumn;
    @FXML private TableColumn<Message, String> payloadColumn;
    @FXML private StackPane detailHolder;
    @FXML private Label shownCount;
    @FXML private Label evictedCount;
    @FXML private Label rateLabel;
    @FXML private Label filterStatus;
    @FXML private ProgressBar exportProgress;
    @FXML private Button exportCancelButton;
    @FXML private TextField logCapacityField;
    @FXML private TextField logMaxMbField;

    private final MessageLogModel model;
    private final LogExportModel export;
    private final Node detail;
    private final ObjLongConsumer<Message> onSelect;
    private final ViewLifetime life;
    private FollowingTableSkin<Message> following;
    private final NumberFormat digits = NumberFormat.getIntegerInstance();
    private final PauseTransition filterDelay = new PauseTransition(Duration.millis(250));

    /**
     * @param detail   the detail pane to show under the table
     * @param onSelect told of the selected message and its row's sequence number in the store (null and -1 when none)
     */
    public MessageLogView(MessageLogModel model, LogExportModel export,
                          Node detail, ObjLongConsumer<Message> onSelect, ViewLifetime life) {
        this.life = life;
        this.model = model;
        this.export = export;
        this.detail = detail;
        this.onSelect = onSelect;
    }

    @FXML
    private void initialize() {
        bindCounters();
        bindTable();
        bindFilter();
        bindExportAndCapacity();
        detailHolder.getChildren().setAll(detail);
    }

    private void bindCounters() {
        receivedCount.textProperty().bind(Bindings.createStringBinding(() -> digits.format(model.receivedProperty().get()), model.receivedProperty()));
        sentCount.textProperty().bind(Bindings.createStringBinding(() -> digits.format(model.sentProperty().get()), model.sentProperty()));
        shownCount.textProperty().bind(Bindings.createStringBinding(
                () -> Messages.format("log.shown", digits.format(model.shownProperty().get())), model.shownProperty()));
        evictedCount.textProperty().bind(Bindings.createStringBinding(
                () -> Messages.format("log.evicted", digits.format(model.evictedProperty().get())), model.evictedProperty()));
        rateLabel.textProperty().bind(Bindings.createStringBinding(
                () -> Messages.format("log.rate", digits.format(model.rateProperty().get())), model.rateProperty()));

        autoScrollCheck.selectedProperty().bindBidirectional(model.autoScrollProperty());
        newWhilePausedBadge.textProperty().bind(Bindings.createStringBinding(() -> Messages.format("log.newWhilePaused",
                digits.format(model.arrivedWhilePausedProperty().get())), model.arrivedWhilePausedProperty()));
        newWhilePausedBadge.visibleProperty().bind(model.autoScrollProperty().not().and(model.arrivedWhilePausedProperty().greaterThan(0)));
        newWhilePausedBadge.managedProperty().bind(newWhilePausedBadge.visibleProperty());
    }

    private void bindTable() {
        column(timeColumn, m -> TIME.format(Instant.ofEpochMilli(m.timestampMillis())));
        column(directionColumn, m -> Messages.get(m.direction() == Direction.RECEIVED ? "log.dir.received" : "log.dir.sent"));
        column(topicColumn, Message::topic);
        column(qosColumn, m -> String.valueOf(m.qos()));
        column(retainColumn, m -> m.retain() ? Messages.get("log.retained") : "");
        column(payloadColumn, m -> m.payloadPreview(PREVIEW_BYTES).replace('\n', '⏎').replace('\r', ' '));
        messageLog.setFixedCellSize(ROW_HEIGHT);
        messageLog.itemsProperty().bind(model.visibleProperty());
        messageLog.setPlaceholder(new Label(Messages.get("log.empty")));
        messageLog.setRowFactory(table -> new MessageRow());
        messageLog.getSelectionModel().selectedItemProperty().addListener((o, a, b) ->
                onSelect.accept(b, b == null ? -1 : model.seqOfShown(messageLog.getSelectionModel().getSelectedIndex())));
        following = new FollowingTableSkin<>(messageLog, () -> model.autoScrollProperty().get());
        messageLog.setSkin(following);
        life.listen(model.autoScrollProperty(), (o, was, now) -> {
            if (now) {
                following.showEnd(); // following again (the box or the badge): at the end at once, not at the next message
            }
        });
    }

    /**
     * Colours a received row by the colour it arrived with (found once, as the store wrote it); sent
     * rows have their own shade.
     */
    private final class MessageRow extends TableRow<Message> {
        @Override
        protected void updateItem(Message item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeIf(c -> c.equals("sent") || c.startsWith("sub-colour-"));
            if (empty || item == null) {
                return;
            }
            if (item.direction() == Direction.SENT) {
                getStyleClass().add("sent");
            } else if (item.colour() != Message.NO_COLOUR) {
                getStyleClass().add("sub-colour-" + item.colour());
            }
        }
    }

    private void bindFilter() {
        filterDirectionChoice.getItems().setAll(null, Direction.RECEIVED, Direction.SENT);
        // "Both ways" is the null choice, which Choices' converter would print as nothing.
        filterDirectionChoice.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Direction d) {
                return Messages.get(d == null ? "log.filter.direction.ALL" : "log.filter.direction." + d.name());
            }

            @Override
            public Direction fromString(String s) {
                throw new UnsupportedOperationException("choices are picked, not typed");
            }
        });
        MessageLogModel.FilterFields typed = model.filterFields();
        filterTopicField.setText(typed.topic());
        filterTextField.setText(typed.text());
        filterRegexCheck.setSelected(typed.regex());
        filterDirectionChoice.setValue(typed.direction());
        if (!typed.equals(MessageLogModel.FilterFields.EMPTY)) {
            filterOrError(); // made again (another language): a filter that could not apply says why once more
        }
        // Typing re-filters a quarter second after the last key, not on every key.
        filterDelay.setOnFinished(e -> applyFilter());
        filterTopicField.textProperty().addListener((o, a, b) -> filterDelay.playFromStart());
        filterTextField.textProperty().addListener((o, a, b) -> filterDelay.playFromStart());
        filterRegexCheck.selectedProperty().addListener((o, a, b) -> applyFilter());
        filterDirectionChoice.valueProperty().addListener((o, a, b) -> applyFilter());
        filterError.visibleProperty().bind(filterError.textProperty().isNotEmpty());
        filterError.managedProperty().bind(filterError.visibleProperty());
        filterStatus.textProperty().bind(Bindings.createStringBinding(() -> model.filterStatusProperty().get() == null ? ""
                : Messages.format("log.filter.showing", model.filterStatusProperty().get().resolve()), model.filterStatusProperty()));
    }

    /** The topic filter follows what another part asks for (the topic tree's selected node). */
    public void followTopicFilter(ObservableValue<String> asked) {
        life.listen(asked, (o, was, now) -> filterTopicField.setText(now));
    }

    private void applyFilter() {
        model.rememberFilterFields(new MessageLogModel.FilterFields(filterTopicField.getText(), filterTextField.getText(),
                filterRegexCheck.isSelected(), filterDirectionChoice.getValue()));
        MessageFilter filter = filterOrError();
        if (filter != null) {
            model.applyFilter(filter);
        }
    }

    /** The filter the fields say, or null when they say none MQTT or Java would take: then the error line says why. */
    private MessageFilter filterOrError() {
        try {
            MessageFilter filter = MessageFilter.of(filterTopicField.getText(), filterTextField.getText(),
                    filterRegexCheck.isSelected(), filterDirectionChoice.getValue());
            filterError.setText("");
            filterTopicField.getStyleClass().remove("field-error");
            filterTextField.getStyleClass().remove("field-error");
            return filter;
        } catch (InvalidInputException e) {
            filterError.setText(e.text().resolve());
            TextField bad = e.field() == InputField.FILTER_TEXT ? filterTextField : filterTopicField;
            if (!bad.getStyleClass().contains("field-error")) {
                bad.getStyleClass().add("field-error");
            }
            return null;
        }
    }

    private void bindExportAndCapacity() {
        exportProgress.progressProperty().bind(export.progressProperty());
        exportProgress.visibleProperty().bind(export.runningProperty());
        exportProgress.managedProperty().bind(export.runningProperty());
        exportCancelButton.visibleProperty().bind(export.runningProperty());
        exportCancelButton.managedProperty().bind(export.runningProperty());
        exportButton.disableProperty().bind(export.runningProperty());

        logCapacityField.setText(String.valueOf(model.capacityProperty().get()));
        logMaxMbField.setText(String.valueOf(model.maxBytesProperty().get() >> 20));
        logMaxMbField.setOnAction(e -> applyMaxBytes());
        logMaxMbField.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                applyMaxBytes();
            }
        });
        logCapacityField.setOnAction(e -> applyCapacity());
        logCapacityField.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                applyCapacity();
            }
        });
    }

    private void applyCapacity() {
        String text = logCapacityField.getText().strip().replace(",", "").replace("_", "");
        int max;
        try {
            max = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            max = -1;
        }
        if (max < 1 || max > AppSettings.MAX_LOG_CAPACITY) {
            filterError.setText(Messages.format("log.capacity.invalid", digits.format(AppSettings.MAX_LOG_CAPACITY)));
            logCapacityField.getStyleClass().add("field-error");
            return;
        }
        logCapacityField.getStyleClass().remove("field-error");
        if (filterError.getText().equals(Messages.format("log.capacity.invalid", digits.format(AppSettings.MAX_LOG_CAPACITY)))) {
            filterError.setText("");
        }
        if (max != model.capacityProperty().get()) {
            model.setCapacity(max);
        }
    }

    /** The byte bound, in MB: from 1 to the maximum heap (more could never be held). */
    private void applyMaxBytes() {
        long maxMb = Runtime.getRuntime().maxMemory() >> 20;
        long mb;
        try {
            mb = Long.parseLong(logMaxMbField.getText().strip().replace(",", "").replace("_", ""));
        } catch (NumberFormatException e) {
            mb = -1;
        }
        String invalid = Messages.format("log.maxBytes.invalid", digits.format(maxMb));
        if (mb < 1 || mb > maxMb) {
            filterError.setText(invalid);
            if (!logMaxMbField.getStyleClass().contains("field-error")) {
                logMaxMbField.getStyleClass().add("field-error");
            }
            return;
        }
        logMaxMbField.getStyleClass().remove("field-error");
        if (filterError.getText().equals(invalid)) {
            filterError.setText("");
        }
        if (mb << 20 != model.maxBytesProperty().get()) {
            model.setMaxBytes(mb << 20);
        }
    }

    private static void column(TableColumn<Message, String> column, Function<Message, String> text) {
        // A null row is one the log evicted since the table last heard: blank until the next batch.
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue() == null ? "" : text.apply(cell.getValue())));
    }

    @FXML
    private void onClear() {
        model.clear();
    }

    @FXML
    private void onResume() {
        model.autoScrollProperty().set(true);
    }

    @FXML
    private void onClearFilter() {
        filterTopicField.clear();
        filterTextField.clear();
        filterRegexCheck.setSelected(false);
        filterDirectionChoice.setValue(null);
        filterDelay.stop();
        applyFilter();
    }

    @FXML
    private void onExport() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(Messages.get("log.export"));
        chooser.getExtensionFilters().setAll(
                new FileChooser.ExtensionFilter(Messages.get("log.export.jsonl"), "*.jsonl"),
                new FileChooser.ExtensionFilter(Messages.get("log.export.csv"), "*.csv"));
        chooser.setInitialFileName("mqtt-desk-log.jsonl");
        File file = chooser.showSaveDialog(messageLog.getScene().getWindow());
        if (file != null) {
            exportTo(file);
        }
    }

    /** Exports what the table shows (the filtered part when a filter is on). */
    void exportTo(File file) {
        export.export(model.visibleForExport(), file.toPath());
    }

    @FXML
    private void onCancelExport() {
        export.cancel();
    }
}
