package dev.mqttdesk.core.mqtt;

import com.hivemq.client.mqtt.MqttClientBuilder;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.message.auth.Mqtt5SimpleAuth;
import com.hivemq.client.mqtt.mqtt5.message.auth.Mqtt5SimpleAuthBuilder;
import com.hivemq.client.mqtt.mqtt5.datatypes.Mqtt5UserProperties;
import com.hivemq.client.mqtt.mqtt5.message.connect.Mqtt5ConnectBuilder;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PayloadFormatIndicator;
import com.hivemq.client.mqtt.mqtt5.message.connect.Mqtt5ConnectRestrictions;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5WillPublish;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishBuilder;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishResult;
import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAck;
import com.hivemq.client.mqtt.mqtt5.message.publish.pubcomp.Mqtt5PubComp;
import com.hivemq.client.mqtt.mqtt5.message.publish.pubrec.Mqtt5PubRec;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.Mqtt5RetainHandling;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.suback.Mqtt5SubAckReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.unsubscribe.unsuback.Mqtt5UnsubAckReasonCode;
import dev.mqttdesk.core.i18n.Text;
import dev.mqttdesk.core.log.Message;
import dev.mqttdesk.core.message.MessageProperties;
import dev.mqttdesk.core.message.PayloadFormat;
import dev.mqttdesk.core.message.UserProperty;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
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
        return Message.received(p.getTopic().toString(), p.getQos().getCode(), p.isRetain(), p.getPayloadAsBytes(),
                propertiesOf(p));
    }

    /** Every property as it came; user properties in their order, repeated names kept. */
    static MessageProperties propertiesOf(Mqtt5Publish p) {
        // Most messages carry none: then no builder and no list per message (a flood's network thread makes millions).
        if (p.getContentType().isEmpty() && p.getPayloadFormatIndicator().isEmpty() && p.getResponseTopic().isEmpty()
                && p.getCorrelationData().isEmpty() && p.getMessageExpiryInterval().isEmpty()
                && p.getUserProperties().asList().isEmpty()) {
            return MessageProperties.NONE;
        }
        MessageProperties.Builder b = MessageProperties.builder();
        p.getContentType().ifPresent(v -> b.contentType(v.toString()));
        p.getPayloadFormatIndicator().ifPresent(v -> b.payloadFormat(
                v == Mqtt5PayloadFormatIndicator.UTF_8 ? PayloadFormat.UTF_8 : PayloadFormat.UNSPECIFIED));
        p.getResponseTopic().ifPresent(v -> b.responseTopic(v.toString()));
        p.getCorrelationData().ifPresent(v -> b.correlationData(bytes(v)));
        p.getMessageExpiryInterval().ifPresent(b::messageExpirySeconds);
        p.getUserProperties().asList().forEach(u -> b.userProperty(u.getName().toString(), u.getValue().toString()));
        return b.build();
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] out = new byte[buffer.remaining()];
        buffer.duplicate().get(out);
        return out;
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
    public CompletableFuture<Integer> subscribe(String filter, SubscribeOptions options) {
        return guarded(() -> client.subscribeWith().topicFilter(filter).qos(MqttQos.fromCode(options.qos()))
                .noLocal(options.noLocal()).retainAsPublished(options.retainAsPublished())
                .retainHandling(Mqtt5RetainHandling.fromCode(options.retainHandling()))
                .send().handle((ack, error) -> {
                    refuseOn(error, "error.subscribe.refused", filter);
                    Mqtt5SubAckReasonCode code = ack.getReasonCodes().get(0);
                    if (code.isError()) {
                        throw refused("error.subscribe.refused", filter, Acks.words(code, ack.getReasonString()));
                    }
                    return code.getCode();
                }));
    }

    @Override
    public CompletableFuture<Void> unsubscribe(String filter) {
        return guarded(() -> client.unsubscribeWith().topicFilter(filter).send().handle((ack, error) -> {
            refuseOn(error, "error.unsubscribe.refused", filter);
            Mqtt5UnsubAckReasonCode code = ack.getReasonCodes().get(0);
            // "No subscription existed" leaves what the user wanted: not subscribed.
            if (code.isError()) {
                throw refused("error.unsubscribe.refused", filter, Acks.words(code, ack.getReasonString()));
            }
            return null;
        }));
    }

    @Override
    public CompletableFuture<Text> publish(String topic, int qos, boolean retain, byte[] payload,
                                           MessageProperties properties) {
        return guarded(() -> withProperties(client.publishWith().topic(topic).qos(MqttQos.fromCode(qos)).retain(retain)
                .payload(payload), properties).send().handle((result, error) -> {
                    refuseOn(error, "error.publish.refused", topic);
                    result.getError().ifPresent(e -> {
                        Text words = Acks.refusal(e);
                        // Anything but the broker's refusal (a packet too large ...) is named by Failures.
                        throw words == null ? new CompletionException(e) : refused("error.publish.refused", topic, words);
                    });
                    refuseOnPubComp(result, topic);
                    return note(result);
                }));
    }

    private static Mqtt5PublishBuilder.Send.Complete<CompletableFuture<Mqtt5PublishResult>> withProperties(
            Mqtt5PublishBuilder.Send.Complete<CompletableFuture<Mqtt5PublishResult>> b, MessageProperties p) {
        if (p.contentType() != null) {
            b.contentType(p.contentType());
        }
        if (p.payloadFormat() != null) {
            b.payloadFormatIndicator(p.payloadFormat() == PayloadFormat.UTF_8
                    ? Mqtt5PayloadFormatIndicator.UTF_8 : Mqtt5PayloadFormatIndicator.UNSPECIFIED);
        }
        if (p.messageExpirySeconds() != null) {
            b.messageExpiryInterval(p.messageExpirySeconds());
        }
        if (p.responseTopic() != null) {
            b.responseTopic(p.responseTopic());
        }
        if (p.correlationData() != null) {
            b.correlationData(p.correlationData());
        }
        if (!p.userProperties().isEmpty()) {
            b.userProperties(userProperties(p.userProperties()));
        }
        return b;
    }

    /** What the broker said besides success when it accepted the message ("no matching subscribers"), or null. */
    private static Text note(Mqtt5PublishResult result) {
        if (result instanceof Mqtt5PublishResult.Mqtt5Qos1Result q1) {
            Mqtt5PubAck ack = q1.getPubAck();
            return ack.getReasonCode().getCode() == 0 ? null : Acks.words(ack.getReasonCode(), ack.getReasonString());
        }
        if (result instanceof Mqtt5PublishResult.Mqtt5Qos2Result q2) {
            Mqtt5PubRec rec = q2.getPubRec();
            return rec.getReasonCode().getCode() == 0 ? null : Acks.words(rec.getReasonCode(), rec.getReasonString());
        }
        return null;
    }

    /** A QoS 2 exchange can still fail at its end: PUBCOMP "packet identifier not found". */
    private static void refuseOnPubComp(Mqtt5PublishResult result, String topic) {
        if (result instanceof Mqtt5PublishResult.Mqtt5Qos2CompleteResult done) {
            Mqtt5PubComp comp = done.getPubComp();
            if (comp.getReasonCode().isError()) {
                throw refused("error.publish.refused", topic, Acks.words(comp.getReasonCode(), comp.getReasonString()));
            }
        }
    }

    /** The client fails the future itself when the broker refused everything: say what the broker said. */
    private static void refuseOn(Throwable error, String key, String filter) {
        if (error == null) {
            return;
        }
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        Text words = Acks.refusal(cause);
        if (words != null) {
            throw refused(key, filter, words);
        }
        throw error instanceof RuntimeException r ? r : new CompletionException(error);
    }

    private static MqttActionException refused(String key, String what, Text words) {
        return MqttActionException.refusedByBroker(Text.of(key, what, words), words);
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
