package dev.mqttdesk.core.log;

import dev.mqttdesk.core.message.MessageProperties;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** {@link MessageStore#earlierOnTopic}: the message a diff compares with. */
class EarlierOnTopicTest {

    private static Message on(String topic, String payload) {
        // A fresh string each time, as the client decodes it: equal topics need not be the same object.
        return Message.received(new String(topic.toCharArray()), 0, false, payload.getBytes(StandardCharsets.UTF_8),
                MessageProperties.NONE);
    }

    @Test
    void it_is_the_newest_earlier_row_on_the_same_topic_skipping_other_topics() {
        MessageStore store = new MessageStore(100, Runnable::run);
        store.add(on("a", "a1"));       // 0
        store.add(on("a", "a2"));       // 1
        store.add(on("b", "b1"));       // 2
        store.add(on("a/x", "ax"));     // 3
        store.add(on("a", "a3"));       // 4
        assertEquals("a2", store.earlierOnTopic(4).payloadText());
        assertEquals("a1", store.earlierOnTopic(1).payloadText());
        assertNull(store.earlierOnTopic(0));
        assertNull(store.earlierOnTopic(2), "the only message on b");
        assertNull(store.earlierOnTopic(3), "a/x is another topic than a");
    }

    @Test
    void a_received_message_is_compared_with_the_one_received_before_not_with_what_was_sent() {
        MessageStore store = new MessageStore(100, Runnable::run);
        store.add(on("a", "r1"));                                                              // 0
        store.add(Message.sent("a", 0, false, "s1".getBytes(StandardCharsets.UTF_8)));       // 1
        store.add(on("a", "r2"));                                                              // 2: the echo of s1
        store.add(Message.sent("a", 0, false, "s2".getBytes(StandardCharsets.UTF_8)));       // 3
        assertEquals("r1", store.earlierOnTopic(2).payloadText());
        assertEquals("s1", store.earlierOnTopic(3).payloadText());
        assertNull(store.earlierOnTopic(1));
    }

    @Test
    void it_reaches_back_across_pages_of_rows_but_not_past_the_oldest_held() {
        MessageStore store = new MessageStore(3 * MessageStore.PAGE, Runnable::run);
        store.add(on("rare", "first"));
        for (int i = 0; i < 2 * MessageStore.PAGE + 17; i++) {
            store.add(on("busy", "n" + i));
        }
        store.add(on("rare", "second"));
        long second = store.nextSeq() - 1;
        assertEquals("first", store.earlierOnTopic(second).payloadText());

        for (int i = 0; i < MessageStore.PAGE; i++) { // the first "rare" is evicted now
            store.add(on("busy", "m" + i));
        }
        store.add(on("rare", "third"));
        assertEquals("second", store.earlierOnTopic(store.nextSeq() - 1).payloadText());
        assertNull(store.earlierOnTopic(second), "its earlier one is gone from the log");
    }

    @Test
    void a_row_that_is_gone_or_not_yet_there_has_none() {
        MessageStore store = new MessageStore(2, Runnable::run);
        store.add(on("a", "1"));
        store.add(on("a", "2"));
        store.add(on("a", "3"));
        assertNull(store.earlierOnTopic(0));
        assertNull(store.earlierOnTopic(3));
        assertNull(store.earlierOnTopic(1), "row 0 was evicted");
        assertEquals("2", store.earlierOnTopic(2).payloadText());
        store.clear();
        assertNull(store.earlierOnTopic(2));
    }
}
