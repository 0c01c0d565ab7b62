package dev.mqttdesk.connection;

import dev.mqttdesk.core.mqtt.ConnAck;
import dev.mqttdesk.ui.Collapsed;
import dev.mqttdesk.ui.ViewLifetime;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;

/** Thin controller: the last CONNACK's lines; hidden until the broker has answered. */
public final class ConnAckView {

    @FXML private TitledPane connAckPanel;
    @FXML private GridPane connAckRows;

    private final ConnAckViewModel model;
    private final ViewLifetime life;

    public ConnAckView(ConnectionViewModel connection, ViewLifetime life) {
        this.life = life;
        this.model = connection.connAck();
    }

    @FXML
    private void initialize() {
        Collapsed.untilOpened(connAckPanel);
        connAckPanel.visibleProperty().bind(model.connAckProperty().isNotNull());
        connAckPanel.managedProperty().bind(connAckPanel.visibleProperty());
        model.sayAgain(); // in this view's language
        life.listen(model.rows(), (ListChangeListener<ConnAckViewModel.Row>) c -> fill());
        fill();
    }

    private void fill() {
        ConnAck ack = model.connAckProperty().get();
        connAckPanel.setText(model.titleProperty().get());
        if (ack != null && ack.refused()) {
            connAckPanel.setExpanded(true);
        }
        connAckRows.getChildren().clear();
        int row = 0;
        for (ConnAckViewModel.Row r : model.rows()) {
            Label name = new Label(r.label());
            name.getStyleClass().add("section-label");
            name.setMinWidth(Region.USE_PREF_SIZE); // the names are short: show them whole, wrap the values instead
            Label value = new Label(r.value());
            value.setWrapText(true);
            connAckRows.addRow(row++, name, value);
        }
    }
}
