package dev.mqttdesk.core.mqtt;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttClientBuilder;
import com.hivemq.client.mqtt.lifecycle.MqttClientConnectedContext;
import com.hivemq.client.mqtt.lifecycle.MqttClientDisconnectedContext;
import com.hivemq.client.mqtt.lifecycle.MqttClientReconnector;
import com.hivemq.client.mqtt.lifecycle.MqttDisconnectSource;
import com.hivemq.client.mqtt.mqtt3.lifecycle.Mqtt3ClientConnectedContext;
import com.hivemq.client.mqtt.mqtt5.lifecycle.Mqtt5ClientConnectedContext;
import dev.mqttdesk.core.i18n.InputField;
import dev.mqttdesk.core.i18n.InvalidInputException;
import dev.mqttdesk.core.i18n.Text;
import dev.mqttdesk.core.log.Message;
import dev.mqttdesk.core.message.MessageProperties;
import dev.mqttdesk.core.topic.Topics;
import dev.mqttdesk.core.url.BrokerUrl;

import dev.mqttdesk.core.tls.TlsInspection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One MQTT connection at a time, over one HiveMQ async client, with the state machine the UI shows
 * and the subscriptions the broker granted.
 * <p>
 * Everything here runs on the caller's thread or the client's own threads. Events leave through
 * one consumer in the order the session went through them (one at a time, never two at once),
 * each carrying the state and the subscriptions as they were then; messages leave through the
 * other consumer. Both must be cheap and thread-safe (the app hands messages to the
 * {@link dev.mqttdesk.core.log.MessageStore} and posts events to the UI thread, in order).
 * Every future this class returns fails with an {@link MqttActionException} that says why in words.
 */
public final class MqttSession {

    /** Drops this soon after connecting, three times in a row, mean another client holds our id. */
    static final long QUICK_DROP_MILLIS = 5_000;
    static final int QUICK_DROPS_FOR_DUPLICATE = 3;
    /** Failed reconnect attempts wait longer each time, up to this (or the period, if longer). */
    static final long MAX_RECONNECT_DELAY_MILLIS = 30_000;

    private final Consumer<SessionEvent> events;
    private final Consumer<Message> inbox;
    private volatile long quickDropMillis = QUICK_DROP_MILLIS;
    private volatile long maxReconnectDelayMillis = MAX_RECONNECT_DELAY_MILLIS;

    // Guarded by this: the state, the subscriptions and the order of events.
    private Attempt current;
    /** The last attempt, kept after it ended: the TLS inspector shows its handshake. */
    private volatile Attempt lastTls;
    private volatile SessionState state = SessionState.DISCONNECTED;
    private final Map<String, Sub> subscriptions = new LinkedHashMap<>();
    /** The broker session the subscriptions belong to: broker address and client id. */
    private String subscriptionsOwner;
    /** The broker resumed a session this app did not make: it may hold subscriptions not known here. */
    private volatile boolean resumedUnknown;
    /** At most this many "resumed by the broker, not known here" rows, one per topic seen; then the watch stops. */
    static final int MAX_RESUMED_ROWS = 20;
    private long sequence;

    // Guarded by outbox.
    private final ArrayDeque<SessionEvent> outbox = new ArrayDeque<>();
    private boolean delivering;

    /** @param asked what the SUBSCRIBE asked for, sent again when the broker lost it */
    private record Sub(String filter, SubscribeOptions asked, int qos, Subscribed.Standing standing) {
        Subscribed view() {
            return new Subscribed(filter, qos, standing);
        }
    }

    public MqttSession(Consumer<SessionEvent> events, Consumer<Message> inbox) {
        this.events = events;
        this.inbox = inbox;
    }

    public SessionState state() {
        return state;
    }

    /** The subscriptions as the session knows them now (what the last event carried). */
    public synchronized List<Subscribed> subscriptions() {
        return snapshot();
    }

    /** For tests: how soon after connecting a drop counts as quick. */
    void quickDropMillis(long millis) {
        quickDropMillis = millis;
    }

    /** For tests: the longest wait between reconnect attempts (or the period, if longer). */
    void maxReconnectDelayMillis(long millis) {
        maxReconnectDelayMillis = millis;
    }

