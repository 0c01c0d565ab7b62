package dev.mqttdesk.tree;

import dev.mqttdesk.core.i18n.Text;
import dev.mqttdesk.core.log.Message;
import dev.mqttdesk.core.log.MessageStore;
import dev.mqttdesk.core.mqtt.MqttActionException;
import dev.mqttdesk.core.mqtt.MqttSession;
import dev.mqttdesk.core.topic.TopicTree;
import dev.mqttdesk.ui.BackgroundTask;
import dev.mqttdesk.ui.Feedback;
import dev.mqttdesk.ui.Fx;
import dev.mqttdesk.ui.TaskExecutor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The topic tree of one connection, fed by the store's batches. A batch listener only queues the
 * batch; the tree takes queued batches in on a background task, at most one at a time and started by
 * {@link #tick()} (a few times a second), so the FX thread only adds the nodes a run created and
 * repaints the visible rows.
 */
public final class TopicTreeModel implements AutoCloseable {

    private final TopicTree tree = new TopicTree();
    private final MessageStore store;
    private final TaskExecutor tasks;
    private final MqttSession session;
    private final Feedback feedback;
    private final Queue<List<Message>> pending = new ConcurrentLinkedQueue<>();
    private final Consumer<MessageStore.Batch> onBatch = batch -> pending.add(batch.added());
    /** Every node, in the order they were created (each after its parent): what the view builds its items from. */
    private final ObservableList<TopicTree.Node> nodes = FXCollections.observableArrayList();
    private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper(this, "revision");
    private final ObjectProperty<TopicTree.Node> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyStringWrapper selectedFilter = new ReadOnlyStringWrapper(this, "selectedFilter", "");
    private boolean running;
    private int ticks;

    public TopicTreeModel(MessageStore store, TaskExecutor tasks, MqttSession session, Feedback feedback) {
        this.store = store;
        this.tasks = tasks;
        this.session = session;
        this.feedback = feedback;
        store.addBatchListener(onBatch);
        selected.addListener((o, was, now) -> selectedFilter.set(now == null ? "" : now.subtreeFilter()));
    }

    /** A few times a second, on the FX thread: takes in what came since the last run. */
    public void tick() {
        if (++ticks % 4 == 0) {
            revision.set(revision.get() + 1); // rates fall back to nothing while a topic is quiet
        }
        if (running || pending.isEmpty()) {
            return;
        }
        running = true;
        tasks.execute(BackgroundTask.of(context -> {
                    List<TopicTree.Node> created = new ArrayList<>();
                    for (List<Message> batch; (batch = pending.poll()) != null; ) {
                        created.addAll(tree.add(batch));
                    }
                    return created;
                })
                .onSuccess(created -> {
                    running = false;
                    nodes.addAll(created);
                    revision.set(revision.get() + 1);
                })
                .onFailure(error -> {
                    running = false;
                    feedback.error(Text.of("tree.failed", BackgroundTask.words(error)));
                }));
    }

    /** The topics under {@code node} that hold a retained message: what "Delete retained" would clear. */
    public List<String> retainedUnder(TopicTree.Node node) {
        return node == null ? List.of() : node.retainedTopics();
    }

    /**
     * Clears the retained messages of these topics: an empty retained message to each. The markers go
     * once the sent messages come back through the store.
     */
    public void deleteRetained(List<String> topics) {
        if (topics.isEmpty()) {
            return;
        }
        AtomicInteger failed = new AtomicInteger();
        CompletableFuture<?>[] sends = topics.stream()
                .map(t -> session.publish(t, 1, true, new byte[0]).whenComplete((ok, e) -> {
                    if (e != null) {
                        failed.incrementAndGet();
                    }
                }))
                .toArray(CompletableFuture[]::new);
        CompletableFuture.allOf(sends).whenComplete((ok, e) -> Fx.run(() -> {
            if (e == null) {
                feedback.info(Text.of("tree.deleteRetained.done", topics.size()));
            } else {
                feedback.error(Text.of("tree.deleteRetained.failed", failed.get(), topics.size(),
                        MqttActionException.textOf(e).resolve()));
            }
        }));
    }

    public TopicTree tree() {
        return tree;
    }

    public ObservableList<TopicTree.Node> nodes() {
        return nodes;
    }

    /** Changes each time the figures of the tree may have changed: the view repaints its rows. */
    public ReadOnlyLongProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    public ObjectProperty<TopicTree.Node> selectedProperty() {
        return selected;
    }

    /** The topic filter of the selected node's subtree ({@code a/b/#}), or empty: the log follows it. */
    public ReadOnlyStringProperty selectedFilterProperty() {
        return selectedFilter.getReadOnlyProperty();
    }

    /** Batches waiting for the next run. */
    public int queued() {
        return pending.size();
    }

    /** Stops listening to the store; the scope is closing. */
    @Override
    public void close() {
        store.removeBatchListener(onBatch);
        pending.clear();
    }
}
