package dev.mqttdesk.connection;

import dev.mqttdesk.core.mqtt.MqttSession;
import dev.mqttdesk.core.mqtt.SessionEvent;
import dev.mqttdesk.core.mqtt.SessionState;
import dev.mqttdesk.core.url.BrokerUrl;
import dev.mqttdesk.testing.Mosquitto;
import dev.mqttdesk.testing.RecordingFeedback;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Input the client library would throw on is refused by the form with a message; the form stays editable. */
class ConnectionFormLimitsTest {

    @Test
    void a_password_over_65535_bytes_is_refused_with_a_message_and_the_state_never_says_connecting() {
        try (Mosquitto broker = Mosquitto.startTcp()) {
            List<SessionEvent> events = new CopyOnWriteArrayList<>();
            MqttSession session = new MqttSession(events::add, m -> { });
            RecordingFeedback feedback = new RecordingFeedback();
            ConnectionViewModel form = new ConnectionViewModel(session, feedback,
                    BrokerUrl.parse("mqtt://127.0.0.1:" + broker.tcpPort()));
            form.usernameProperty().set("user");
            form.passwordProperty().set("é".repeat(32_768));
            form.connect();
            assertEquals("error.password.tooLong", feedback.told.get(0).key());
            assertTrue(form.errorProperty().get().contains("65535"), form.errorProperty().get());
            assertEquals(dev.mqttdesk.core.i18n.InputField.PASSWORD, form.errorFieldProperty().get());
            assertEquals(SessionState.DISCONNECTED, session.state());
            assertEquals(List.of(), events);
            assertTrue(form.editableBinding().get());
        }
    }

    @Test
    void a_client_id_over_65535_bytes_marks_the_client_id_field() {
        MqttSession session = new MqttSession(e -> { }, m -> { });
        RecordingFeedback feedback = new RecordingFeedback();
        ConnectionViewModel form = new ConnectionViewModel(session, feedback, BrokerUrl.parse("mqtt://127.0.0.1:1883"));
        form.clientIdProperty().set("é".repeat(32_768));
        form.connect();
        assertEquals("error.clientId.tooLong", feedback.told.get(0).key());
        assertEquals(dev.mqttdesk.core.i18n.InputField.CLIENT_ID, form.errorFieldProperty().get());
        assertEquals(SessionState.DISCONNECTED, session.state());
    }
}
