package dev.mqttdesk.tree;

import dev.mqttdesk.core.i18n.Messages;
import dev.mqttdesk.core.topic.TopicTree;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** Thin controller: the tree of topics, its rows, and "Delete retained" with its confirmation. */
public final class TopicTreeView {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    @FXML private TreeView<TopicTree.Node> topicTree;
    @FXML private Button deleteRetainedButton;
    @FXML private Label topicCount;

    private final TopicTreeModel model;
    private final Map<TopicTree.Node, TreeItem<TopicTree.Node>> items = new IdentityHashMap<>();

    public TopicTreeView(TopicTreeModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        TreeItem<TopicTree.Node> root = new TreeItem<>(model.tree().root());
        items.put(model.tree().root(), root);
        topicTree.setRoot(root);
        topicTree.setShowRoot(false);
        topicTree.setCellFactory(t -> new NodeCell());
        addItems(model.nodes());
        model.nodes().addListener((ListChangeListener<TopicTree.Node>) c -> {
            while (c.next()) {
                if (c.wasAdded()) {
                    addItems(c.getAddedSubList());
                }
            }
        });
        model.revisionProperty().addListener((o, was, now) -> {
            topicTree.refresh();
            topicCount.setText(Messages.format("tree.topics", model.tree().topicCount()));
        });
        topicTree.getSelectionModel().selectedItemProperty().addListener((o, was, now) ->
                model.selectedProperty().set(now == null ? null : now.getValue()));
        deleteRetainedButton.disableProperty().bind(model.selectedProperty().isNull());
        MenuItem delete = new MenuItem(Messages.get("tree.deleteRetained"));
        delete.setOnAction(e -> onDeleteRetained());
        topicTree.setContextMenu(new ContextMenu(delete));
        topicCount.setText(Messages.format("tree.topics", model.tree().topicCount()));
    }

    /** Each node goes under its parent's item, in name order. */
    private void addItems(List<? extends TopicTree.Node> created) {
        for (TopicTree.Node n : created) {
            TreeItem<TopicTree.Node> parent = items.get(n.parent());
            TreeItem<TopicTree.Node> item = new TreeItem<>(n);
            item.setExpanded(parent.getParent() == null); // the first level opens, so its topics show at once
            items.put(n, item);
            List<TreeItem<TopicTree.Node>> siblings = parent.getChildren();
            int lo = 0;
            int hi = siblings.size();
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (siblings.get(mid).getValue().name().compareTo(n.name()) < 0) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            siblings.add(lo, item);
        }
    }

    @FXML
    private void onDeleteRetained() {
        TopicTree.Node node = model.selectedProperty().get();
        if (node == null) {
            return;
        }
        List<String> topics = model.retainedUnder(node);
        if (topics.isEmpty()) {
            Alert none = new Alert(Alert.AlertType.INFORMATION, Messages.format("tree.deleteRetained.none", node.topic()), ButtonType.OK);
            none.setHeaderText(null);
            none.initOwner(topicTree.getScene().getWindow());
            none.showAndWait();
            return;
        }
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION,
                Messages.format("tree.deleteRetained.confirm", topics.size(), node.topic()), ButtonType.OK, ButtonType.CANCEL);
        confirm.setHeaderText(null);
        confirm.setTitle(Messages.get("tree.deleteRetained"));
        confirm.initOwner(topicTree.getScene().getWindow());
        confirm.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> model.deleteRetained(topics));
    }

    /** A row: level name and count as its text; last payload, time, retained marker and rate beside it. */
    private static final class NodeCell extends TreeCell<TopicTree.Node> {
        private final Label detail = new Label();

        NodeCell() {
            detail.getStyleClass().add("topic-detail");
            setContentDisplay(ContentDisplay.RIGHT);
            setGraphicTextGap(10);
        }

        @Override
        protected void updateItem(TopicTree.Node n, boolean empty) {
            super.updateItem(n, empty);
            getStyleClass().remove("retained");
            if (empty || n == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            String name = n.name().isEmpty() ? Messages.get("tree.emptyLevel") : n.name();
            setText(name + " (" + n.total() + ")");
            StringBuilder d = new StringBuilder();
            if (n.retained()) {
                d.append(Messages.get("tree.retainedMark")).append(' ');
                getStyleClass().add("retained");
            }
            if (n.preview() != null) {
                d.append(n.preview().replace('\n', ' ')).append("  ").append(TIME.format(Instant.ofEpochMilli(n.lastMillis())));
            }
            int rate = n.ratePerSecond(System.currentTimeMillis());
            if (rate > 0) {
                d.append("  ").append(Messages.format("tree.rate", rate));
            }
            detail.setText(d.toString());
            setGraphic(d.length() == 0 ? null : detail);
        }
    }
}