    /**
     * What the last TLS handshake of the last connection attempt showed (also after it failed or ended);
     * empty before any TLS connection was tried.
     */
    public Optional<TlsInspection> tlsInspection() {
        Attempt a = lastTls;
        if (a == null || a.trust.recorder() == null) {
            return Optional.empty();
        }
        String checked = a.settings.tls().sniHost() != null ? a.settings.tls().sniHost() : a.settings.url().host();
        return Optional.of(TlsInspection.of(a.trust.recorder(), checked, a.trust.skipVerification()));
    }

    /** Connects with these settings; the future completes once the broker accepted us. */
    public CompletableFuture<Void> connect(ConnectionSettings settings) {
        String sni = settings.url().transport().secure() ? settings.tls().sniHost() : null;
        if (sni == null) {
            return connect(settings, null);
        }
        // The HiveMQ client has no SNI setting, but Netty's SslHandler takes SNI and the certificate check's host
        // from the server address' host string: the socket goes to the URL host's address, under the SNI name.
        // Resolving can take a while, so not on the caller's (the FX) thread.
        return CompletableFuture.supplyAsync(() -> {
            try {
                InetAddress ip = InetAddress.getByName(settings.url().host());
                return new InetSocketAddress(InetAddress.getByAddress(sni, ip.getAddress()), settings.url().port());
            } catch (UnknownHostException e) {
                throw new CompletionException(e);
            }
        }).handle((server, error) -> error == null ? connect(settings, server)
                : MqttSession.<Void>failed(Failures.explain(error, settings.url()))).thenCompose(f -> f);
    }

    private CompletableFuture<Void> connect(ConnectionSettings settings, InetSocketAddress server) {
        Attempt attempt;
        synchronized (this) {
            if (state != SessionState.DISCONNECTED) {
                return failed(Text.of("error.alreadyConnected"));
            }
            try {
                attempt = new Attempt(settings, server);
            } catch (RuntimeException e) {
                // Refused before anything changed: the form stays editable.
                return failed(Failures.explain(e, settings.url()));
            }
            current = attempt;
            lastTls = attempt;
            state = SessionState.CONNECTING;
            emit(SessionEvent.Kind.STATE, null, false);
        }
        drain();
        return attempt.client.connect().handle((ok, error) -> {
            if (error == null) {
                return null;
            }
            Text why = Failures.explain(error, settings, attempt.trust.clientCertificate());
            ConnAck refused = Failures.refusal(error);
            if (refused != null) {
                attempt.connAck = refused;
            }
            if (!attempt.everConnected && !attempt.userStopped) {
                setState(attempt, SessionState.DISCONNECTED, why, false);
            }
            throw new MqttActionException(why, Failures.unwrap(error));
        });
    }

    public CompletableFuture<Void> subscribe(String filter, int qos) {
        return subscribe(filter, SubscribeOptions.qos(qos));
    }

    /** Subscribes with MQTT 5's options (MQTT 3.1.1 sends only the QoS); a refusal says the broker's reason. */
    public CompletableFuture<Void> subscribe(String filter, SubscribeOptions options) {
        try {
            Topics.requireFilter(filter);
            options.check(filter);
            requireAllowedSubscription(filter);
        } catch (InvalidInputException e) {
            return failed(e.text());
        }
        return act(client -> client.subscribe(filter, options),
                (attempt, granted) -> changeSubscriptions(attempt,
                        s -> s.put(filter, new Sub(filter, options, granted, Subscribed.Standing.GRANTED))),
                Text.of("notice.lateSuback", filter));
    }

    public CompletableFuture<Void> unsubscribe(String filter) {
        try {
            Topics.requireFilter(filter);
        } catch (InvalidInputException e) {
            return failed(e.text());
        }
        return act(client -> client.unsubscribe(filter),
                (attempt, ok) -> changeSubscriptions(attempt, s -> s.remove(filter)),
                Text.of("notice.lateUnsuback", filter));
    }

    /** Publishes; once the broker has it (as far as the QoS says), the message joins the log as sent. */
    public CompletableFuture<Void> publish(String topic, int qos, boolean retain, byte[] payload) {
        return publish(topic, qos, retain, payload, MessageProperties.NONE);
    }

