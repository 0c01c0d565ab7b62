package dev.mqttdesk.brokerstats;

import dev.mqttdesk.core.stats.BrokerStats;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.util.Duration;

/** Thin controller of the broker statistics pane; refreshes the model once a second while shown. */
public final class BrokerStatsView {

    @FXML private Label brokerStatsStatus;
    @FXML private Label brokerStatsVersion;
    @FXML private Label brokerStatsUptime;
    @FXML private Label brokerStatsClients;
    @FXML private Label brokerStatsMessagesIn;
    @FXML private Label brokerStatsMessagesOut;
    @FXML private Label brokerStatsBytesIn;
    @FXML private Label brokerStatsBytesOut;
    @FXML private TableView<BrokerStats.Entry> brokerStatsTable;
    @FXML private TableColumn<BrokerStats.Entry, String> brokerStatsTopicColumn;
    @FXML private TableColumn<BrokerStats.Entry, String> brokerStatsValueColumn;

    private final BrokerStatsViewModel model;
    private final Timeline ticker;

    public BrokerStatsView(BrokerStatsViewModel model) {
        this.model = model;
        this.ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> model.refresh()));
        ticker.setCycleCount(Timeline.INDEFINITE);
    }

    @FXML
    private void initialize() {
        brokerStatsStatus.textProperty().bind(Bindings.createStringBinding(
                () -> model.statusProperty().get() == null ? "" : model.statusProperty().get().resolve(),
                model.statusProperty()));
        brokerStatsVersion.textProperty().bind(model.versionProperty());
        brokerStatsUptime.textProperty().bind(model.uptimeProperty());
        brokerStatsClients.textProperty().bind(model.clientsProperty());
        brokerStatsMessagesIn.textProperty().bind(model.messagesInProperty());
        brokerStatsMessagesOut.textProperty().bind(model.messagesOutProperty());
        brokerStatsBytesIn.textProperty().bind(model.bytesInProperty());
        brokerStatsBytesOut.textProperty().bind(model.bytesOutProperty());
        brokerStatsTopicColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().topic()));
        brokerStatsValueColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().value()));
        brokerStatsTable.setItems(model.entries());
    }

    void start() {
        model.open();
        ticker.play();
    }

    void stop() {
        ticker.stop();
        model.close();
    }
}
