package dev.mqttdesk.core.mqtt;

import dev.mqttdesk.core.i18n.InputField;
import dev.mqttdesk.core.i18n.InvalidInputException;
import dev.mqttdesk.core.topic.Topics;

/**
 * What a SUBSCRIBE asks for one filter. MQTT 3.1.1 sends only the QoS; the other options are MQTT 5's.
 *
 * @param noLocal           the broker does not send our own publishes back to us
 * @param retainAsPublished retained messages keep their retain flag when forwarded
 * @param retainHandling    0 send retained messages, 1 only when the subscription is new, 2 never
 */
public record SubscribeOptions(int qos, boolean noLocal, boolean retainAsPublished, int retainHandling) {

    public static SubscribeOptions qos(int qos) {
        return new SubscribeOptions(qos, false, false, 0);
    }

    /** Refuses what the protocol forbids for {@code filter}, before anything is sent. */
    public void check(String filter) {
        if (qos < 0 || qos > 2) {
            throw new InvalidInputException(InputField.QOS, "error.qos", String.valueOf(qos));
        }
        if (retainHandling < 0 || retainHandling > 2) {
            throw new InvalidInputException(InputField.QOS, "error.retainHandling", String.valueOf(retainHandling));
        }
        if (noLocal && filter.startsWith(Topics.SHARE_PREFIX)) {
            // MQTT 5.0 §3.8.3.1: no local on a shared subscription is a protocol error.
            throw new InvalidInputException(InputField.TOPIC, "error.noLocalShared");
        }
    }
}