    /**
     * Publishes with MQTT 5 properties (MQTT 3.1.1 has none: the log shows the message as sent, without
     * them). What the broker said besides plain success ("no matching subscribers") comes as a notice.
     */
    public CompletableFuture<Void> publish(String topic, int qos, boolean retain, byte[] payload,
                                           MessageProperties properties) {
        try {
            Topics.requireName(topic);
            requireQos(qos);
            requireAllowedPublish(qos, retain);
        } catch (InvalidInputException e) {
            return failed(e.text());
        }
        return act(client -> client.publish(topic, qos, retain, payload, properties),
                (attempt, note) -> {
                    boolean v5 = attempt.settings.version() == MqttVersion.MQTT_5_0;
                    inbox.accept(Message.sent(topic, qos, retain, payload, v5 ? properties : MessageProperties.NONE));
                    if (note != null) {
                        notice(attempt, Text.of("notice.publishAck", topic, note));
                    }
                },
                Text.of("notice.latePuback", topic));
    }

    /** Disconnects, or stops connecting or reconnecting; completes when the session is idle. */
    public CompletableFuture<Void> disconnect() {
        Attempt attempt;
        synchronized (this) {
            attempt = current;
            if (attempt == null || state == SessionState.DISCONNECTED) {
                return CompletableFuture.completedFuture(null);
            }
            attempt.userStopped = true;
        }
        return attempt.client.disconnect()
                .orTimeout(attempt.settings.connectTimeoutSeconds(), TimeUnit.SECONDS)
                // Not connected (still connecting, or waiting to reconnect) is fine: stopping is what was asked.
                .handle((ok, error) -> {
                    setState(attempt, SessionState.DISCONNECTED, Text.of("status.disconnectedByUser"), false);
                    return null;
                });
    }

    /**
     * Runs an action on the connected client. Its acknowledgement is applied whenever it comes:
     * one that arrives after the timeout was already reported still counts, and the user is told.
     */
    private <T> CompletableFuture<Void> act(Function<ProtocolClient, CompletableFuture<T>> action,
                                            java.util.function.BiConsumer<Attempt, T> onAck, Text lateNotice) {
        Attempt attempt = current;
        if (attempt == null || state != SessionState.CONNECTED) {
            return failed(Text.of("error.notConnected"));
        }
        BrokerUrl url = attempt.settings.url();
        CompletableFuture<T> ack;
        try {
            ack = action.apply(attempt.client);
        } catch (RuntimeException e) {
            ack = CompletableFuture.failedFuture(e);
        }
        CompletableFuture<Void> result = new CompletableFuture<>();
        ack.whenComplete((value, error) -> {
            if (error != null) {
                result.completeExceptionally(error);
                return;
            }
            onAck.accept(attempt, value);
            if (!result.complete(null)) {
                notice(attempt, lateNotice);
            }
        });
        // The timeout ends the wait for the caller, not the action: the ack above may still come.
        return result.orTimeout(attempt.settings.connectTimeoutSeconds(), TimeUnit.SECONDS)
                .handle((ok, error) -> {
                    if (error != null) {
                        throw new MqttActionException(Failures.explain(error, url), Failures.unwrap(error));
                    }
                    return null;
                });
    }

    /** Refuses, before it is sent, a publish the broker's CONNACK said it does not take; nothing when not connected. */
    public void requireAllowedPublish(int qos, boolean retain) {
        ConnAck ack = acceptedConnAck();
        if (ack != null) {
            ack.requireAllowsPublish(qos, retain);
        }
    }

    /** Refuses, before it is sent, a subscription the broker's CONNACK said it does not take; nothing when not connected. */
    public void requireAllowedSubscription(String filter) {
        ConnAck ack = acceptedConnAck();
        if (ack != null) {
            ack.requireAllowsSubscription(filter);
        }
    }

    private ConnAck acceptedConnAck() {
        Attempt attempt = current;
        ConnAck ack = attempt == null ? null : attempt.connAck;
        return state == SessionState.CONNECTED && ack != null && !ack.refused() ? ack : null;
    }

    private static void requireQos(int qos) {
        if (qos < 0 || qos > 2) {
            throw new InvalidInputException(InputField.QOS, "error.qos", String.valueOf(qos));
        }
    }

