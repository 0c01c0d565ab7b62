package dev.mqttdesk.connection;

import dev.mqttdesk.core.i18n.InputField;
import dev.mqttdesk.core.mqtt.MqttSession;
import dev.mqttdesk.core.mqtt.SessionState;
import dev.mqttdesk.core.url.BrokerUrl;
import dev.mqttdesk.core.url.Transport;
import dev.mqttdesk.testing.RecordingFeedback;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The connection form's view model as plain JUnit, without a toolkit: refusals name their field as data. */
class ConnectionViewModelTest {

    private final RecordingFeedback feedback = new RecordingFeedback();
    private final MqttSession session = new MqttSession(e -> { }, m -> { });
    private final ConnectionViewModel model = new ConnectionViewModel(session, feedback, BrokerUrl.parse("mqtt://127.0.0.1:1883"));

    @ParameterizedTest(name = "{0} = \"{1}\" is refused at {2}")
    @CsvSource({
            "port, 70000, PORT",
            "port, abc, PORT",
            "host, '', HOST",
            "host, 'bad host', HOST",
            "keepAlive, -1, KEEP_ALIVE",
            "keepAlive, x, KEEP_ALIVE",
            "connectTimeout, 0, CONNECT_TIMEOUT",
            "reconnectPeriod, -5, RECONNECT_PERIOD",
            "clientId, 'a\u0000b', CLIENT_ID",
    })
    void bad_input_is_refused_at_its_field_and_nothing_connects(String part, String value, InputField field) {
        set(part).accept(value);
        model.connect();
        assertEquals(field, model.errorFieldProperty().get());
        assertFalse(model.errorProperty().get().isBlank(), "a sentence for the user");
        assertEquals(1, feedback.told.size(), "and one toast");
        assertEquals(SessionState.DISCONNECTED, session.state(), "nothing was sent");
    }

    @Test
    void a_bad_websocket_path_is_refused_at_the_path_field() {
        model.useUrl("ws://127.0.0.1:8083/mqtt");
        model.pathProperty().set("/has space");
        model.connect();
        assertEquals(InputField.PATH, model.errorFieldProperty().get());
        assertEquals(SessionState.DISCONNECTED, session.state());
    }

    @Test
    void a_bad_url_is_refused_at_the_url_field_and_leaves_the_parts_as_they_were() {
        model.useUrl("wss://broker.example:8084/mqtt");
        model.urlProperty().set("gopher://x");
        model.commitUrl();
        assertEquals(InputField.URL, model.errorFieldProperty().get());
        assertEquals(Transport.WEBSOCKET_TLS, model.transportProperty().get());
        assertEquals("broker.example", model.hostProperty().get());
        assertEquals("8084", model.portProperty().get());
    }

    @Test
    void mending_the_address_clears_an_address_error() {
        model.portProperty().set("0");
        model.connect();
        assertEquals(InputField.PORT, model.errorFieldProperty().get());
        model.useUrl("mqtt://127.0.0.1:1884");
        assertEquals(InputField.NONE, model.errorFieldProperty().get());
        assertEquals("", model.errorProperty().get());
    }

    private Consumer<String> set(String part) {
        return switch (part) {
            case "port" -> model.portProperty()::set;
            case "host" -> model.hostProperty()::set;
            case "keepAlive" -> model.keepAliveProperty()::set;
            case "connectTimeout" -> model.connectTimeoutProperty()::set;
            case "reconnectPeriod" -> model.reconnectPeriodProperty()::set;
            case "clientId" -> model.clientIdProperty()::set;
            default -> throw new IllegalArgumentException(part);
        };
    }
}
