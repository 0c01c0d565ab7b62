package dev.mqttdesk.core.mqtt;

import com.hivemq.client.mqtt.MqttClientSslConfig;
import com.hivemq.client.mqtt.MqttClientSslConfigBuilder;
import com.hivemq.client.mqtt.MqttClientTransportConfig;
import com.hivemq.client.mqtt.MqttClientTransportConfigBuilder;
import com.hivemq.client.mqtt.MqttWebSocketConfig;
import com.hivemq.client.mqtt.MqttWebSocketConfigBuilder;
import dev.mqttdesk.core.url.BrokerUrl;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;

import javax.net.ssl.TrustManagerFactory;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * The one place that turns a broker URL into the HiveMQ client's transport: host and port (or an
 * address already resolved), TLS and its trust, and the WebSocket path with its query string.
 * The session and the readiness check's probe both build their clients' transport here.
 */
public final class ClientConfig {

    /** The WebSocket subprotocol MQTT uses (MQTT 5.0 §6). */
    public static final String WEBSOCKET_SUBPROTOCOL = "mqtt";

    private ClientConfig() {
    }

    /**
     * How a client trusts the broker over TLS.
     *
     * @param factory trust managers, or null for the system's
     * @param skipVerification trust any certificate for any host (only when the user says so)
     */
    public record Trust(TrustManagerFactory factory, boolean skipVerification) {

        public static final Trust SYSTEM = new Trust(null, false);

        /** What a connection's TLS options mean: the system CAs, plus the CA file's, or no check at all. */
        public static Trust of(TlsOptions tls) {
            if (tls.skipVerification()) {
                return new Trust(null, true);
            }
            return tls.caFile() == null ? SYSTEM : new Trust(TrustStores.systemPlus(tls.caFile()), false);
        }
    }

    /**
     * The transport for a URL.
     *
     * @param server where to connect, already resolved (carrying the host name for SNI and the
     *               certificate check), or null for the URL's host and port
     */
    public static MqttClientTransportConfig transport(BrokerUrl url, Trust trust, long timeoutSeconds,
                                                      InetSocketAddress server) {
        MqttClientTransportConfigBuilder transport = MqttClientTransportConfig.builder()
                .socketConnectTimeout(timeoutSeconds, TimeUnit.SECONDS)
                .mqttConnectTimeout(timeoutSeconds, TimeUnit.SECONDS);
        if (server != null) {
            transport.serverAddress(server);
        } else {
            transport.serverHost(url.host()).serverPort(url.port());
        }
        if (url.transport().secure()) {
            transport.sslConfig(ssl(trust, timeoutSeconds));
        }
        if (url.transport().webSocket()) {
            transport.webSocketConfig(webSocket(url.path(), timeoutSeconds));
        }
        return transport.build();
    }

    static MqttClientSslConfig ssl(Trust trust, long timeoutSeconds) {
        MqttClientSslConfigBuilder ssl = MqttClientSslConfig.builder().handshakeTimeout(timeoutSeconds, TimeUnit.SECONDS);
        if (trust.skipVerification()) {
            ssl.trustManagerFactory(InsecureTrustManagerFactory.INSTANCE).hostnameVerifier((host, session) -> true);
        } else if (trust.factory() != null) {
            ssl.trustManagerFactory(trust.factory());
        }
        return ssl.build();
    }

    /**
     * The WebSocket part. The client puts the server path into the request line percent-encoded, so
     * a query string inside it would arrive as {@code /mqtt%3Ftoken=abc}: it goes in its own field.
     */
    static MqttWebSocketConfig webSocket(String urlPath, long timeoutSeconds) {
        String path = urlPath.startsWith("/") ? urlPath.substring(1) : urlPath;
        int q = path.indexOf('?');
        MqttWebSocketConfigBuilder ws = MqttWebSocketConfig.builder()
                .serverPath(q >= 0 ? path.substring(0, q) : path)
                .subprotocol(WEBSOCKET_SUBPROTOCOL)
                .handshakeTimeout(timeoutSeconds, TimeUnit.SECONDS);
        if (q >= 0 && q + 1 < path.length()) {
            ws.queryString(path.substring(q + 1));
        }
        return ws.build();
    }
}
