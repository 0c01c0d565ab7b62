package dev.mqttdesk.tree;

import dev.mqttdesk.core.i18n.Messages;
import dev.mqttdesk.core.topic.TopicTree;
import dev.mqttdesk.ui.ViewLifetime;
import javafx.animation.AnimationTimer;
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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.List;
import java.util.Map;

/** Thin controller: the tree of topics, its rows, and "Delete retained" with its confirmation. */
public final class TopicTreeView {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    @FXML private TreeView<TopicTree.Node> topicTree;
    @FXML private Button deleteRetainedButton;
    @FXML private Label topicCount;

    /** One height for every row: the tree then places rows by arithmetic instead of measuring cells. */
    static final double ROW_HEIGHT = 24;
    private static final Comparator<TreeItem<TopicTree.Node>> BY_NAME = Comparator.comparing(i -> i.getValue().name());

    /**
     * The most new topics that go into the tree in one frame. The first seconds of a flood over many topics
     * bring thousands at once; all in one frame held the FX thread 80–170 ms (10,000 items, cold code).
     */
    static final int ITEMS_PER_FRAME = 1_000;

    private final TopicTreeModel model;
    private final ViewLifetime life;
    private final Map<TopicTree.Node, TreeItem<TopicTree.Node>> items = new IdentityHashMap<>();
    /** New nodes not in the tree yet, in the order they were made (each after its parent). */
    private final ArrayDeque<TopicTree.Node> waiting = new ArrayDeque<>();
    private final AnimationTimer takeWaiting = new AnimationTimer() {
        @Override
        public void handle(long now) {
            List<TopicTree.Node> next = new ArrayList<>(Math.min(ITEMS_PER_FRAME, waiting.size()));
            while (next.size() < ITEMS_PER_FRAME && !waiting.isEmpty()) {
                next.add(waiting.poll());
            }
            addItems(next);
            if (waiting.isEmpty()) {
                stop();
            }
        }
    };
    /** The cells the tree has made (a screenful): their figures are redrawn in place when the tree's change. */
    private final Set<NodeCell> cells = Collections.newSetFromMap(new WeakHashMap<>());

    public TopicTreeView(TopicTreeModel model, ViewLifetime life) {
        this.life = life;
        this.model = model;
    }

    @FXML
    private void initialize() {
        TreeItem<TopicTree.Node> root = new TreeItem<>(model.tree().root());
        items.put(model.tree().root(), root);
        topicTree.setRoot(root);
        topicTree.setShowRoot(false);
        topicTree.setFixedCellSize(ROW_HEIGHT);
        topicTree.setCellFactory(t -> {
            NodeCell cell = new NodeCell();
            cells.add(cell);
            return cell;
        });
        waiting.addAll(model.nodes());
        takeWaiting.start();
        life.onEnd(takeWaiting::stop);
        life.listen(model.nodes(), (ListChangeListener<TopicTree.Node>) c -> {
            while (c.next()) {
                if (c.wasAdded()) {
                    waiting.addAll(c.getAddedSubList());
                }
            }
            takeWaiting.start(); // from the next frame on, until none wait (starting it again is harmless)
        });
        life.listen(model.revisionProperty(), (o, was, now) -> {
            cells.forEach(NodeCell::showFigures);
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

    /**
     * Each node goes under its parent's item, in name order. The new children of one parent go in as few
     * runs as their names allow (one when the parent is new): each insertion is an event the tree's
     * selection, focus and cells all handle, and a flood over many topics creates thousands a batch.
     */
    private void addItems(List<? extends TopicTree.Node> created) {
        Map<TreeItem<TopicTree.Node>, List<TreeItem<TopicTree.Node>>> byParent = new LinkedHashMap<>();
        TopicTree.Node selected = model.selectedProperty().get();
        TreeItem<TopicTree.Node> chosen = null;
        for (TopicTree.Node n : created) {
            TreeItem<TopicTree.Node> parent = items.get(n.parent());
            TreeItem<TopicTree.Node> item = new TreeItem<>(n);
            // The first level opens, so its topics show at once. (Asked of the node: a new parent item is not in
            // the tree yet, so its own parent says nothing.)
            item.setExpanded(n.parent() == model.tree().root());
            items.put(n, item);
            byParent.computeIfAbsent(parent, p -> new ArrayList<>()).add(item);
            if (n == selected) {
                chosen = item;
            }
        }
        byParent.forEach((parent, fresh) -> insertSorted(parent.getChildren(), fresh, BY_NAME));
        if (chosen != null) {
            showChosen(chosen);
        }
    }

    /**
     * A tree made again (another language) shows the node chosen in the one before, whose subtree the log
     * still filters to: its parents open, it selected.
     */
    private void showChosen(TreeItem<TopicTree.Node> item) {
        for (TreeItem<TopicTree.Node> p = item.getParent(); p != null; p = p.getParent()) {
            p.setExpanded(true);
        }
        topicTree.getSelectionModel().select(item);
    }

    /** Inserts {@code fresh} into the sorted {@code siblings}, each run that falls between two siblings at once. */
    static <T> void insertSorted(List<TreeItem<T>> siblings, List<TreeItem<T>> fresh,
                                 Comparator<TreeItem<T>> order) {
        fresh.sort(order);
        int at = 0;
        for (int i = 0; i < fresh.size(); ) {
            at = lowerBound(siblings, fresh.get(i), at, order);
            int end = i + 1;
            while (end < fresh.size() && (at == siblings.size() || order.compare(fresh.get(end), siblings.get(at)) < 0)) {
                end++;
            }
            siblings.addAll(at, fresh.subList(i, end));
            at += end - i;
            i = end;
        }
    }

    private static <T> int lowerBound(List<TreeItem<T>> list, TreeItem<T> key, int from, Comparator<TreeItem<T>> order) {
        int lo = from;
        int hi = list.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (order.compare(list.get(mid), key) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
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
            showFigures();
        }

        /** The row's text and figures from its node as they are now. */
        void showFigures() {
            TopicTree.Node n = getItem();
            boolean retained = n != null && !isEmpty() && n.retained();
            if (!retained) {
                getStyleClass().remove("retained");
            }
            if (isEmpty() || n == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            String name = n.name().isEmpty() ? Messages.get("tree.emptyLevel") : n.name();
            setText(name + " (" + n.total() + ")");
            StringBuilder d = new StringBuilder();
            if (retained) {
                d.append(Messages.get("tree.retainedMark")).append(' ');
                if (!getStyleClass().contains("retained")) {
                    getStyleClass().add("retained");
                }
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
