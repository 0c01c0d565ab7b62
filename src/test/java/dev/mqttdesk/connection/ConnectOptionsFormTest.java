package dev.mqttdesk.connection;

import dev.mqttdesk.core.i18n.InputField;
import dev.mqttdesk.core.i18n.InvalidInputException;
import dev.mqttdesk.core.mqtt.ConnAck;
import dev.mqttdesk.core.mqtt.ConnectOptions;
import dev.mqttdesk.core.mqtt.ConnectionSettings;
import dev.mqttdesk.core.mqtt.MqttSession;
import dev.mqttdesk.core.mqtt.MqttVersion;
import dev.mqttdesk.core.mqtt.SessionEvent;
import dev.mqttdesk.core.mqtt.SessionState;
import dev.mqttdesk.core.message.UserProperty;
import dev.mqttdesk.core.mqtt.Will;
import dev.mqttdesk.core.profile.ConnectionProfile;
import dev.mqttdesk.core.profile.store.Json;
import dev.mqttdesk.core.url.BrokerUrl;
import dev.mqttdesk.testing.RecordingFeedback;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The MQTT 5 options, the last will and the CONNACK panel of the connection form, as plain JUnit without a toolkit. */
class ConnectOptionsFormTest {

    private final RecordingFeedback feedback = new RecordingFeedback();
    private final MqttSession session = new MqttSession(e -> { }, m -> { });
    private final ConnectionViewModel model = new ConnectionViewModel(session, feedback, BrokerUrl.parse("mqtt://127.0.0.1:1883"));
    private final ConnectOptionsViewModel options = model.options();
    private final WillViewModel will = model.will();

    @ParameterizedTest(name = "{0} = \"{1}\" is refused at {2}")
    @CsvSource(delimiter = '|', value = {
            "sessionExpiry | -1 | SESSION_EXPIRY",
            "sessionExpiry | 4294967296 | SESSION_EXPIRY",
            "sessionExpiry | 1 day | SESSION_EXPIRY",
            "receiveMaximum | 0 | RECEIVE_MAXIMUM",
            "receiveMaximum | 65536 | RECEIVE_MAXIMUM",
            "maximumPacketSize | 0 | MAXIMUM_PACKET_SIZE",
            "maximumPacketSize | 268435461 | MAXIMUM_PACKET_SIZE",
            "topicAliasMaximum | 65536 | TOPIC_ALIAS_MAXIMUM",
            "connectUserProperties | no equals sign | CONNECT_USER_PROPERTIES",
            "willTopic | alarm/# | WILL_TOPIC",
            "willDelay | -1 | WILL_DELAY",
            "willDelay | 99999999999 | WILL_DELAY",
            "willMessageExpiry | soon | WILL_MESSAGE_EXPIRY",
            "willResponseTopic | reply/+ | WILL_RESPONSE_TOPIC",
            "willUserProperties | a=1\\nbroken | WILL_USER_PROPERTIES",
    })
    void bad_input_is_refused_at_its_field_with_a_sentence_and_nothing_connects(String part, String value, InputField field) {
        will.topicProperty().set("desk/will");
        set(part).accept(value.replace("\\n", "\n"));
        model.connect();
        assertEquals(field, model.errorFieldProperty().get());
        assertFalse(model.errorProperty().get().isBlank(), "a sentence for the user");
        assertFalse(model.errorProperty().get().contains("error."), "words, not a key: " + model.errorProperty().get());
        assertEquals(1, feedback.told.size(), "and one toast");
        assertEquals(SessionState.DISCONNECTED, session.state(), "nothing was sent");
    }

    @Test
    void a_user_property_line_without_equals_sign_is_named_by_its_line_number() {
        options.userPropertiesProperty().set("a=1\n\nb");
        InvalidInputException e = assertThrows(InvalidInputException.class, model::settings);
        assertEquals(InputField.CONNECT_USER_PROPERTIES, e.field());
        assertEquals("error.userProperty.noEquals", e.text().key());
        assertEquals("3", e.text().args()[0]);
    }

    @Test
    void empty_fields_mean_what_mqtt_means_when_the_properties_are_left_out_and_no_will() {
        ConnectionSettings s = model.settings();
        assertEquals(ConnectOptions.DEFAULT, s.connect());
        assertEquals(0, s.connect().sessionExpirySeconds(), "empty session expiry = 0");
        assertNull(s.will(), "an empty will topic means no will");
    }