    private static <T> CompletableFuture<T> failed(Text why) {
        return CompletableFuture.failedFuture(new MqttActionException(why, null));
    }

    // ---------------------------------------------------------------- state, subscriptions, events

    private void setState(Attempt attempt, SessionState next, Text detail, boolean duplicateClientId) {
        synchronized (this) {
            // Events of a connection the user has since replaced are history; drop them.
            if (attempt != current) {
                return;
            }
            state = next;
            if (next == SessionState.DISCONNECTED && attempt.settings.cleanStart()) {
                // The broker ends a clean session with the connection.
                subscriptions.clear();
                subscriptionsOwner = null;
            }
            emit(SessionEvent.Kind.STATE, detail, duplicateClientId);
        }
        drain();
    }

    private void changeSubscriptions(Attempt attempt, Consumer<Map<String, Sub>> change) {
        synchronized (this) {
            if (attempt != current) {
                return;
            }
            change.accept(subscriptions);
            emit(SessionEvent.Kind.SUBSCRIPTIONS, null, false);
        }
        drain();
    }

    private void notice(Attempt attempt, Text what) {
        synchronized (this) {
            if (attempt != current) {
                return;
            }
            emit(SessionEvent.Kind.NOTICE, what, false);
        }
        drain();
    }

    /** Queues an event; called holding this, so events queue in the order the session changed. */
    private void emit(SessionEvent.Kind kind, Text detail, boolean duplicateClientId) {
        boolean byUser = state == SessionState.DISCONNECTED && current != null && current.userStopped;
        SessionEvent e = new SessionEvent(++sequence, kind, state, detail, duplicateClientId, byUser, snapshot(),
                current == null ? null : current.connAck);
        synchronized (outbox) {
            outbox.add(e);
        }
    }

    private List<Subscribed> snapshot() {
        if (state == SessionState.DISCONNECTED) {
            return List.of();
        }
        List<Subscribed> list = new ArrayList<>(subscriptions.size());
        subscriptions.values().forEach(s -> list.add(s.view()));
        return List.copyOf(list);
    }

    /** Hands queued events to the listener one at a time, in order, on whichever thread gets here first. */
    private void drain() {
        while (true) {
            SessionEvent next;
            synchronized (outbox) {
                if (delivering || outbox.isEmpty()) {
                    return; // whoever is delivering takes ours too
                }
                next = outbox.poll();
                delivering = true;
            }
            try {
                events.accept(next);
            } catch (RuntimeException e) {
                // The listener's failure is the listener's; the session and the next events go on.
            } finally {
                synchronized (outbox) {
                    delivering = false;
                }
            }
        }
    }

    // ---------------------------------------------------------------- one client

    /** One client and what we learned about it while it lived. */
    private final class Attempt {
        final ConnectionSettings settings;
        final ClientConfig.Trust trust;
        final ProtocolClient client;
        volatile boolean everConnected;
        volatile boolean connectedNow;
        volatile boolean userStopped;
        volatile long connectedAt;
        volatile int quickDrops;
        volatile int failedAttempts;
        volatile boolean callbackFailureTold;
        /** The link watch found the connection dead and closed it. */
        volatile boolean deadLink;
        /** The broker's last CONNACK to this client, or null before the first. */
        volatile ConnAck connAck;

        /** @param server the resolved address under the SNI host name, or null for the URL's host */
        Attempt(ConnectionSettings settings, InetSocketAddress server) {
            this.settings = settings;
            // TLS files are read only for a secure transport; plain TCP ignores them.
            this.trust = settings.url().transport().secure() ? ClientConfig.Trust.of(settings.tls()) : ClientConfig.Trust.SYSTEM;
            MqttClientBuilder builder = MqttClient.builder()
                    .transportConfig(ClientConfig.transport(settings.url(), trust, settings.connectTimeoutSeconds(), server,
                            settings.proxy()))
                    .addConnectedListener(this::onConnected)
                    .addDisconnectedListener(this::onDisconnected);
            if (!settings.clientId().isEmpty()) {
                builder.identifier(settings.clientId());
            }
            this.client = settings.version() == MqttVersion.MQTT_5_0
                    ? new Mqtt5Protocol(builder, settings, this::deliver, this::callbackFailed)
                    : new Mqtt3Protocol(builder, settings, this::deliver, this::callbackFailed);
        }

