package dev.mqttdesk.publish;

import dev.mqttdesk.core.mqtt.MqttSession;
import dev.mqttdesk.core.mqtt.SessionState;
import dev.mqttdesk.core.profile.PublishDraft;
import dev.mqttdesk.testing.RecordingFeedback;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The publish box's view model as plain JUnit, without a toolkit. */
class PublishViewModelTest {

    private final RecordingFeedback feedback = new RecordingFeedback();
    private final MqttSession session = new MqttSession(e -> { }, m -> { });
    private final PublishViewModel model = new PublishViewModel(session, feedback);

    @ParameterizedTest(name = "topic \"{0}\" is refused before anything is sent")
    @ValueSource(strings = {"", "a/+", "a/#", "#"})
    void a_topic_that_is_not_a_name_is_refused_with_words(String topic) {
        model.topicProperty().set(topic);
        model.publish();
        assertFalse(model.errorProperty().get().isBlank());
        assertEquals(1, feedback.told.size());
        assertEquals(SessionState.DISCONNECTED, session.state());
    }

    @Test
    void a_good_topic_while_disconnected_is_refused_as_not_connected() {
        model.topicProperty().set("a/b");
        model.publish();
        assertEquals("error.notConnected", feedback.told.get(0).key());
    }

    @Test
    void the_draft_loads_and_saves_back_equal_and_an_out_of_range_qos_is_clamped() {
        PublishDraft draft = new PublishDraft("设备/1", 2, true, "{\"温度\": 21.5}");
        model.load(draft);
        assertEquals(draft, model.draft());
        model.load(new PublishDraft(null, 7, false, null));
        assertEquals(new PublishDraft("", 2, false, ""), model.draft());
    }
}
