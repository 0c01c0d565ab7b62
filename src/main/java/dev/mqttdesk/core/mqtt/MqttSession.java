package dev.mqttdesk.core.mqtt;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttClientBuilder;
import com.hivemq.client.mqtt.MqttClientSslConfig;
import com.hivemq.client.mqtt.MqttClientSslConfigBuilder;
import com.hivemq.client.mqtt.MqttClientTransportConfig;
import com.hivemq.client.mqtt.MqttClientTransportConfigBuilder;
import com.hivemq.client.mqtt.MqttWebSocketConfig;
import com.hivemq.client.mqtt.lifecycle.MqttClientConnectedContext;
import com.hivemq.client.mqtt.lifecycle.MqttClientDisconnectedContext;
import com.hivemq.client.mqtt.lifecycle.MqttClientReconnector;
import com.hivemq.client.mqtt.lifecycle.MqttDisconnectSource;
import dev.mqttdesk.core.i18n.InputField;
import dev.mqttdesk.core.i18n.InvalidInputException;
import dev.mqttdesk.core.i18n.Text;
import dev.mqttdesk.core.log.Message;
import dev.mqttdesk.core.topic.Topics;
import dev.mqttdesk.core.url.BrokerUrl;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One MQTT connection at a time, over one HiveMQ async client, with the state machine the UI shows.
 * <p>
 * Everything here runs on the caller's thread or the client's own threads; events and messages
 * leave through the two consumers, which must be cheap and thread-safe (the app hands messages to
 * the {@link dev.mqttdesk.core.log.MessageStore} and posts events to the UI thread).
 * Every future this class returns fails with an {@link MqttActionException} that says why in words.
 */
public final class MqttSession {

    /** Drops this soon after connecting, three times in a row, mean another client holds our id. */
    static final long QUICK_DROP_MILLIS = 5_000;
    static final int QUICK_DROPS_FOR_DUPLICATE = 3;

    private final Consumer<SessionEvent> events;
    private final Consumer<Message> inbox;
    private volatile Attempt current;
    private volatile SessionState state = SessionState.DISCONNECTED;

    public MqttSession(Consumer<SessionEvent> events, Consumer<Message> inbox) {
        this.events = events;
        this.inbox = inbox;
    }

    public SessionState state() {
        return state;
    }

    /** Connects with these settings; the future completes once the broker accepted us. */
    public synchronized CompletableFuture<Void> connect(ConnectionSettings settings) {
        if (state != SessionState.DISCONNECTED) {
            return failed(Text.of("error.alreadyConnected"));
        }
        Attempt attempt;
        try {
            attempt = new Attempt(settings);
        } catch (InvalidInputException e) {
            return failed(e.text());
        }
        current = attempt;
        setState(attempt, SessionEvent.of(SessionState.CONNECTING, null));
        return attempt.client.connect().handle((ok, error) -> {
            if (error == null) {
                return null;
            }
            Text why = Failures.explain(error, settings.url());
            if (!attempt.everConnected && !attempt.userStopped) {
                setState(attempt, SessionEvent.of(SessionState.DISCONNECTED, why));
            }
            throw new MqttActionException(why, Failures.unwrap(error));
        });
    }

    public CompletableFuture<Void> subscribe(String filter, int qos) {
        try {
            Topics.requireFilter(filter);
            requireQos(qos);
        } catch (InvalidInputException e) {
            return failed(e.text());
        }
        return act(client -> client.subscribe(filter, qos));
    }

    public CompletableFuture<Void> unsubscribe(String filter) {
        try {
            Topics.requireFilter(filter);
        } catch (InvalidInputException e) {
            return failed(e.text());
        }
        return act(client -> client.unsubscribe(filter));
    }

    /** Publishes; once the broker has it (as far as the QoS says), the message joins the log as sent. */
    public CompletableFuture<Void> publish(String topic, int qos, boolean retain, byte[] payload) {
        try {
            Topics.requireName(topic);
            requireQos(qos);
        } catch (InvalidInputException e) {
            return failed(e.text());
        }
        return act(client -> client.publish(topic, qos, retain, payload)
                .thenRun(() -> inbox.accept(Message.sent(topic, qos, retain, payload))));
    }

    /** Disconnects, or stops connecting or reconnecting; completes when the session is idle. */
    public synchronized CompletableFuture<Void> disconnect() {
        Attempt attempt = current;
        if (attempt == null || state == SessionState.DISCONNECTED) {
            return CompletableFuture.completedFuture(null);
        }
        attempt.userStopped = true;
        return attempt.client.disconnect()
                .orTimeout(attempt.settings.connectTimeoutSeconds(), TimeUnit.SECONDS)
                // Not connected (still connecting, or waiting to reconnect) is fine: stopping is what was asked.
                .handle((ok, error) -> {
                    setState(attempt, SessionEvent.of(SessionState.DISCONNECTED, Text.of("status.disconnectedByUser")));
                    return null;
                });
    }

    private CompletableFuture<Void> act(java.util.function.Function<ProtocolClient, CompletableFuture<Void>> action) {
        Attempt attempt = current;
        if (attempt == null || state != SessionState.CONNECTED) {
            return failed(Text.of("error.notConnected"));
        }
        BrokerUrl url = attempt.settings.url();
        return action.apply(attempt.client)
                .orTimeout(attempt.settings.connectTimeoutSeconds(), TimeUnit.SECONDS)
                .handle((ok, error) -> {
                    if (error != null) {
                        throw new MqttActionException(Failures.explain(error, url), Failures.unwrap(error));
                    }
                    return null;
                });
    }

