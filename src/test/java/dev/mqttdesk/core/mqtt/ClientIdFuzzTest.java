package dev.mqttdesk.core.mqtt;

import com.hivemq.client.mqtt.datatypes.MqttClientIdentifier;
import dev.mqttdesk.core.i18n.InvalidInputException;
import dev.mqttdesk.core.url.BrokerUrl;
import dev.mqttdesk.testing.BundleKeys;
import dev.mqttdesk.testing.Printable;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.junit.jupiter.api.Assertions.fail;

/** Fuzzed client ids: the settings refuse them in words, or the MQTT client library takes them as they are. */
class ClientIdFuzzTest {

    private static final BrokerUrl URL = BrokerUrl.parse("mqtt://127.0.0.1:1883");

    private static ConnectionSettings withClientId(String id) {
        ConnectionSettings d = ConnectionSettings.defaults(URL);
        return new ConnectionSettings(d.url(), d.version(), id, null, null, d.keepAliveSeconds(), d.cleanStart(),
                d.connectTimeoutSeconds(), d.reconnectPeriodMillis(), d.resubscribe(), d.tls());
    }

    @Property(tries = 10_000)
    void any_client_id_is_taken_or_refused_in_words(@ForAll("clientIds") String id) {
        BundleKeys.assertFinishesOrRefusesInWords(id, () -> withClientId(id));
    }

    @Property(tries = 10_000)
    void a_client_id_the_settings_take_is_one_the_mqtt_client_takes(@ForAll("clientIds") String id) {
        ConnectionSettings settings;
        try {
            settings = withClientId(id);
        } catch (InvalidInputException refused) {
            return;
        }
        try {
            MqttClientIdentifier.of(settings.clientId());
        } catch (IllegalArgumentException libraryRefused) {
            fail("settings took client id " + Printable.of(id) + " but the client library refuses it: "
                    + libraryRefused.getMessage());
        }
    }

    @Provide
    Arbitrary<String> clientIds() {
        return Arbitraries.oneOf(
                Arbitraries.strings().alpha().numeric().ofMaxLength(23),
                Arbitraries.strings().ofMaxLength(40),
                Arbitraries.strings().all().ofMaxLength(40),
                Arbitraries.strings().withChars("a\u0000 \t\ud800\udc00").ofMaxLength(8),
                Arbitraries.strings().withChars("a").ofMinLength(65_530).ofMaxLength(65_540),
                Arbitraries.strings().withChars("中").ofMinLength(21_840).ofMaxLength(21_850));
    }
}