        private void deliver(Message m) {
            try {
                inbox.accept(m);
            } finally {
                if (resumedUnknown) {
                    noteResumed(m);
                }
            }
        }

        /** A message no known subscription matches, on a resumed session: the broker holds a subscription we do not know. */
        private void noteResumed(Message m) {
            synchronized (MqttSession.this) {
                if (this != current) {
                    return;
                }
                for (Sub s : subscriptions.values()) {
                    if (s.standing() != Subscribed.Standing.NOT_KNOWN_TO_BROKER && Topics.matches(s.filter(), m.topic())) {
                        return;
                    }
                }
                subscriptions.put(m.topic(), new Sub(m.topic(), SubscribeOptions.qos(m.qos()), m.qos(),
                        Subscribed.Standing.RESUMED_NOT_KNOWN_HERE));
                if (subscriptions.values().stream().filter(s -> s.standing() == Subscribed.Standing.RESUMED_NOT_KNOWN_HERE)
                        .count() >= MAX_RESUMED_ROWS) {
                    // A flood over many topics would make a row (and a copy of the list) per topic: enough said.
                    resumedUnknown = false;
                }
                emit(SessionEvent.Kind.SUBSCRIPTIONS, null, false);
            }
            drain();
        }

        private void callbackFailed(RuntimeException e) {
            if (!callbackFailureTold) {
                callbackFailureTold = true;
                notice(this, Text.of("notice.messageHandlerFailed", e.getClass().getSimpleName(),
                        e.getMessage() == null ? "" : e.getMessage()));
            }
        }

        private void onConnected(MqttClientConnectedContext context) {
            if (userStopped) {
                // A reconnect already under way when the user disconnected: end it, and say nothing.
                client.disconnect();
                return;
            }
            boolean again = everConnected;
            boolean sessionPresent = sessionPresent(context);
            connAck = connAckOf(context);
            everConnected = true;
            connectedNow = true;
            connectedAt = System.currentTimeMillis();
            failedAttempts = 0;
            deadLink = false;
            LinkWatch.install(context.getClientConfig(), settings.keepAliveSeconds(), () -> deadLink = true);
            List<Sub> toResubscribe = new ArrayList<>();
            synchronized (MqttSession.this) {
                if (this != current) {
                    return;
                }
                String owner = settings.url() + " " + context.getClientConfig().getClientIdentifier()
                        .map(Object::toString).orElse("");
                if (!owner.equals(subscriptionsOwner)) {
                    subscriptions.clear();
                    subscriptionsOwner = owner;
                    resumedUnknown = sessionPresent;
                }
                if (!sessionPresent) {
                    resumedUnknown = false;
                    subscriptions.values().removeIf(s -> s.standing() == Subscribed.Standing.RESUMED_NOT_KNOWN_HERE);
                    if (!again) {
                        subscriptions.clear(); // a new session: the app subscribes what it wants
                    } else {
                        // The broker lost what we had (it restarted without keeping sessions, or the session expired).
                        subscriptions.replaceAll((f, s) -> new Sub(f, s.asked(), s.asked().qos(),
                                Subscribed.Standing.NOT_KNOWN_TO_BROKER));
                        if (settings.resubscribe()) {
                            toResubscribe.addAll(subscriptions.values());
                        }
                    }
                }
                state = SessionState.CONNECTED;
                emit(SessionEvent.Kind.STATE, again ? Text.of("status.reconnected") : null, false);
            }
            drain();
            if (again && !sessionPresent) {
                // The client ended its message flows with the old session; without a new one nothing would arrive.
                client.listen();
            }
            for (Sub s : toResubscribe) {
                client.subscribe(s.filter(), s.asked()).whenComplete((granted, error) -> {
                    if (error == null) {
                        changeSubscriptions(this, subs -> subs.computeIfPresent(s.filter(), (f, old) ->
                                new Sub(f, s.asked(), granted, Subscribed.Standing.GRANTED)));
                    } else {
                        notice(this, Text.of("notice.resubscribeFailed", s.filter(), Failures.explain(error, settings.url())));
                    }
                });
            }
        }

