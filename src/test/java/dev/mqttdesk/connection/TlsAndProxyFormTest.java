package dev.mqttdesk.connection;

import dev.mqttdesk.core.i18n.InputField;
import dev.mqttdesk.core.mqtt.MqttSession;
import dev.mqttdesk.core.mqtt.ProxyOptions;
import dev.mqttdesk.core.mqtt.TlsOptions;
import dev.mqttdesk.core.profile.ConnectionProfile;
import dev.mqttdesk.core.profile.store.Json;
import dev.mqttdesk.core.url.BrokerUrl;
import dev.mqttdesk.testing.RecordingFeedback;
import dev.mqttdesk.testing.TestPki;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The TLS and proxy panes' view models: saved per connection without their passwords; old files load with defaults. */
class TlsAndProxyFormTest {

    private final MqttSession session = new MqttSession(e -> { }, m -> { });
    private final ConnectionViewModel model = new ConnectionViewModel(session, new RecordingFeedback(),
            BrokerUrl.parse("mqtts://127.0.0.1:8883"));

    @Test
    void tls_and_proxy_settings_are_saved_and_loaded_but_not_their_passwords() throws Exception {
        model.tls().clientCertProperty().set("/certs/client.pem");
        model.tls().clientKeyProperty().set("/certs/client.key");
        model.tls().keyPasswordProperty().set("key-secret");
        model.tls().versionsProperty().set(TlsOptions.Versions.TLS_1_3);
        model.tls().sniHostProperty().set("broker.internal.example");
        model.proxy().typeProperty().set(ProxyOptions.Type.SOCKS5);
        model.proxy().hostProperty().set("proxy.example");
        model.proxy().portProperty().set("1080");
        model.proxy().usernameProperty().set("me");
        model.proxy().passwordProperty().set("proxy-secret");
        String json = Json.MAPPER.writeValueAsString(model.profile());
        assertFalse(json.contains("secret"), json);

        ConnectionViewModel other = new ConnectionViewModel(session, new RecordingFeedback(), BrokerUrl.parse("mqtt://x:1883"));
        other.load(Json.MAPPER.readValue(json, ConnectionProfile.class));
        assertEquals("/certs/client.pem", other.tls().clientCertProperty().get());
        assertEquals("/certs/client.key", other.tls().clientKeyProperty().get());
        assertEquals("", other.tls().keyPasswordProperty().get());
        assertEquals(TlsOptions.Versions.TLS_1_3, other.tls().versionsProperty().get());
        assertEquals("broker.internal.example", other.tls().sniHostProperty().get());
        assertEquals(ProxyOptions.Type.SOCKS5, other.proxy().typeProperty().get());
        assertEquals("proxy.example", other.proxy().hostProperty().get());
        assertEquals("1080", other.proxy().portProperty().get());
        assertEquals("me", other.proxy().usernameProperty().get());
        assertEquals("", other.proxy().passwordProperty().get());
    }

    @Test
    void a_profile_written_before_tls_and_proxy_settings_loads_with_defaults() throws Exception {
        ConnectionProfile old = Json.MAPPER.readValue("""
                {"url":"mqtts://127.0.0.1:8883","version":"MQTT_5_0","clientId":"c","caFile":"/ca.pem","skipVerification":false}
                """, ConnectionProfile.class);
        assertNull(old.tls());
        model.load(old);
        assertEquals("/ca.pem", model.caFileProperty().get());
        assertEquals("", model.tls().clientCertProperty().get());
        assertEquals(TlsOptions.Versions.BOTH, model.tls().versionsProperty().get());
        assertEquals("", model.tls().sniHostProperty().get());
        assertEquals(ProxyOptions.Type.NONE, model.proxy().typeProperty().get());
    }

    @Test
    void a_bad_sni_host_or_one_with_a_proxy_is_refused_at_the_sni_field_and_nothing_connects() {
        model.tls().sniHostProperty().set("10.0.0.7");
        model.connect();
        assertEquals(InputField.SNI_HOST, model.errorFieldProperty().get());
        assertEquals(dev.mqttdesk.core.i18n.Messages.format("error.sniHost", "10.0.0.7"), model.errorProperty().get());
        model.tls().sniHostProperty().set("broker.example");
        model.proxy().typeProperty().set(ProxyOptions.Type.HTTP);
        model.proxy().hostProperty().set("127.0.0.1");
        model.proxy().portProperty().set("3128");
        model.connect();
        assertEquals(InputField.SNI_HOST, model.errorFieldProperty().get());
        assertEquals(dev.mqttdesk.core.mqtt.SessionState.DISCONNECTED, session.state());
    }

    @Test
    void a_proxy_without_a_host_or_with_a_bad_port_is_refused_at_its_field() {
        model.transportProperty().set(dev.mqttdesk.core.url.Transport.TCP);
        model.proxy().typeProperty().set(ProxyOptions.Type.HTTP);
        model.connect();
        assertEquals(InputField.PROXY_HOST, model.errorFieldProperty().get());
        model.proxy().hostProperty().set("127.0.0.1");
        model.proxy().portProperty().set("http");
        model.connect();
        assertEquals(InputField.PROXY_PORT, model.errorFieldProperty().get());
    }

    @Test
    void a_wrong_key_password_is_refused_at_the_password_field_before_anything_is_sent() {
        TestPki pki = TestPki.shared();
        model.caFileProperty().set(pki.caCert().toString());
        model.tls().clientCertProperty().set(pki.clientRsa("client-rsa-encrypted.key").cert().toString());
        model.tls().clientKeyProperty().set(pki.clientRsa("client-rsa-encrypted.key").key().toString());
        model.tls().keyPasswordProperty().set("wrong");
        model.connect();
        assertEquals(InputField.CLIENT_KEY_PASSWORD, model.errorFieldProperty().get());
        assertEquals(dev.mqttdesk.core.mqtt.SessionState.DISCONNECTED, model.stateProperty().get());
        model.caFileProperty().set(Path.of("/nonexistent/ca.pem").toString());
        model.connect();
        assertEquals(InputField.CA_FILE, model.errorFieldProperty().get());
    }
}
