package dev.mqttdesk.core.topic;

import dev.mqttdesk.testing.Mosquitto;
import dev.mqttdesk.testing.Peer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The log's topic filter must pick the same messages a broker would deliver. Real mosquitto_sub
 * peers subscribe to each filter on a real mosquitto, mosquitto_pub publishes every topic, and
 * what each peer received is compared with {@link Topics#matches}.
 */
class TopicMatchingAgreesWithMosquittoTest {

    private static final String END = "zz-end-of-test";

    private static final List<String> FILTERS = List.of(
            "#", "+", "+/+", "+/+/+", "+/#", "/#", "/+", "a/#", "a/+", "a/+/c", "a/+/+", "a/b/#", "a//c",
            "+/b", "+/b/#", "a/b", "A/b", "$desk/#", "$desk/+", "$SYS/#", "+/+/c/#", "sport/+/player1");

    private static final List<String> TOPICS = List.of(
            "a", "a/b", "a/b/c", "a/b/c/d", "a//c", "a/x/c", "a/", "/a", "/", "//", "b", "x/b", "x/b/y",
            "A/b", "a b/c", "$desk", "$desk/a", "$desk/a/b", "sport/tennis/player1", "sport/tennis/player1/ranking");

    @Test
    void every_filter_selects_exactly_the_topics_mosquitto_delivers_for_it() {
        try (Mosquitto broker = Mosquitto.startTcp()) {
            Map<String, Peer> peers = new LinkedHashMap<>();
            try {
                for (String filter : FILTERS) {
                    peers.put(filter, broker.sub("-q", "1", "-t", filter, "-t", END));
                }
                peers.values().forEach(Peer::awaitSubscribed);
                for (String topic : TOPICS) {
                    broker.pub("-q", "1", "-t", topic, "-m", "x");
                }
                // Published last, on a topic every peer subscribed to: once it arrived, so did the rest.
                broker.pub("-q", "1", "-t", END, "-m", "end");
                List<String> disagreements = new ArrayList<>();
                for (Map.Entry<String, Peer> e : peers.entrySet()) {
                    String filter = e.getKey();
                    Peer peer = e.getValue();
                    peer.awaitMessage(m -> m.topic().equals(END));
                    Set<String> delivered = peer.messages().stream().map(Peer.Received::topic)
                            .filter(TOPICS::contains).collect(Collectors.toCollection(TreeSet::new));
                    Set<String> matched = TOPICS.stream().filter(t -> Topics.matches(filter, t))
                            .collect(Collectors.toCollection(TreeSet::new));
                    if (!delivered.equals(matched)) {
                        disagreements.add(filter + ": mosquitto " + delivered + ", Topics.matches " + matched);
                    }
                }
                assertEquals(List.of(), disagreements);
            } finally {
                peers.values().forEach(Peer::close);
            }
        }
    }
}
