package dev.mqttdesk.core.topic;

import dev.mqttdesk.core.log.Direction;
import dev.mqttdesk.core.log.Message;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every topic seen on one connection, one node per level. {@link #add} is called by one thread at a
 * time (the connection's traffic worker); the nodes' figures are volatile and their children a
 * concurrent map, so the UI thread reads them (and walks a subtree) while messages keep coming.
 * <p>
 * Counts are of received messages. The retained marker follows what the broker holds as far as this
 * connection can tell: set by a retained message with a payload (received, or sent by us), cleared by
 * a retained message without one.
 */
public final class TopicTree {

    /** Last payload preview kept per node, in bytes of payload. */
    static final int PREVIEW_BYTES = 80;

    private final Node root = new Node(null, "");
    /** The node of each whole topic, so a topic seen before costs one lookup, not a walk per level. */
    private final Map<String, Node> byTopic = new HashMap<>();

    public Node root() {
        return root;
    }

    /**
     * Takes in a batch (in arrival order); returns the nodes it created, each after its parent, for the
     * UI to add.
     */
    public List<Node> add(List<Message> batch) {
        List<Node> created = new ArrayList<>();
        for (Message m : batch) {
            Node leaf = byTopic.get(m.topic());
            if (leaf == null) {
                leaf = create(m.topic(), created);
                byTopic.put(m.topic(), leaf);
            }
            if (m.direction() == Direction.RECEIVED) {
                leaf.own++;
                leaf.preview = m.payloadPreview(PREVIEW_BYTES);
                leaf.lastMillis = m.timestampMillis();
                for (Node n = leaf; n != null; n = n.parent) {
                    n.total++;
                    n.count(m.timestampMillis());
                }
            }
            if (m.retain()) {
                leaf.retained = m.payload().length > 0;
            }
        }
        return created;
    }

    private Node create(String topic, List<Node> created) {
        Node n = root;
        for (String level : topic.split("/", -1)) {
            Node child = n.children().get(level);
            if (child == null) {
                child = new Node(n, level);
                n.children().put(level, child);
                created.add(child);
            }
            n = child;
        }
        return n;
    }

    /** How many distinct topics the tree holds. */
    public int topicCount() {
        return byTopic.size();
    }

    /** Forgets every topic (with the log's Clear). */
    public void clear() {
        root.children().clear();
        byTopic.clear();
        root.total = 0;
        root.second = 0;
    }

    /** One level of a topic and its figures. */
    public static final class Node {
        private final Node parent;
        private final String name;
        private volatile Map<String, Node> children;
        private volatile long own;
        private volatile long total;
        private volatile String preview;
        private volatile long lastMillis;
        private volatile boolean retained;
        // The subtree's arrivals per second: the current second and the one before it.
        private volatile long second;
        private volatile int inSecond;
        private volatile int inPreviousSecond;

        Node(Node parent, String name) {
            this.parent = parent;
            this.name = name;
        }

        private Map<String, Node> children() {
            Map<String, Node> c = children;
            if (c == null) {
                c = new ConcurrentHashMap<>(4);
                children = c;
            }
            return c;
        }

        private void count(long millis) {
            long s = millis / 1000;
            if (s == second) {
                inSecond++;
            } else if (s > second) {
                inPreviousSecond = s == second + 1 ? inSecond : 0;
                second = s;
                inSecond = 1;
            }
            // An older timestamp (a clock step) counts in the total only.
        }

        public Node parent() {
            return parent;
        }

        /** This level's name (empty for an empty level, as in {@code a//b}). */
        public String name() {
            return name;
        }

        /** The whole topic up to this level. */
        public String topic() {
            if (parent == null || parent.parent == null) {
                return name;
            }
            return parent.topic() + "/" + name;
        }

        /** The topic filter of this node and everything below it. */
        public String subtreeFilter() {
            return topic() + "/#";
        }

        public Collection<Node> childNodes() {
            Map<String, Node> c = children;
            return c == null ? List.of() : c.values();
        }

        /** Messages received on this very topic. */
        public long own() {
            return own;
        }

        /** Messages received on this topic and every topic below it. */
        public long total() {
            return total;
        }

        /** The start of the last payload received on this topic, or null. */
        public String preview() {
            return preview;
        }

        /** When the last message on this topic came (epoch milliseconds), 0 if none. */
        public long lastMillis() {
            return lastMillis;
        }

        /** Whether the broker holds a retained message for this topic, as far as this connection saw. */
        public boolean retained() {
            return retained;
        }

        /** Messages per second on this subtree over the last whole second before {@code nowMillis}. */
        public int ratePerSecond(long nowMillis) {
            long now = nowMillis / 1000;
            long s = second;
            if (s == now) {
                return inPreviousSecond;
            }
            return s == now - 1 ? inSecond : 0;
        }

        /** The topics at and below this node that hold a retained message, in no particular order. */
        public List<String> retainedTopics() {
            List<String> out = new ArrayList<>();
            collectRetained(out);
            return out;
        }

        private void collectRetained(List<String> out) {
            if (retained) {
                out.add(topic());
            }
            for (Node c : childNodes()) {
                c.collectRetained(out);
            }
        }

        @Override
        public String toString() {
            return topic() + " (" + total + ")";
        }
    }
}
