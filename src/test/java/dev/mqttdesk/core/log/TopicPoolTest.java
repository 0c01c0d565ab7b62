package dev.mqttdesk.core.log;

import dev.mqttdesk.core.message.MessageProperties;
import org.junit.jupiter.api.Test;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

class TopicPoolTest {

    private static Message on(String topic) {
        return Message.received(topic, 0, false, new byte[0], MessageProperties.NONE);
    }

    @Test
    void messages_on_the_same_topic_share_one_topic_string() {
        Message first = on(new String("plant/line-3/press/pressure"));
        Message second = on(new String("plant/line-3/press/pressure"));
        assertSame(first.topic(), second.topic());
    }

    @Test
    void a_very_long_topic_is_kept_by_its_message_only() {
        String longTopic = "x/".repeat(TopicPool.MAX_LENGTH);
        Message first = on(new String(longTopic));
        Message second = on(new String(longTopic));
        assertEquals(first.topic(), second.topic());
        assertNotSame(first.topic(), second.topic());
    }
}
