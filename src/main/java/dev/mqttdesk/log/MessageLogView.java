package dev.mqttdesk.log;

import dev.mqttdesk.core.i18n.Messages;
import dev.mqttdesk.core.log.Direction;
import dev.mqttdesk.core.log.Message;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.util.Duration;

import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;

/** Thin controller: the table of messages, its counters and the rate. */
public final class MessageLogView {

    /** The table shows a preview; the whole payload is always kept. */
    static final int PREVIEW_BYTES = 400;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

    @FXML private Label receivedCount;
    @FXML private Label sentCount;
    @FXML private CheckBox autoScrollCheck;
    @FXML private Button clearLogButton;
    @FXML private TableView<Message> messageLog;
    @FXML private TableColumn<Message, String> timeColumn;
    @FXML private TableColumn<Message, String> directionColumn;
    @FXML private TableColumn<Message, String> topicColumn;
    @FXML private TableColumn<Message, String> qosColumn;
    @FXML private TableColumn<Message, String> retainColumn;
    @FXML private TableColumn<Message, String> payloadColumn;
    @FXML private Label shownCount;
    @FXML private Label evictedCount;
    @FXML private Label rateLabel;

    private final MessageLogModel model;
    private long lastReceived;

    public MessageLogView(MessageLogModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        NumberFormat digits = NumberFormat.getIntegerInstance();
        receivedCount.textProperty().bind(Bindings.createStringBinding(() -> digits.format(model.receivedProperty().get()), model.receivedProperty()));
        sentCount.textProperty().bind(Bindings.createStringBinding(() -> digits.format(model.sentProperty().get()), model.sentProperty()));
        shownCount.textProperty().bind(Bindings.createStringBinding(
                () -> Messages.format("log.shown", digits.format(model.items().size())), model.items()));
        evictedCount.textProperty().bind(Bindings.createStringBinding(
                () -> Messages.format("log.evicted", digits.format(model.evictedProperty().get())), model.evictedProperty()));
        rateLabel.setText(Messages.format("log.rate", "0"));
        Timeline rate = new Timeline(new KeyFrame(Duration.seconds(1), e -> {
            long now = model.receivedProperty().get();
            rateLabel.setText(Messages.format("log.rate", digits.format(Math.max(0, now - lastReceived))));
            lastReceived = now;
        }));
        rate.setCycleCount(Timeline.INDEFINITE);
        rate.play();

        column(timeColumn, m -> TIME.format(Instant.ofEpochMilli(m.timestampMillis())));
        column(directionColumn, m -> Messages.get(m.direction() == Direction.RECEIVED ? "log.dir.received" : "log.dir.sent"));
        column(topicColumn, Message::topic);
        column(qosColumn, m -> String.valueOf(m.qos()));
        column(retainColumn, m -> m.retain() ? Messages.get("log.retained") : "");
        column(payloadColumn, MessageLogView::preview);
        messageLog.setItems(model.items());
        messageLog.setPlaceholder(new Label(Messages.get("log.empty")));
        messageLog.setRowFactory(table -> new TableRow<>() {
            @Override
            protected void updateItem(Message item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll("sent", "received");
                if (!empty && item != null) {
                    getStyleClass().add(item.direction() == Direction.SENT ? "sent" : "received");
                }
            }
        });
        // One scroll per batch, not per message: the list changes once per drain.
        model.items().addListener((ListChangeListener<Message>) c -> {
            if (autoScrollCheck.isSelected() && !model.items().isEmpty()) {
                messageLog.scrollTo(model.items().size() - 1);
            }
        });
    }

    private static void column(TableColumn<Message, String> column, Function<Message, String> text) {
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(text.apply(cell.getValue())));
    }

    /** The start of the payload as one line of text, saying how much more there is. */
    static String preview(Message m) {
        byte[] p = m.payload();
        int n = Math.min(p.length, PREVIEW_BYTES);
        String text = new String(p, 0, n, StandardCharsets.UTF_8).replace('\n', '⏎').replace('\r', ' ');
        return p.length > n ? text + " … " + Messages.format("log.moreBytes", NumberFormat.getIntegerInstance().format(p.length)) : text;
    }

    @FXML
    private void onClear() {
        model.clear();
        lastReceived = 0;
    }
}