        private ConnAck connAckOf(MqttClientConnectedContext context) {
            if (context instanceof Mqtt5ClientConnectedContext c5) {
                return ConnAck.of(c5.getConnAck());
            }
            if (context instanceof Mqtt3ClientConnectedContext c3) {
                return ConnAck.of(c3.getConnAck());
            }
            return null;
        }

        private boolean sessionPresent(MqttClientConnectedContext context) {
            if (context instanceof Mqtt5ClientConnectedContext c5) {
                return c5.getConnAck().isSessionPresent();
            }
            if (context instanceof Mqtt3ClientConnectedContext c3) {
                return c3.getConnAck().isSessionPresent();
            }
            return false;
        }

        private void onDisconnected(MqttClientDisconnectedContext context) {
            boolean wasConnected = connectedNow;
            connectedNow = false;
            if (userStopped || context.getSource() == MqttDisconnectSource.USER || !everConnected) {
                return; // the user's own disconnect, or a first connect whose future reports it
            }
            Throwable cause = context.getCause();
            ConnAck refused = Failures.refusal(cause);
            if (refused != null) {
                connAck = refused; // a reconnect the broker refused
            }
            Text why = deadLink && wasConnected
                    ? Text.of("error.keepAliveTimeout", String.valueOf(settings.keepAliveSeconds()))
                    : Failures.explain(cause, settings, trust.clientCertificate());
            if (deadLink && wasConnected) {
                quickDrops = 0; // a dead link, not a kick
            } else if (Failures.isSessionTakenOver(cause)) {
                // Reconnecting would kick the other client off in turn: stop and say why.
                setState(this, SessionState.DISCONNECTED, why, true);
                return;
            } else if (!wasConnected) {
                // A reconnect attempt failed: the broker is down or refusing us. Whatever dropped us
                // before was not another client taking our id (a broker restart, most likely).
                quickDrops = 0;
                failedAttempts++;
            } else if (Failures.isClosedWithoutReason(cause)) {
                // Only a drop right after a CONNACK counts; a slow one starts the count again.
                boolean quick = System.currentTimeMillis() - connectedAt < quickDropMillis;
                quickDrops = quick ? quickDrops + 1 : 0;
                if (quickDrops >= QUICK_DROPS_FOR_DUPLICATE) {
                    setState(this, SessionState.DISCONNECTED,
                            Text.of("error.duplicateClientIdLikely", settings.clientId()), true);
                    return;
                }
            } else {
                quickDrops = 0;
            }
            if (settings.reconnectPeriodMillis() > 0) {
                long delay = reconnectDelay(settings.reconnectPeriodMillis(), failedAttempts, maxReconnectDelayMillis);
                MqttClientReconnector reconnector = context.getReconnector();
                reconnector.reconnect(true)
                        .delay(delay, TimeUnit.MILLISECONDS)
                        // The session resubscribes itself (see onConnected), so that it knows what the broker granted.
                        .resubscribeIfSessionExpired(false)
                        // The client library makes a scheduled attempt even after disconnect(), which cannot
                        // reach a client that is not connected: look again when the wait is over.
                        .reconnectWhen(CompletableFuture.runAsync(() -> { },
                                        CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS)),
                                (ok, error) -> reconnector.reconnect(!userStopped));
                setState(this, SessionState.RECONNECTING, why, false);
            } else {
                setState(this, SessionState.DISCONNECTED, why, false);
            }
        }
    }

    /**
     * Whether the client library has nothing connected and no attempt pending: nothing can happen any more
     * until the user acts. Tests wait for this instead of sleeping to show that nothing else happens.
     */
    public synchronized boolean idle() {
        return current == null || current.client.idle();
    }

    /** The wait before a reconnect: the period, doubled for each attempt that failed, up to a cap. */
    static long reconnectDelay(int periodMillis, int failedAttempts, long maxDelayMillis) {
        long cap = Math.max(periodMillis, maxDelayMillis);
        long delay = (long) periodMillis << Math.min(failedAttempts, 20);
        return Math.min(delay, cap);
    }
}
