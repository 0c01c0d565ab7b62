package dev.mqttdesk.core.mqtt;

import dev.mqttdesk.core.i18n.InputField;
import dev.mqttdesk.core.i18n.InvalidInputException;
import dev.mqttdesk.core.url.BrokerUrl;

import java.security.SecureRandom;

/**
 * Everything one connection needs; the demo page's options with their defaults.
 *
 * @param reconnectPeriodMillis delay before each automatic reconnect; 0 turns reconnecting off
 * @param connect               MQTT 5's CONNECT properties (an MQTT 3.1.1 client sends none)
 * @param will                  the last will, or null for none
 */
public record ConnectionSettings(BrokerUrl url, MqttVersion version, String clientId, String username,
                                 String password, int keepAliveSeconds, boolean cleanStart,
                                 int connectTimeoutSeconds, int reconnectPeriodMillis, boolean resubscribe,
                                 TlsOptions tls, ConnectOptions connect, Will will,
                                 ProxyOptions proxy) {

    public static final int DEFAULT_KEEP_ALIVE = 60;
    public static final int DEFAULT_CONNECT_TIMEOUT = 30;
    public static final int DEFAULT_RECONNECT_PERIOD = 1000;
    /** A shorter period would hammer a broker that is down; 0 (off) is allowed. */
    public static final int MIN_RECONNECT_PERIOD = 100;
    private static final SecureRandom RANDOM = new SecureRandom();

    public ConnectionSettings {
        if (url == null) {
            throw new InvalidInputException(InputField.URL, "error.url.empty");
        }
        version = version == null ? MqttVersion.MQTT_5_0 : version;
        clientId = clientId == null ? "" : clientId.strip();
        ClientIds.requireValid(clientId);
        username = username == null || username.isEmpty() ? null : username;
        password = password == null || password.isEmpty() ? null : password;
        // The client library checks these only while connecting, after the state says Connecting.
        if (username != null) {
            ClientIds.requireString(username, InputField.USERNAME, "error.username.invalid", "error.username.tooLong");
        }
        if (password != null && password.length() > ClientIds.MAX_BYTES / 3
                && password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > ClientIds.MAX_BYTES) {
            throw new InvalidInputException(InputField.PASSWORD, "error.password.tooLong", String.valueOf(ClientIds.MAX_BYTES));
        }
        if (keepAliveSeconds < 0 || keepAliveSeconds > 65_535) {
            throw new InvalidInputException(InputField.KEEP_ALIVE, "error.keepAlive.range");
        }
        if (connectTimeoutSeconds < 1 || connectTimeoutSeconds > 3_600) {
            throw new InvalidInputException(InputField.CONNECT_TIMEOUT, "error.connectTimeout.range");
        }
        if (reconnectPeriodMillis < 0 || reconnectPeriodMillis > 3_600_000
                || (reconnectPeriodMillis > 0 && reconnectPeriodMillis < MIN_RECONNECT_PERIOD)) {
            throw new InvalidInputException(InputField.RECONNECT_PERIOD, "error.reconnectPeriod.range");
        }
        tls = tls == null ? TlsOptions.SYSTEM : tls;
        connect = connect == null ? ConnectOptions.DEFAULT : connect;
        proxy = proxy == null ? ProxyOptions.NONE : proxy;
        if (tls.sniHost() != null && proxy.type() != ProxyOptions.Type.NONE && url.transport().secure()) {
            // The SNI name rides on the address the proxy is asked for: an HTTP proxy would connect to it.
            throw new InvalidInputException(InputField.SNI_HOST, "error.sniHost.proxy");
        }
        if (version == MqttVersion.MQTT_3_1_1 && password != null && username == null) {
            // MQTT 3.1.1 allows a password only after a user name (§3.1.2.9); the client library would drop it unsaid.
            throw new InvalidInputException(InputField.PASSWORD, "error.password.withoutUser311");
        }
    }

    /** Without MQTT 5's CONNECT properties and without a will. */
    public ConnectionSettings(BrokerUrl url, MqttVersion version, String clientId, String username, String password,
                              int keepAliveSeconds, boolean cleanStart, int connectTimeoutSeconds, int reconnectPeriodMillis,
                              boolean resubscribe, TlsOptions tls) {
        this(url, version, clientId, username, password, keepAliveSeconds, cleanStart, connectTimeoutSeconds,
                reconnectPeriodMillis, resubscribe, tls, ConnectOptions.DEFAULT, null, ProxyOptions.NONE);
    }

    /** Defaults for a URL: MQTT 5, a fresh client id, clean start, the demo page's timings. */
    public static ConnectionSettings defaults(BrokerUrl url) {
        return new ConnectionSettings(url, MqttVersion.MQTT_5_0, newClientId(), null, null, DEFAULT_KEEP_ALIVE,
                true, DEFAULT_CONNECT_TIMEOUT, DEFAULT_RECONNECT_PERIOD, true, TlsOptions.SYSTEM, ConnectOptions.DEFAULT, null, ProxyOptions.NONE);
    }

    /** A fresh id in the form the demo page uses, short enough for MQTT 3.1 brokers (23 chars). */
    public static String newClientId() {
        StringBuilder sb = new StringBuilder("mqttdesk_");
        String alphabet = "0123456789abcdefghijklmnopqrstuvwxyz";
        for (int i = 0; i < 10; i++) {
            sb.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    public ConnectionSettings withVersion(MqttVersion v) {
        return new ConnectionSettings(url, v, clientId, username, password, keepAliveSeconds, cleanStart,
                connectTimeoutSeconds, reconnectPeriodMillis, resubscribe, tls, connect, will, proxy);
    }

    public ConnectionSettings withTls(TlsOptions t) {
        return new ConnectionSettings(url, version, clientId, username, password, keepAliveSeconds, cleanStart,
                connectTimeoutSeconds, reconnectPeriodMillis, resubscribe, t, connect, will, proxy);
    }

    public ConnectionSettings withProxy(ProxyOptions p) {
        return new ConnectionSettings(url, version, clientId, username, password, keepAliveSeconds, cleanStart,
                connectTimeoutSeconds, reconnectPeriodMillis, resubscribe, tls, connect, will, p);
    }

    public ConnectionSettings withReconnectPeriod(int millis) {
        return new ConnectionSettings(url, version, clientId, username, password, keepAliveSeconds, cleanStart,
                connectTimeoutSeconds, millis, resubscribe, tls, connect, will, proxy);
    }

    public ConnectionSettings withCredentials(String user, String pass) {
        return new ConnectionSettings(url, version, clientId, user, pass, keepAliveSeconds, cleanStart,
                connectTimeoutSeconds, reconnectPeriodMillis, resubscribe, tls, connect, will, proxy);
    }

    public ConnectionSettings withConnectTimeout(int seconds) {
        return new ConnectionSettings(url, version, clientId, username, password, keepAliveSeconds, cleanStart,
                seconds, reconnectPeriodMillis, resubscribe, tls, connect, will, proxy);
    }

    public ConnectionSettings withConnect(ConnectOptions options) {
        return new ConnectionSettings(url, version, clientId, username, password, keepAliveSeconds, cleanStart,
                connectTimeoutSeconds, reconnectPeriodMillis, resubscribe, tls, options, will, proxy);
    }

    public ConnectionSettings withWill(Will w) {
        return new ConnectionSettings(url, version, clientId, username, password, keepAliveSeconds, cleanStart,
                connectTimeoutSeconds, reconnectPeriodMillis, resubscribe, tls, connect, w, proxy);
    }

    public ConnectionSettings withCleanStart(boolean clean) {
        return new ConnectionSettings(url, version, clientId, username, password, keepAliveSeconds, clean,
                connectTimeoutSeconds, reconnectPeriodMillis, resubscribe, tls, connect, will, proxy);
    }

    public ConnectionSettings withClientId(String id) {
        return new ConnectionSettings(url, version, id, username, password, keepAliveSeconds, cleanStart,
                connectTimeoutSeconds, reconnectPeriodMillis, resubscribe, tls, connect, will, proxy);
    }

    /** Every setting but the password, which shows only whether there is one: settings end up in logs and test reports. */
    @Override
    public String toString() {
        return "ConnectionSettings[url=" + url + ", version=" + version + ", clientId=" + clientId
                + ", username=" + username + ", password=" + (password == null ? "none" : "(hidden)")
                + ", keepAliveSeconds=" + keepAliveSeconds + ", cleanStart=" + cleanStart
                + ", connectTimeoutSeconds=" + connectTimeoutSeconds + ", reconnectPeriodMillis=" + reconnectPeriodMillis
                + ", resubscribe=" + resubscribe + ", tls=" + tls + ", connect=" + connect + ", will=" + will + ", proxy=" + proxy + "]";
    }
}