    @Test
    void typed_options_and_will_reach_the_settings_with_repeated_user_properties_in_order() {
        options.sessionExpiryProperty().set(" 3600 ");
        options.receiveMaximumProperty().set("20");
        options.maximumPacketSizeProperty().set("1048576");
        options.topicAliasMaximumProperty().set("10");
        options.requestResponseInformationProperty().set(true);
        options.requestProblemInformationProperty().set(false);
        options.userPropertiesProperty().set("app=desk\nrole=a\nrole=b\n");
        will.topicProperty().set("desk/status");
        will.messageProperty().set("离线 offline");
        will.qosProperty().set(1);
        will.retainProperty().set(true);
        will.delayProperty().set("5");
        will.messageExpiryProperty().set("120");
        will.contentTypeProperty().set("text/plain");
        will.responseTopicProperty().set("desk/reply");
        will.correlationDataProperty().set("req-42");
        will.userPropertiesProperty().set("k=1\nk=2");

        ConnectionSettings s = model.settings();
        assertEquals(new ConnectOptions(3600, 20, 1_048_576, 10, true, false, List.of(new UserProperty("app", "desk"),
                new UserProperty("role", "a"), new UserProperty("role", "b"))), s.connect());
        assertEquals(new Will("desk/status", "离线 offline", 1, true, 5, 120L, "text/plain", "desk/reply", "req-42",
                List.of(new UserProperty("k", "1"), new UserProperty("k", "2"))), s.will());
    }

    @Test
    void mqtt_3_1_1_reads_only_the_will_it_has_and_none_of_the_mqtt_5_fields() {
        options.sessionExpiryProperty().set("not a number");
        options.userPropertiesProperty().set("broken");
        will.topicProperty().set("desk/status");
        will.messageProperty().set("gone");
        will.qosProperty().set(2);
        will.retainProperty().set(true);
        will.delayProperty().set("-5");
        will.contentTypeProperty().set("text/plain");
        model.versionProperty().set(MqttVersion.MQTT_3_1_1);

        ConnectionSettings s = model.settings();
        assertEquals(ConnectOptions.DEFAULT, s.connect());
        assertEquals(new Will("desk/status", "gone", 2, true, 0, null, null, null, null, List.of()), s.will());
        assertFalse(model.mqtt5Binding().get(), "the view disables the MQTT 5 fields by this");
        assertEquals("not a number", options.sessionExpiryProperty().get(), "kept, not dropped");
        model.versionProperty().set(MqttVersion.MQTT_5_0);
        assertTrue(model.mqtt5Binding().get());
        assertEquals(InputField.SESSION_EXPIRY, assertThrows(InvalidInputException.class, model::settings).field());
    }

    @Test
    void an_mqtt_3_1_1_password_without_a_user_name_is_refused_at_the_password_field() {
        model.versionProperty().set(MqttVersion.MQTT_3_1_1);
        model.passwordProperty().set("s3cret");
        model.connect();
        assertEquals(InputField.PASSWORD, model.errorFieldProperty().get());
        assertTrue(model.errorProperty().get().contains("user name"), model.errorProperty().get());
        assertEquals(SessionState.DISCONNECTED, session.state());

        model.versionProperty().set(MqttVersion.MQTT_5_0);
        assertEquals("s3cret", model.settings().password(), "MQTT 5 allows a password alone");
        model.versionProperty().set(MqttVersion.MQTT_3_1_1);
        model.usernameProperty().set("desk");
        assertEquals("desk", model.settings().username(), "with a user name 3.1.1 sends both");
    }

    @Test
    void the_options_and_the_will_are_saved_with_the_profile_and_load_back_as_typed() throws Exception {
        options.sessionExpiryProperty().set("600");
        options.receiveMaximumProperty().set("half-typed");
        options.requestProblemInformationProperty().set(false);
        options.userPropertiesProperty().set("a=1\na=2");
        will.topicProperty().set("desk/will");
        will.qosProperty().set(2);
        will.messageExpiryProperty().set("30");
        will.correlationDataProperty().set("c");
        will.userPropertiesProperty().set("w=1");
        ConnectionProfile saved = model.profile();
        ConnectionProfile throughJson = Json.MAPPER.readValue(Json.MAPPER.writeValueAsBytes(saved), ConnectionProfile.class);
        assertEquals(saved, throughJson);

        ConnectionViewModel other = new ConnectionViewModel(session, feedback, BrokerUrl.parse("mqtt://127.0.0.1:1883"));
        other.load(throughJson);
        assertEquals(saved, other.profile());
        assertEquals("half-typed", other.options().receiveMaximumProperty().get());
        assertFalse(other.options().requestProblemInformationProperty().get());
        assertEquals(2, other.will().qosProperty().get());
        assertEquals("a=1\na=2", other.options().userPropertiesProperty().get());
    }

    @Test
    void a_profile_saved_before_these_options_loads_with_defaults_and_keeps_its_day_long_session_without_clean_start()
            throws Exception {
        String old = "{\"url\":\"mqtt://127.0.0.1:1883\",\"version\":\"MQTT_5_0\",\"clientId\":\"old\",\"keepAlive\":\"60\","
                + "\"cleanStart\":false,\"connectTimeout\":\"30\",\"reconnectPeriod\":\"1000\",\"resubscribe\":true}";
        model.load(Json.MAPPER.readValue(old, ConnectionProfile.class));
        ConnectionSettings s = model.settings();
        assertEquals(ConnectOptions.DEFAULT.withSessionExpiry(86_400), s.connect(),
                "before session expiry was a field, clean start off connected with a day");
        assertNull(s.will());
        assertTrue(options.requestProblemInformationProperty().get());

        model.load(Json.MAPPER.readValue(old.replace("\"cleanStart\":false", "\"cleanStart\":true"), ConnectionProfile.class));
        assertEquals(ConnectOptions.DEFAULT, model.settings().connect());
    }

