package dev.mqttdesk.subscribe;

import dev.mqttdesk.core.mqtt.MqttSession;
import dev.mqttdesk.core.mqtt.SessionEvent;
import dev.mqttdesk.core.mqtt.SessionState;
import dev.mqttdesk.core.mqtt.Subscribed;
import dev.mqttdesk.core.profile.SavedSubscription;
import dev.mqttdesk.testing.RecordingFeedback;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The list shows the subscriptions the session's event carries, marked where the broker may differ. */
class SubscriptionRowsTest {

    private static SessionEvent event(long seq, SessionState state, Subscribed... subs) {
        return new SessionEvent(seq, SessionEvent.Kind.SUBSCRIPTIONS, state, null, false, false, Arrays.asList(subs));
    }

    @Test
    void rows_follow_the_session_and_say_when_the_broker_does_not_know_them_or_we_do_not() {
        SubscribeViewModel model = new SubscribeViewModel(new MqttSession(e -> { }, m -> { }), new RecordingFeedback());
        model.load(List.of(SavedSubscription.of("a/#", 1, 3)), false);

        model.onSessionEvent(event(1, SessionState.CONNECTED,
                new Subscribed("a/#", 1, Subscribed.Standing.GRANTED),
                new Subscribed("b/#", 0, Subscribed.Standing.NOT_KNOWN_TO_BROKER),
                new Subscribed("old/x", 1, Subscribed.Standing.RESUMED_NOT_KNOWN_HERE)), SessionState.CONNECTED);
        List<Subscription> rows = List.copyOf(model.subscriptions());
        assertEquals(List.of("a/#", "b/#", "old/x"), rows.stream().map(Subscription::filter).toList());
        assertEquals(3, rows.get(0).colour(), "a saved filter keeps its colour");
        assertNull(rows.get(0).mark());
        assertEquals("subscription.notKnownToBroker", rows.get(1).mark().key());
        assertEquals("subscription.resumedNotKnownHere", rows.get(2).mark().key());

        // The session ended: the list is empty, the saved subscription stays.
        model.onSessionEvent(new SessionEvent(2, SessionEvent.Kind.STATE, SessionState.DISCONNECTED, null, false, false, List.of()),
                SessionState.CONNECTED);
        assertEquals(List.of(), List.copyOf(model.subscriptions()));
        assertEquals(1, model.saved().size());
    }
}
