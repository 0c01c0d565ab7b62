package dev.mqttdesk.check;

import com.hivemq.client.mqtt.mqtt3.exceptions.Mqtt3ConnAckException;
import com.hivemq.client.mqtt.mqtt3.message.connect.connack.Mqtt3ConnAckReturnCode;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAck;
import dev.mqttdesk.core.i18n.Text;
import dev.mqttdesk.core.mqtt.Failures;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * CONNECT as MQTT.js 4.x in a mini-program does (MQTT 3.1.1), with the CONNACK's answer; MQTT 5.0 is
 * tried too and reported alongside, since the verdict is about what the mini-program speaks.
 */
final class MqttStep implements CheckStep {

    @Override
    public CheckId id() {
        return CheckId.MQTT;
    }

    @Override
    public boolean network() {
        return true;
    }

    @Override
    public int timeouts() {
        return 5;
    }

    @Override
    public StepResult run(CheckContext context) throws Exception {
        MqttProbe probe = new MqttProbe(context);
        MqttProbe.Connection connection = null;
        Throwable failure = null;
        try {
            connection = probe.connect311();
        } catch (ExecutionException | TimeoutException e) {
            failure = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        }
        Text mqtt5;
        try {
            mqtt5 = tryMqtt5(probe, context);
        } catch (InterruptedException | RuntimeException e) {
            if (connection != null) {
                connection.closeSoon(); // not handed on to the round trip: nobody else would close it
            }
            throw e;
        }
        if (failure != null) {
            if (failure instanceof Mqtt3ConnAckException refused) {
                Mqtt3ConnAckReturnCode code = refused.getMqttMessage().getReturnCode();
                if (code == Mqtt3ConnAckReturnCode.BAD_USER_NAME_OR_PASSWORD || code == Mqtt3ConnAckReturnCode.NOT_AUTHORIZED) {
                    return StepResult.warn(id(), Text.of("check.mqtt.needsCredentials", code.name(), mqtt5),
                            Text.of("check.mqtt.fix.credentials")).with("mqtt311", code.name());
                }
                return StepResult.fail(id(), Text.of("check.mqtt.refused", code.name(), mqtt5),
                        Text.of("check.mqtt.fix.refused")).with("mqtt311", code.name());
            }
            return StepResult.fail(id(), Text.of("check.mqtt.failed", Failures.explain(failure, context.target().url()), mqtt5),
                    Text.of("check.mqtt.fix.failed"));
        }
        context.mqtt(connection);
        String code = connection.ack().getReturnCode().name();
        return StepResult.pass(id(), Text.of("check.mqtt.ok", code, connection.millis(), mqtt5))
                .with("mqtt311", code).with("millis", connection.millis());
    }

    private static Text tryMqtt5(MqttProbe probe, CheckContext context) throws InterruptedException {
        try {
            Mqtt5ConnAck ack = probe.tryMqtt5();
            return Text.of("check.mqtt.v5.accepted", ack.getReasonCode().name());
        } catch (ExecutionException | TimeoutException | java.net.UnknownHostException e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            if (cause instanceof Mqtt5ConnAckException refused) {
                return Text.of("check.mqtt.v5.refused", refused.getMqttMessage().getReasonCode().name());
            }
            return Text.of("check.mqtt.v5.failed", Failures.explain(cause, context.target().url()));
        }
    }
}
