package dev.mqttdesk.workspace;

import dev.mqttdesk.charts.ChartsView;
import dev.mqttdesk.connection.ConnAckView;
import dev.mqttdesk.connection.ConnectOptionsView;
import dev.mqttdesk.connection.ConnectionView;
import dev.mqttdesk.connection.WillView;
import dev.mqttdesk.connection.TlsView;
import dev.mqttdesk.connection.ProxyView;
import dev.mqttdesk.connection.Presets;
import dev.mqttdesk.log.MessageLogView;
import dev.mqttdesk.log.detail.MessageDetailView;
import dev.mqttdesk.publish.PublishView;
import dev.mqttdesk.subscribe.SubscribeView;
import dev.mqttdesk.tree.TopicTreeView;
import dev.mqttdesk.ui.Collapsed;
import dev.mqttdesk.ui.ViewLifetime;
import dev.mqttdesk.ui.Views;
import javafx.scene.Parent;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

import java.util.Map;
import java.util.function.Supplier;

/** The page of one connection: its parts, each bound to that connection's own view models. */
final class ConnectionPage {

    private ConnectionPage() {
    }

    /**
     * @param life ends when the page is dropped: its views' listeners on the scope's models go with it
     */
    static Parent load(ConnectionScope scope, Presets presets, ViewLifetime life) {
        MessageLogView logView = new MessageLogView(scope.log(), scope.export(),
                MessageDetailView.load(scope.detail(), life),
                (m, seq) -> scope.detail().show(m, () -> scope.log().store().earlierOnTopic(seq)), life);
        Map<Class<?>, Supplier<Object>> controllers = Map.ofEntries(
                Map.entry(ConnectionView.class, () -> new ConnectionView(scope.connection(), presets, life)),
                Map.entry(ConnectOptionsView.class, () -> new ConnectOptionsView(scope.connection(), life)),
                Map.entry(WillView.class, () -> new WillView(scope.connection(), life)),
                Map.entry(TlsView.class, () -> new TlsView(scope.connection(), life)),
                Map.entry(ProxyView.class, () -> new ProxyView(scope.connection(), life)),
                Map.entry(ConnAckView.class, () -> new ConnAckView(scope.connection(), life)),
                Map.entry(SubscribeView.class, () -> new SubscribeView(scope.subscribe(), life)),
                Map.entry(PublishView.class, () -> new PublishView(scope.publish(), life)),
                Map.entry(MessageLogView.class, () -> logView),
                Map.entry(TopicTreeView.class, () -> new TopicTreeView(scope.tree(), life)),
                Map.entry(ChartsView.class, () -> new ChartsView(scope.charts(), life)));
        Parent page = Views.load(ConnectionPage.class.getResource("ConnectionPage.fxml"), controllers);
        // Not shown at first: made when first selected. Their views draw from models that take in traffic all along.
        Collapsed.untilSelected(tab(page, "#sideTabs", "topicsTab"),
                () -> Views.load(TopicTreeView.class.getResource("TopicTreeView.fxml"), controllers));
        Collapsed.untilSelected(tab(page, "#centerTabs", "chartsTab"),
                () -> Views.load(ChartsView.class.getResource("ChartsView.fxml"), controllers));
        logView.followTopicFilter(scope.tree().selectedFilterProperty()); // selecting a node filters the log to its subtree
        return page;
    }

    private static Tab tab(Parent page, String tabPane, String id) {
        return ((TabPane) page.lookup(tabPane)).getTabs().stream().filter(t -> id.equals(t.getId())).findFirst()
                .orElseThrow(() -> new IllegalStateException("ConnectionPage.fxml has no tab " + id));
    }
}
