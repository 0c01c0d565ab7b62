package dev.mqttdesk.subscribe;

import dev.mqttdesk.core.mqtt.MqttSession;
import dev.mqttdesk.core.mqtt.SessionState;
import dev.mqttdesk.core.profile.SavedSubscription;
import dev.mqttdesk.testing.RecordingFeedback;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The subscribe form's view model as plain JUnit, without a toolkit. */
class SubscribeViewModelTest {

    private final RecordingFeedback feedback = new RecordingFeedback();
    private final MqttSession session = new MqttSession(e -> { }, m -> { });
    private final SubscribeViewModel model = new SubscribeViewModel(session, feedback);

    @ParameterizedTest(name = "filter \"{0}\" is refused before anything is sent")
    @ValueSource(strings = {"", "a/#/b", "a+/b", "$share/g", "$share/g/", "$share/+/t"})
    void a_bad_filter_is_refused_with_words_and_nothing_is_saved(String filter) {
        model.filterProperty().set(filter);
        model.subscribe();
        assertFalse(model.errorProperty().get().isBlank(), filter);
        assertEquals(1, feedback.told.size());
        assertTrue(model.saved().isEmpty());
        assertTrue(model.subscriptions().isEmpty());
        assertEquals(SessionState.DISCONNECTED, session.state());
    }

    @Test
    void saved_subscriptions_load_without_anything_being_sent_and_keep_the_switch() {
        List<SavedSubscription> saved = List.of(SavedSubscription.of("传感器/#", 1, 3),
                new SavedSubscription("a/+", 2, 0, true, true, 2));
        model.load(saved, false);
        assertEquals(saved, model.saved());
        assertFalse(model.subscribeOnConnectProperty().get());
        assertTrue(model.subscriptions().isEmpty(), "nothing is subscribed until it connects");
        assertTrue(feedback.told.isEmpty());
    }

    @Test
    void a_saved_subscription_asks_again_for_the_options_it_was_made_with() {
        SavedSubscription s = SavedSubscription.of("a/#", new dev.mqttdesk.core.mqtt.SubscribeOptions(2, true, true, 1), 4);
        assertEquals(new SavedSubscription("a/#", 2, 4, true, true, 1), s);
        assertEquals(new dev.mqttdesk.core.mqtt.SubscribeOptions(2, true, true, 1), s.options());
    }

    @Test
    void no_local_on_a_shared_subscription_is_refused_in_words_before_anything_is_sent() {
        model.filterProperty().set("$share/g/t");
        model.noLocalProperty().set(true);
        model.subscribe();
        // Refused for what it is before the connection is even asked.
        assertEquals("error.noLocalShared", feedback.told.get(0).key());
        assertTrue(model.saved().isEmpty());
    }
}
