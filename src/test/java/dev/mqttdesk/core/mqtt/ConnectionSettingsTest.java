package dev.mqttdesk.core.mqtt;

import dev.mqttdesk.core.i18n.InvalidInputException;
import dev.mqttdesk.core.url.BrokerUrl;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConnectionSettingsTest {

    private static final BrokerUrl URL = BrokerUrl.parse("mqtt://127.0.0.1:1883");

    private static ConnectionSettings withClientId(String id) {
        ConnectionSettings d = ConnectionSettings.defaults(URL);
        return new ConnectionSettings(d.url(), d.version(), id, null, null, d.keepAliveSeconds(), d.cleanStart(),
                d.connectTimeoutSeconds(), d.reconnectPeriodMillis(), d.resubscribe(), d.tls());
    }

    @Test
    void the_printed_settings_show_the_user_name_but_never_the_password() {
        ConnectionSettings s = ConnectionSettings.defaults(URL).withCredentials("alice", "s3cr3t-Pa55");
        String printed = s.toString();
        assertFalse(printed.contains("s3cr3t-Pa55"), printed);
        assertTrue(printed.contains("alice") && printed.contains("password=(hidden)"), printed);
        assertTrue(ConnectionSettings.defaults(URL).toString().contains("password=none"));
    }

    // Found by ClientIdFuzzTest: these ids passed the settings and then made the client library throw
    // IllegalArgumentException out of MqttSession.connect, with no words for the user.
    @Test
    void a_client_id_with_a_lone_surrogate_is_refused_in_words() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> withClientId("id\ud800"));
        assertEquals("error.clientId.brokenCharacter", e.text().key());
    }

    @Test
    void a_client_id_longer_than_65535_utf8_bytes_is_refused_even_when_it_has_fewer_characters() {
        String chinese = "中".repeat(21_846); // 65,538 bytes in UTF-8
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> withClientId(chinese));
        assertEquals("error.clientId.tooLong", e.text().key());
        assertEquals(21_845, withClientId("中".repeat(21_845)).clientId().length());
    }
}