    @Test
    void clean_start_off_with_a_session_expiry_of_0_is_pointed_out_in_mqtt_5_only() {
        var warned = model.sessionEndsWithConnectionBinding();
        assertFalse(warned.get(), "clean start on: nothing to keep");
        model.cleanStartProperty().set(false);
        assertTrue(warned.get(), "empty = 0");
        options.sessionExpiryProperty().set("00");
        assertTrue(warned.get());
        options.sessionExpiryProperty().set("300");
        assertFalse(warned.get());
        options.sessionExpiryProperty().set("");
        model.versionProperty().set(MqttVersion.MQTT_3_1_1);
        assertFalse(warned.get(), "MQTT 3.1.1 keeps a session without clean session as long as the broker likes");
    }

    @Test
    void every_option_and_will_field_is_watched_for_saving() {
        List<javafx.beans.Observable> watched = model.savedState();
        assertTrue(watched.containsAll(options.savedState()));
        assertTrue(watched.containsAll(will.savedState()));
        assertEquals(7, options.savedState().size());
        assertEquals(10, will.savedState().size());
    }

    @Test
    void the_connack_panel_shows_every_field_in_words_and_empties_for_a_new_attempt() {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.ENGLISH);
        try {
            ConnAck ack = new ConnAck(MqttVersion.MQTT_5_0, "SUCCESS", 0, false, null, true, 300L, 30, "auto-1234", 10,
                    1_048_576, 5, 1, false, true, false, true, "resp/info", null, null,
                    List.of(new UserProperty("region", "eu"), new UserProperty("region", "us")));
            model.onSessionEvent(new SessionEvent(1, SessionEvent.Kind.STATE, SessionState.CONNECTED, null, false, false,
                    List.of(), ack));
            assertEquals(ack, model.connAck().connAckProperty().get());
            assertEquals("CONNACK: accepted (0x00)", model.connAck().titleProperty().get());
            List<String> lines = model.connAck().rows().stream().map(r -> r.label() + ": " + r.value()).toList();
            for (String expected : List.of("Reason: accepted (0x00)", "Session present: yes", "Reason string: not sent",
                    "Session expiry: 300 s", "Receive maximum: 10", "Maximum QoS: 1", "Retain available: no",
                    "Maximum packet size: 1048576", "Assigned client id: auto-1234", "Topic alias maximum: 5",
                    "Wildcard subscriptions: yes (MQTT default)", "Subscription identifiers: yes (MQTT default)",
                    "Shared subscriptions: no", "Server keep-alive: 30 s", "Response information: resp/info",
                    "Server reference: not sent", "User property: region = eu", "User property: region = us")) {
                assertTrue(lines.contains(expected), expected + " in " + lines);
            }
            assertTrue(lines.indexOf("User property: region = eu") < lines.indexOf("User property: region = us"));

            ConnAck refused = new ConnAck(MqttVersion.MQTT_5_0, "NOT_AUTHORIZED", 0x87, true, "no ACL for you", false,
                    null, null, null, 65_535, 268_435_460, 0, 2, true, true, true, true, null, null, null, List.of());
            model.onSessionEvent(new SessionEvent(2, SessionEvent.Kind.STATE, SessionState.DISCONNECTED, null, false, false,
                    List.of(), refused));
            assertEquals("The broker refused (CONNACK): not authorized (0x87)",
                    model.connAck().titleProperty().get());
            assertTrue(model.connAck().rows().contains(new ConnAckViewModel.Row("Reason string", "no ACL for you")));

            model.onSessionEvent(new SessionEvent(3, SessionEvent.Kind.STATE, SessionState.CONNECTING, null, false, false,
                    List.of(), null));
            assertNull(model.connAck().connAckProperty().get());
            assertEquals(List.of(), model.connAck().rows());
        } finally {
            Locale.setDefault(before);
        }
    }

    private Consumer<String> set(String part) {
        return switch (part) {
            case "sessionExpiry" -> options.sessionExpiryProperty()::set;
            case "receiveMaximum" -> options.receiveMaximumProperty()::set;
            case "maximumPacketSize" -> options.maximumPacketSizeProperty()::set;
            case "topicAliasMaximum" -> options.topicAliasMaximumProperty()::set;
            case "connectUserProperties" -> options.userPropertiesProperty()::set;
            case "willTopic" -> will.topicProperty()::set;
            case "willDelay" -> will.delayProperty()::set;
            case "willMessageExpiry" -> will.messageExpiryProperty()::set;
            case "willResponseTopic" -> will.responseTopicProperty()::set;
            case "willUserProperties" -> will.userPropertiesProperty()::set;
            default -> throw new IllegalArgumentException(part);
        };
    }
}
