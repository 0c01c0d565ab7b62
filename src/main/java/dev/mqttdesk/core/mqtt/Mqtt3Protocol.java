package dev.mqttdesk.core.mqtt;

import com.hivemq.client.mqtt.MqttClientBuilder;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.message.subscribe.suback.Mqtt3SubAckReturnCode;
import dev.mqttdesk.core.i18n.Text;
import dev.mqttdesk.core.log.Message;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

final class Mqtt3Protocol implements ProtocolClient {

    private final Mqtt3AsyncClient client;
    private final ConnectionSettings settings;

    Mqtt3Protocol(MqttClientBuilder builder, ConnectionSettings settings, Consumer<Message> inbox) {
        this.client = builder.useMqttVersion3().buildAsync();
        this.settings = settings;
        client.publishes(MqttGlobalPublishFilter.ALL, p -> inbox.accept(
                Message.received(p.getTopic().toString(), p.getQos().getCode(), p.isRetain(), p.getPayloadAsBytes(), Map.of())), Mqtt5Protocol.DIRECT);
    }

    @Override
    public CompletableFuture<Void> connect() {
        var c = client.connectWith().cleanSession(settings.cleanStart()).keepAlive(settings.keepAliveSeconds());
        if (settings.username() != null) {
            var auth = c.simpleAuth().username(settings.username());
            if (settings.password() != null) {
                auth.password(settings.password().getBytes(StandardCharsets.UTF_8));
            }
            auth.applySimpleAuth();
        }
        return c.send().thenApply(ack -> null);
    }

    @Override
    public CompletableFuture<Void> subscribe(String filter, int qos) {
        return client.subscribeWith().topicFilter(filter).qos(MqttQos.fromCode(qos)).send().thenApply(ack -> {
            if (ack.getReturnCodes().get(0) == Mqtt3SubAckReturnCode.FAILURE) {
                throw new MqttActionException(Text.of("error.subscribe.refused", "FAILURE"), null);
            }
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> unsubscribe(String filter) {
        return client.unsubscribeWith().topicFilter(filter).send();
    }

    @Override
    public CompletableFuture<Void> publish(String topic, int qos, boolean retain, byte[] payload) {
        return client.publishWith().topic(topic).qos(MqttQos.fromCode(qos)).retain(retain).payload(payload).send()
                .thenApply(p -> null);
    }

    @Override
    public CompletableFuture<Void> disconnect() {
        return client.disconnect();
    }
}
