package dev.mqttdesk.core.mqtt;

import com.hivemq.client.mqtt.MqttClientBuilder;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.message.auth.Mqtt5SimpleAuth;
import com.hivemq.client.mqtt.mqtt5.message.auth.Mqtt5SimpleAuthBuilder;
import com.hivemq.client.mqtt.mqtt5.datatypes.Mqtt5UserProperties;
import com.hivemq.client.mqtt.mqtt5.message.connect.Mqtt5ConnectBuilder;
import com.hivemq.client.mqtt.mqtt5.message.connect.Mqtt5ConnectRestrictions;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5WillPublish;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.suback.Mqtt5SubAckReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.unsubscribe.unsuback.Mqtt5UnsubAckReasonCode;
import dev.mqttdesk.core.i18n.Text;
import dev.mqttdesk.core.log.Message;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import static dev.mqttdesk.core.mqtt.ProtocolClient.guarded;

final class Mqtt5Protocol implements ProtocolClient {

    /**
     * Runs the message callback on the client's network thread. By default the client hands
     * messages to another thread, and when that thread falls behind (a busy machine) it drops QoS 0
     * messages with only a log line. Our callback just queues the message, so running it in place
     * keeps up, and a slow reader slows the socket (TCP flow control) instead of losing messages.
     */
    static final Executor DIRECT = Runnable::run;

    private final Mqtt5AsyncClient client;
    private final ConnectionSettings settings;
    private final Consumer<Message> inbox;
    private final Consumer<RuntimeException> callbackFailed;

    /** @param callbackFailed told when making or handing on a received message threw; delivery goes on */
    Mqtt5Protocol(MqttClientBuilder builder, ConnectionSettings settings, Consumer<Message> inbox,
                  Consumer<RuntimeException> callbackFailed) {
        this.client = builder.useMqttVersion5().buildAsync();
        this.settings = settings;
        // One global callback: a message that matches several subscriptions still arrives once.
        this.inbox = inbox;
        this.callbackFailed = callbackFailed;
        listen();
    }

    private static Message toMessage(Mqtt5Publish p) {
        Map<String, String> props = new LinkedHashMap<>();
        p.getContentType().ifPresent(v -> props.put("content-type", v.toString()));
        p.getPayloadFormatIndicator().ifPresent(v -> props.put("payload-format", v.name()));
        p.getResponseTopic().ifPresent(v -> props.put("response-topic", v.toString()));
        p.getCorrelationData().ifPresent(v -> props.put("correlation-data", StandardCharsets.UTF_8.decode(v).toString()));
        p.getMessageExpiryInterval().ifPresent(v -> props.put("message-expiry", Long.toString(v)));
        p.getUserProperties().asList().forEach(u -> props.merge("user:" + u.getName(), u.getValue().toString(),
                (a, b) -> a + ", " + b));
        return Message.received(p.getTopic().toString(), p.getQos().getCode(), p.isRetain(), p.getPayloadAsBytes(), props);
    }

    /**
     * Registers the one global message callback. The client ends every message flow, this one
     * too, when the broker starts a new session on a reconnect (the old one expired): then this is
     * called again.
     */
    @Override
    public void listen() {
        client.publishes(MqttGlobalPublishFilter.ALL, p -> {
            // An exception out of this callback would end the client's message flow for good.
            try {
                inbox.accept(toMessage(p));
            } catch (RuntimeException e) {
                callbackFailed.accept(e);
            }
        }, DIRECT);
    }

    @Override
    public CompletableFuture<Void> connect() {
        return guarded(this::connectNow);
    }

