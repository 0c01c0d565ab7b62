package dev.mqttdesk.publish;

import dev.mqttdesk.core.i18n.InputField;
import dev.mqttdesk.core.message.PublishProperties;
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

    @Test
    void the_mqtt5_fields_are_saved_in_the_draft_as_typed_and_load_back() {
        PublishDraft draft = new PublishDraft("t", 1, false, "x",
                new PublishProperties("text/plain", "reply/1", "req 1", "60", "a=1\na=2", true));
        model.load(draft);
        assertEquals("text/plain", model.contentTypeProperty().get());
        assertEquals("a=1\na=2", model.userPropertiesProperty().get());
        assertEquals(draft, model.draft());
        model.load(new PublishDraft("t", 0, false, "x", null));
        assertEquals(PublishProperties.NONE, model.draft().properties(), "a draft saved before the fields existed");
    }

    @Test
    void a_bad_mqtt5_field_is_refused_at_that_field_before_the_connection_is_even_asked() {
        model.topicProperty().set("a/b");
        model.messageExpiryProperty().set("soon");
        model.publish();
        assertEquals("error.messageExpiry", feedback.told.get(0).key());
        assertEquals(InputField.PUB_MESSAGE_EXPIRY, model.errorFieldProperty().get());

        model.messageExpiryProperty().set("");
        model.userPropertiesProperty().set("no equals sign");
        model.publish();
        assertEquals(InputField.PUB_USER_PROPERTIES, model.errorFieldProperty().get());
    }

    @Test
    void on_mqtt_3_1_1_the_fields_are_kept_but_not_read_so_they_do_not_stop_a_publish() {
        model.topicProperty().set("a/b");
        model.messageExpiryProperty().set("soon");
        model.mqtt5Property().set(false);
        model.publish();
        assertEquals("error.notConnected", feedback.told.get(0).key(), "only the connection is missing");
        assertEquals(InputField.NONE, model.errorFieldProperty().get());
        assertEquals("soon", model.draft().properties().messageExpiry(), "kept as typed");
    }
}
