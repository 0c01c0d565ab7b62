package dev.mqttdesk.core.mqtt;

import dev.mqttdesk.core.tls.TrustStores;
import com.hivemq.client.mqtt.MqttClientSslConfig;
import com.hivemq.client.mqtt.MqttClientSslConfigBuilder;
import com.hivemq.client.mqtt.MqttClientTransportConfig;
import com.hivemq.client.mqtt.MqttClientTransportConfigBuilder;
import com.hivemq.client.mqtt.MqttWebSocketConfig;
import com.hivemq.client.mqtt.MqttWebSocketConfigBuilder;
import com.hivemq.client.mqtt.MqttProxyConfig;
import com.hivemq.client.mqtt.MqttProxyConfigBuilder;
import com.hivemq.client.mqtt.MqttProxyProtocol;
import dev.mqttdesk.core.tls.ClientKeys;
import dev.mqttdesk.core.tls.RecordingKeys;
import dev.mqttdesk.core.tls.RecordingTrust;
import dev.mqttdesk.core.tls.TrustRecorder;
import dev.mqttdesk.core.url.BrokerUrl;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;
import java.util.List;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * The one place that turns a broker URL into the HiveMQ client's transport: host and port (or an
 * address already resolved), TLS and its trust, the client certificate and the TLS versions, the WebSocket
 * path with its query string, and a proxy.
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
    public record Trust(TrustManagerFactory factory, boolean skipVerification, KeyManagerFactory keys,
                        List<String> protocols, TrustRecorder recorder) {

        public static final Trust SYSTEM = new Trust(null, false);

        /** Trust alone: no client certificate, the client's default TLS versions, nothing recorded. */
        public Trust(TrustManagerFactory factory, boolean skipVerification) {
            this(factory, skipVerification, null, null, null);
        }

        /**
         * What a connection's TLS options mean: the system CAs, plus the CA file's, or no check at all; the
         * client certificate; the versions. Every handshake's chain is recorded for the TLS inspector.
         * Files that cannot be used are refused here, in words, at their field.
         */
        public static Trust of(TlsOptions tls) {
            TrustManagerFactory caTrust = tls.skipVerification() || tls.caFile() == null ? null : TrustStores.systemPlus(tls.caFile());
            RecordingTrust recording = new RecordingTrust(caTrust, !tls.skipVerification());
            RecordingKeys keys = new RecordingKeys(tls.clientCert() == null ? null
                    : ClientKeys.keyManagers(tls.clientCert(), tls.clientKey(), tls.keyPassword()));
            return new Trust(recording, tls.skipVerification(), keys, tls.versions().protocols(), recording.recorder());
        }

        /** Whether the broker asked for a client certificate on the last handshake, and whether one went. */
        public RecordingKeys.ClientCertificate clientCertificate() {
            return keys instanceof RecordingKeys r ? r.clientCertificate() : RecordingKeys.ClientCertificate.NOT_ASKED;
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
        return transport(url, trust, timeoutSeconds, server, ProxyOptions.NONE);
    }

    /** The transport for a URL, through a proxy unless {@code proxy} is {@link ProxyOptions#NONE}. */
    public static MqttClientTransportConfig transport(BrokerUrl url, Trust trust, long timeoutSeconds,
                                                      InetSocketAddress server, ProxyOptions proxy) {
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
        if (proxy.type() != ProxyOptions.Type.NONE) {
            transport.proxyConfig(proxy(proxy, timeoutSeconds));
        }
        return transport.build();
    }

    static MqttClientSslConfig ssl(Trust trust, long timeoutSeconds) {
        MqttClientSslConfigBuilder ssl = MqttClientSslConfig.builder().handshakeTimeout(timeoutSeconds, TimeUnit.SECONDS);
        if (trust.skipVerification()) {
            // A recording factory in this case only writes down what it saw; it accepts anything.
            ssl.trustManagerFactory(trust.factory() != null ? trust.factory() : InsecureTrustManagerFactory.INSTANCE)
                    .hostnameVerifier((host, session) -> true);
        } else if (trust.factory() != null) {
            ssl.trustManagerFactory(trust.factory());
        }
        if (trust.keys() != null) {
            ssl.keyManagerFactory(trust.keys());
        }
        if (trust.protocols() != null) {
            ssl.protocols(trust.protocols());
        }
        return ssl.build();
    }

    static MqttProxyConfig proxy(ProxyOptions proxy, long timeoutSeconds) {
        MqttProxyConfigBuilder builder = MqttProxyConfig.builder()
                .protocol(proxy.type() == ProxyOptions.Type.HTTP ? MqttProxyProtocol.HTTP : MqttProxyProtocol.SOCKS_5)
                .host(proxy.host()).port(proxy.port())
                .handshakeTimeout(timeoutSeconds, TimeUnit.SECONDS);
        if (proxy.username() != null) {
            builder.username(proxy.username());
        }
        if (proxy.password() != null) {
            builder.password(proxy.password());
        }
        return builder.build();
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
