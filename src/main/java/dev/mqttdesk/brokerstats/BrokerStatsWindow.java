package dev.mqttdesk.brokerstats;

import dev.mqttdesk.core.i18n.Messages;
import dev.mqttdesk.ui.Views;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.util.Map;

/** The "Broker statistics" window (服务器统计) of one connection; closing it takes back its subscription. */
public final class BrokerStatsWindow {

    private BrokerStatsWindow() {
    }

    public static Stage open(Window owner, String connectionName, BrokerStatsViewModel model) {
        BrokerStatsView view = new BrokerStatsView(model);
        Parent pane = Views.load(BrokerStatsWindow.class.getResource("/dev/mqttdesk/brokerstats/BrokerStatsPane.fxml"),
                Map.of(BrokerStatsView.class, () -> view));
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.setTitle(Messages.format("brokerStats.title", connectionName));
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(pane, Math.min(820, screen.getWidth()), Math.min(640, screen.getHeight()));
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().addAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
        stage.setOnHidden(e -> view.stop());
        view.start();
        stage.show();
        return stage;
    }
}