    private CompletableFuture<Void> connectNow() {
        ConnectOptions o = settings.connect();
        Mqtt5ConnectBuilder.Send<CompletableFuture<com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAck>> c =
                client.connectWith().cleanStart(settings.cleanStart()).keepAlive(settings.keepAliveSeconds())
                        .sessionExpiryInterval(o.sessionExpirySeconds())
                        .restrictions(Mqtt5ConnectRestrictions.builder()
                                .receiveMaximum(o.receiveMaximum())
                                .maximumPacketSize(o.maximumPacketSize())
                                .topicAliasMaximum(o.topicAliasMaximum())
                                .requestResponseInformation(o.requestResponseInformation())
                                .requestProblemInformation(o.requestProblemInformation())
                                .build())
                        .userProperties(userProperties(o.userProperties()));
        if (settings.username() != null || settings.password() != null) {
            c.simpleAuth(simpleAuth(settings.username(), settings.password()));
        }
        if (settings.will() != null) {
            c.willPublish(will(settings.will()));
        }
        return c.send().thenApply(ack -> null);
    }

    static Mqtt5WillPublish will(Will w) {
        var b = Mqtt5WillPublish.builder().topic(w.topic()).qos(MqttQos.fromCode(w.qos())).retain(w.retain())
                .payload(w.message().getBytes(StandardCharsets.UTF_8))
                .userProperties(userProperties(w.userProperties()));
        if (w.messageExpirySeconds() != null) {
            b.messageExpiryInterval(w.messageExpirySeconds());
        }
        if (w.contentType() != null) {
            b.contentType(w.contentType());
        }
        if (w.responseTopic() != null) {
            b.responseTopic(w.responseTopic());
        }
        if (w.correlationData() != null) {
            b.correlationData(w.correlationData().getBytes(StandardCharsets.UTF_8));
        }
        return b.delayInterval(w.delaySeconds()).build();
    }

    static Mqtt5UserProperties userProperties(List<UserProperty> list) {
        var b = Mqtt5UserProperties.builder();
        list.forEach(p -> b.add(p.name(), p.value()));
        return b.build();
    }

    private static Mqtt5SimpleAuth simpleAuth(String username, String password) {
        Mqtt5SimpleAuthBuilder builder = Mqtt5SimpleAuth.builder();
        if (username == null) {
            return builder.password(password.getBytes(StandardCharsets.UTF_8)).build();
        }
        Mqtt5SimpleAuthBuilder.Complete withUser = builder.username(username);
        return password == null ? withUser.build() : withUser.password(password.getBytes(StandardCharsets.UTF_8)).build();
    }

    @Override
    public CompletableFuture<Integer> subscribe(String filter, int qos) {
        return guarded(() -> client.subscribeWith().topicFilter(filter).qos(MqttQos.fromCode(qos)).send().thenApply(ack -> {
            Mqtt5SubAckReasonCode code = ack.getReasonCodes().get(0);
            if (code.isError()) {
                throw new MqttActionException(Text.of("error.subscribe.refused", code.name()), null);
            }
            return code.getCode();
        }));
    }

    @Override
    public CompletableFuture<Void> unsubscribe(String filter) {
        return guarded(() -> client.unsubscribeWith().topicFilter(filter).send().thenApply(ack -> {
            Mqtt5UnsubAckReasonCode code = ack.getReasonCodes().get(0);
            if (code.isError() && code != Mqtt5UnsubAckReasonCode.NO_SUBSCRIPTIONS_EXISTED) {
                throw new MqttActionException(Text.of("error.unsubscribe.refused", code.name()), null);
            }
            return null;
        }));
    }

    @Override
    public CompletableFuture<Void> publish(String topic, int qos, boolean retain, byte[] payload) {
        return guarded(() -> client.publishWith().topic(topic).qos(MqttQos.fromCode(qos)).retain(retain).payload(payload)
                .send().thenApply(result -> {
                    result.getError().ifPresent(e -> {
                        throw new MqttActionException(Text.of("error.publish.refused", e.getMessage()), e);
                    });
                    return null;
                }));
    }

    @Override
    public CompletableFuture<Void> disconnect() {
        return guarded(client::disconnect);
    }

    @Override
    public boolean idle() {
        return !client.getState().isConnectedOrReconnect();
    }
}