    private static void requireQos(int qos) {
        if (qos < 0 || qos > 2) {
            throw new InvalidInputException(InputField.QOS, "error.qos", String.valueOf(qos));
        }
    }

    private static <T> CompletableFuture<T> failed(Text why) {
        return CompletableFuture.failedFuture(new MqttActionException(why, null));
    }

    private void setState(Attempt attempt, SessionEvent event) {
        synchronized (this) {
            // Events of a connection the user has since replaced are history; drop them.
            if (attempt != current) {
                return;
            }
            state = event.state();
        }
        events.accept(event);
    }

    /** One client and what we learned about it while it lived. */
    private final class Attempt {
        final ConnectionSettings settings;
        final ProtocolClient client;
        volatile boolean everConnected;
        volatile boolean connectedNow;
        volatile boolean userStopped;
        volatile long connectedAt;
        volatile int quickDrops;

        Attempt(ConnectionSettings settings) {
            this.settings = settings;
            MqttClientBuilder builder = clientBuilder(settings)
                    .addConnectedListener(this::onConnected)
                    .addDisconnectedListener(this::onDisconnected);
            this.client = settings.version() == MqttVersion.MQTT_5_0
                    ? new Mqtt5Protocol(builder, settings, inbox)
                    : new Mqtt3Protocol(builder, settings, inbox);
        }

        private void onConnected(MqttClientConnectedContext context) {
            if (userStopped) {
                // A reconnect already under way when the user disconnected: end it, and say nothing.
                client.disconnect();
                return;
            }
            boolean again = everConnected;
            everConnected = true;
            connectedNow = true;
            connectedAt = System.currentTimeMillis();
            setState(this, SessionEvent.of(SessionState.CONNECTED, again ? Text.of("status.reconnected") : null));
        }

        private void onDisconnected(MqttClientDisconnectedContext context) {
            boolean wasConnected = connectedNow;
            connectedNow = false;
            if (userStopped || context.getSource() == MqttDisconnectSource.USER || !everConnected) {
                return; // the user's own disconnect, or a first connect whose future reports it
            }
            Throwable cause = context.getCause();
            Text why = Failures.explain(cause, settings.url());
            if (Failures.isSessionTakenOver(cause)) {
                // Reconnecting would kick the other client off in turn: stop and say why.
                setState(this, new SessionEvent(SessionState.DISCONNECTED, why, true));
                return;
            }
            if (wasConnected && Failures.isClosedWithoutReason(cause)) {
                quickDrops = System.currentTimeMillis() - connectedAt < QUICK_DROP_MILLIS ? quickDrops + 1 : 1;
                if (quickDrops >= QUICK_DROPS_FOR_DUPLICATE) {
                    setState(this, new SessionEvent(SessionState.DISCONNECTED,
                            Text.of("error.duplicateClientIdLikely", settings.clientId()), true));
                    return;
                }
            }
            if (settings.reconnectPeriodMillis() > 0) {
                MqttClientReconnector reconnector = context.getReconnector();
                int period = settings.reconnectPeriodMillis();
                reconnector.reconnect(true)
                        .delay(period, TimeUnit.MILLISECONDS)
                        .resubscribeIfSessionExpired(settings.resubscribe())
                        // The client library makes a scheduled attempt even after disconnect(), which cannot
                        // reach a client that is not connected: look again when the wait is over.
                        .reconnectWhen(CompletableFuture.runAsync(() -> { },
                                        CompletableFuture.delayedExecutor(period, TimeUnit.MILLISECONDS)),
                                (ok, error) -> reconnector.reconnect(!userStopped));
                setState(this, SessionEvent.of(SessionState.RECONNECTING, why));
            } else {
                setState(this, SessionEvent.of(SessionState.DISCONNECTED, why));
            }
        }
    }

    private static MqttClientBuilder clientBuilder(ConnectionSettings s) {
        BrokerUrl url = s.url();
        long timeout = s.connectTimeoutSeconds();
        MqttClientTransportConfigBuilder transport = MqttClientTransportConfig.builder()
                .serverHost(url.host())
                .serverPort(url.port())
                .socketConnectTimeout(timeout, TimeUnit.SECONDS)
                .mqttConnectTimeout(timeout, TimeUnit.SECONDS);
        if (url.transport().secure()) {
            transport.sslConfig(sslConfig(s.tls(), timeout));
        }
        if (url.transport().webSocket()) {
            transport.webSocketConfig(MqttWebSocketConfig.builder()
                    .serverPath(url.path().substring(1))
                    .subprotocol("mqtt")
                    .handshakeTimeout(timeout, TimeUnit.SECONDS)
                    .build());
        }
        MqttClientBuilder builder = MqttClient.builder().transportConfig(transport.build());
        if (!s.clientId().isEmpty()) {
            builder.identifier(s.clientId());
        }
        return builder;
    }

    private static MqttClientSslConfig sslConfig(TlsOptions tls, long timeoutSeconds) {
        MqttClientSslConfigBuilder ssl = MqttClientSslConfig.builder().handshakeTimeout(timeoutSeconds, TimeUnit.SECONDS);
        if (tls.skipVerification()) {
            ssl.trustManagerFactory(InsecureTrustManagerFactory.INSTANCE).hostnameVerifier((host, session) -> true);
        } else if (tls.caFile() != null) {
            ssl.trustManagerFactory(TrustStores.systemPlus(tls.caFile()));
        }
        return ssl.build();
    }
}
