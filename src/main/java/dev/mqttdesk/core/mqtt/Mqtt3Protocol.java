package dev.mqttdesk.core.mqtt;

import com.hivemq.client.mqtt.MqttClientBuilder;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.message.subscribe.suback.Mqtt3SubAckReturnCode;
import dev.mqttdesk.core.i18n.Text;
import dev.mqttdesk.core.log.Message;
import dev.mqttdesk.core.message.MessageProperties;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import static dev.mqttdesk.core.mqtt.ProtocolClient.guarded;

final class Mqtt3Protocol implements ProtocolClient {

    private final Mqtt3AsyncClient client;
    private final ConnectionSettings settings;
    private final Consumer<Message> inbox;
    private final Consumer<RuntimeException> callbackFailed;

    /** @param callbackFailed told when making or handing on a received message threw; delivery goes on */
    Mqtt3Protocol(MqttClientBuilder builder, ConnectionSettings settings, Consumer<Message> inbox,
                  Consumer<RuntimeException> callbackFailed) {
        this.client = builder.useMqttVersion3().buildAsync();
        this.settings = settings;
        this.inbox = inbox;
        this.callbackFailed = callbackFailed;
        listen();
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
                inbox.accept(Message.received(p.getTopic().toString(), p.getQos().getCode(), p.isRetain(),
                        p.getPayloadAsBytes(), MessageProperties.NONE));
            } catch (RuntimeException e) {
                callbackFailed.accept(e);
            }
        }, Mqtt5Protocol.DIRECT);
    }

    @Override
    public CompletableFuture<Void> connect() {
        return guarded(() -> {
            var c = client.connectWith().cleanSession(settings.cleanStart()).keepAlive(settings.keepAliveSeconds());
            if (settings.username() != null) {
                var auth = c.simpleAuth().username(settings.username());
                if (settings.password() != null) {
                    auth.password(settings.password().getBytes(StandardCharsets.UTF_8));
                }
                auth.applySimpleAuth();
            }
            Will w = settings.will();
            if (w != null) {
                // MQTT 3.1.1's will has only these; the MQTT 5 properties are shown disabled in the form.
                c.willPublish().topic(w.topic()).qos(MqttQos.fromCode(w.qos())).retain(w.retain())
                        .payload(w.message().getBytes(StandardCharsets.UTF_8)).applyWillPublish();
            }
            return c.send().thenApply(ack -> null);
        });
    }

    @Override
    public CompletableFuture<Integer> subscribe(String filter, SubscribeOptions options) {
        return guarded(() -> client.subscribeWith().topicFilter(filter).qos(MqttQos.fromCode(options.qos())).send().thenApply(ack -> {
            Mqtt3SubAckReturnCode code = ack.getReturnCodes().get(0);
            if (code == Mqtt3SubAckReturnCode.FAILURE) {
                Text reason = Text.of("reason.withCode", Text.of("ack.reason.FAILURE"), "0x80");
                throw MqttActionException.refusedByBroker(Text.of("error.subscribe.refused", filter, reason), reason);
            }
            return code.getCode();
        }));
    }

    @Override
    public CompletableFuture<Void> unsubscribe(String filter) {
        return guarded(() -> client.unsubscribeWith().topicFilter(filter).send());
    }

    @Override
    public CompletableFuture<Text> publish(String topic, int qos, boolean retain, byte[] payload,
                                           MessageProperties properties) {
        return guarded(() -> client.publishWith().topic(topic).qos(MqttQos.fromCode(qos)).retain(retain).payload(payload)
                .send().thenApply(p -> (Text) null));
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
