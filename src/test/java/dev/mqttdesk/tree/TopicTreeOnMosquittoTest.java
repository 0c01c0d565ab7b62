package dev.mqttdesk.tree;

import dev.mqttdesk.core.log.MessageStore;
import dev.mqttdesk.core.mqtt.ConnectionSettings;
import dev.mqttdesk.core.mqtt.MqttSession;
import dev.mqttdesk.core.topic.TopicTree;
import dev.mqttdesk.core.url.Transport;
import dev.mqttdesk.testing.Mosquitto;
import dev.mqttdesk.testing.Peer;
import dev.mqttdesk.testing.RecordingFeedback;
import dev.mqttdesk.testing.SameThreadTaskExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The topic tree on a real mosquitto, fed by real mosquitto_pub peers through a real session and store. */
class TopicTreeOnMosquittoTest {

    static Mosquitto mosquitto;
    MessageStore store;
    MqttSession session;
    TopicTreeModel model;
    final RecordingFeedback feedback = new RecordingFeedback();

    @BeforeAll
    static void startBroker() throws Exception {
        mosquitto = Mosquitto.startTcp();
        FxToolkit.registerPrimaryStage(); // the model tells its outcome on the FX thread
    }

    @AfterAll
    static void stopBroker() {
        mosquitto.close();
    }

    @BeforeEach
    void connect() throws Exception {
        store = new MessageStore(10_000, Runnable::run);
        session = new MqttSession(e -> { }, store::add);
        model = new TopicTreeModel(store, new SameThreadTaskExecutor(), session, feedback);
        session.connect(ConnectionSettings.defaults(mosquitto.url(Transport.TCP)).withConnectTimeout(10)).get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void disconnect() throws Exception {
        model.close();
        session.disconnect().get(10, TimeUnit.SECONDS);
    }

    private void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
            model.tick();
            return condition.call();
        });
    }

    private TopicTree.Node node(String topic) {
        TopicTree.Node n = model.tree().root();
        for (String level : topic.split("/", -1)) {
            n = n.childNodes().stream().filter(c -> c.name().equals(level)).findFirst()
                    .orElseThrow(() -> new AssertionError("no node " + topic + " in " + model.nodes()));
        }
        return n;
    }

    private void pub(String topic, int times) {
        for (int i = 0; i < times; i++) {
            mosquitto.pub("-t", topic, "-q", "1", "-m", topic + " #" + i);
        }
    }

    @Test
    void the_counts_of_each_node_equal_what_mosquitto_pub_sent_on_it_and_below_it() throws Exception {
        session.subscribe("count/#", 1).get(10, TimeUnit.SECONDS);
        session.subscribe("+/x", 1).get(10, TimeUnit.SECONDS);
        pub("count/a", 3);
        pub("count/b/c", 2);
        pub("count/b/d", 1);
        pub("count", 1);
        pub("other/x", 2);
        pub("other/y", 4); // matched by no subscription: never seen
        waitFor(() -> model.tree().root().total() == 9);

        assertEquals(7, node("count").total());
        assertEquals(1, node("count").own());
        assertEquals(3, node("count/a").total());
        assertEquals(3, node("count/b").total());
        assertEquals(0, node("count/b").own());
        assertEquals(2, node("count/b/c").total());
        assertEquals(1, node("count/b/d").total());
        assertEquals(2, node("other").total());
        assertEquals(2, node("other/x").own());
        assertEquals("count/b/c #1", node("count/b/c").preview());
        assertTrue(node("other").childNodes().stream().noneMatch(n -> n.name().equals("y")));
        assertEquals(5, model.tree().topicCount());
        // Each node exactly once, each after its parent, for the view.
        assertEquals(7, model.nodes().size());
        for (int i = 0; i < model.nodes().size(); i++) {
            TopicTree.Node n = model.nodes().get(i);
            assertTrue(n.parent() == model.tree().root() || model.nodes().subList(0, i).contains(n.parent()), n.toString());
        }
    }

    @Test
    void selecting_a_node_asks_the_log_for_its_subtree() throws Exception {
        session.subscribe("sel/#", 1).get(10, TimeUnit.SECONDS);
        pub("sel/a/b", 1);
        waitFor(() -> model.tree().root().total() == 1);
        model.selectedProperty().set(node("sel/a"));
        assertEquals("sel/a/#", model.selectedFilterProperty().get());
        model.selectedProperty().set(null);
        assertEquals("", model.selectedFilterProperty().get());
    }

    @Test
    void delete_retained_clears_a_node_and_then_a_subtree_so_a_fresh_subscriber_gets_none() throws Exception {
        mosquitto.pub("-t", "del/a", "-q", "1", "-r", "-m", "ra");
        mosquitto.pub("-t", "del/b/c", "-q", "1", "-r", "-m", "rc");
        mosquitto.pub("-t", "del/b/d/e", "-q", "1", "-r", "-m", "re");
        session.subscribe("del/#", 1).get(10, TimeUnit.SECONDS);
        pub("del/b/live", 1); // not retained: never offered for deletion
        waitFor(() -> model.tree().root().total() == 4);
        assertTrue(node("del/a").retained());
        assertFalse(node("del/b/live").retained());

        // A node: only its own retained message.
        assertEquals(List.of("del/a"), model.retainedUnder(node("del/a")));
        WaitForAsyncUtils.asyncFx(() -> model.deleteRetained(model.retainedUnder(node("del/a")))).get(10, TimeUnit.SECONDS);
        waitFor(() -> !node("del/a").retained());
        assertEquals(List.of(), retainedAsAFreshSubscriberSeesThem("del/a"));
        assertEquals(List.of("del/b/c", "del/b/d/e"), retainedAsAFreshSubscriberSeesThem("del/b/#"));

        // A subtree: every retained message under it, and nothing else.
        List<String> under = model.retainedUnder(node("del/b"));
        assertEquals(List.of("del/b/c", "del/b/d/e"), under.stream().sorted().toList());
        WaitForAsyncUtils.asyncFx(() -> model.deleteRetained(under)).get(10, TimeUnit.SECONDS);
        waitFor(() -> model.retainedUnder(node("del")).isEmpty());
        assertEquals(List.of(), retainedAsAFreshSubscriberSeesThem("del/#"));
        waitFor(() -> feedback.told.stream().anyMatch(t -> t.key().equals("tree.deleteRetained.done")));
    }

    /** The topics of the retained messages a new mosquitto_sub gets on this filter, before a later live marker. */
    private List<String> retainedAsAFreshSubscriberSeesThem(String filter) {
        try (Peer sub = mosquitto.sub("-t", filter, "-t", "marker/end", "-q", "1")) {
            sub.awaitSubscribed();
            mosquitto.pub("-t", "marker/end", "-q", "1", "-m", "end");
            sub.awaitMessage(m -> m.topic().equals("marker/end"));
            return sub.messages().stream().takeWhile(m -> !m.topic().equals("marker/end"))
                    .filter(Peer.Received::retain).map(Peer.Received::topic).sorted().toList();
        }
    }
}
