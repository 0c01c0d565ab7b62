package dev.mqttdesk.check;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.message.subscribe.suback.Mqtt3SubAck;
import com.hivemq.client.mqtt.mqtt3.message.subscribe.suback.Mqtt3SubAckReturnCode;
import dev.mqttdesk.core.i18n.Text;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Subscribe to a topic of its own, publish to it, and see the message come back; the latency is the figure. */
final class RoundTripStep implements CheckStep {

    static final String TOPIC_PREFIX = "mqttdesk/check/";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    public CheckId id() {
        return CheckId.ROUNDTRIP;
    }

    @Override
    public boolean network() {
        return true;
    }

    @Override
    public int timeouts() {
        return 3;
    }

    @Override
    public StepResult run(CheckContext context) throws Exception {
        MqttProbe.Connection connection = context.mqtt();
        if (connection == null) {
            return StepResult.skip(id(), Text.of("check.roundtrip.noConnection"));
        }
        Mqtt3AsyncClient client = connection.client();
        int timeout = context.options().timeoutSeconds();
        String topic = TOPIC_PREFIX + String.format("%016x", RANDOM.nextLong());
        byte[] payload = ("mqtt-desk readiness check " + topic).getBytes(StandardCharsets.UTF_8);
        CompletableFuture<Long> arrived = new CompletableFuture<>();
        Mqtt3SubAck subAck = client.subscribeWith().topicFilter(topic).qos(MqttQos.AT_LEAST_ONCE)
                .callback(p -> arrived.complete(System.nanoTime()))
                .send().get(timeout, TimeUnit.SECONDS);
        if (subAck.getReturnCodes().get(0) == Mqtt3SubAckReturnCode.FAILURE) {
            return StepResult.fail(id(), Text.of("check.roundtrip.subscribeRefused", topic), Text.of("check.roundtrip.fix"))
                    .with("topic", topic);
        }
        long sent = System.nanoTime();
        client.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).payload(payload).send().get(timeout, TimeUnit.SECONDS);
        long millis;
        try {
            millis = (arrived.get(timeout, TimeUnit.SECONDS) - sent) / 1_000_000;
        } catch (TimeoutException e) {
            return StepResult.fail(id(), Text.of("check.roundtrip.noMessage", topic, timeout), Text.of("check.roundtrip.fix"))
                    .with("topic", topic);
        }
        return StepResult.pass(id(), Text.of("check.roundtrip.ok", topic, millis)).with("topic", topic).with("millis", millis);
    }
}
