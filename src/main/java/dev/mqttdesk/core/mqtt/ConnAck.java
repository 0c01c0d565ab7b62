package dev.mqttdesk.core.mqtt;

import dev.mqttdesk.core.message.UserProperty;
import com.hivemq.client.mqtt.mqtt3.message.connect.connack.Mqtt3ConnAck;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAck;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAckRestrictions;
import dev.mqttdesk.core.i18n.InputField;
import dev.mqttdesk.core.i18n.InvalidInputException;
import dev.mqttdesk.core.i18n.Text;
import dev.mqttdesk.core.topic.Topics;

import java.util.ArrayList;
import java.util.List;

/**
 * What the broker said in its CONNACK, as data: the reason code and string and every property. An
 * MQTT 3.1.1 CONNACK has only its return code and the session-present flag; the rest stays null.
 * <p>
 * The client library reports an absent restriction (receive maximum, maximum QoS, ...) as MQTT's
 * default, the value the property means when left out: the broker either sent that value or nothing.
 *
 * @param reasonCode the reason code's name ({@code SUCCESS}, {@code NOT_AUTHORIZED}, ...)
 * @param code       its number on the wire
 */
public record ConnAck(MqttVersion version, String reasonCode, int code, boolean refused, String reasonString,
                      boolean sessionPresent, Long sessionExpirySeconds, Integer serverKeepAliveSeconds,
                      String assignedClientId, Integer receiveMaximum, Integer maximumPacketSize, Integer topicAliasMaximum,
                      Integer maximumQos, Boolean retainAvailable, Boolean wildcardSubscriptionAvailable,
                      Boolean sharedSubscriptionAvailable, Boolean subscriptionIdentifiersAvailable,
                      String responseInformation, String serverReference, String authenticationMethod,
                      List<UserProperty> userProperties) {

    public ConnAck {
        userProperties = userProperties == null ? List.of() : List.copyOf(userProperties);
    }

    public static ConnAck of(Mqtt5ConnAck ack) {
        Mqtt5ConnAckRestrictions r = ack.getRestrictions();
        List<UserProperty> user = new ArrayList<>();
        ack.getUserProperties().asList().forEach(u -> user.add(new UserProperty(u.getName().toString(), u.getValue().toString())));
        return new ConnAck(MqttVersion.MQTT_5_0, ack.getReasonCode().name(), ack.getReasonCode().getCode(),
                ack.getReasonCode().isError(), ack.getReasonString().map(Object::toString).orElse(null), ack.isSessionPresent(),
                ack.getSessionExpiryInterval().isPresent() ? ack.getSessionExpiryInterval().getAsLong() : null,
                ack.getServerKeepAlive().isPresent() ? ack.getServerKeepAlive().getAsInt() : null,
                ack.getAssignedClientIdentifier().map(Object::toString).orElse(null),
                r.getReceiveMaximum(), r.getMaximumPacketSize(), r.getTopicAliasMaximum(), r.getMaximumQos().getCode(),
                r.isRetainAvailable(), r.isWildcardSubscriptionAvailable(), r.isSharedSubscriptionAvailable(),
                r.areSubscriptionIdentifiersAvailable(),
                ack.getResponseInformation().map(Object::toString).orElse(null),
                ack.getServerReference().map(Object::toString).orElse(null),
                ack.getEnhancedAuth().map(a -> a.getMethod().toString()).orElse(null), user);
    }

    public static ConnAck of(Mqtt3ConnAck ack) {
        return new ConnAck(MqttVersion.MQTT_3_1_1, ack.getReturnCode().name(), ack.getReturnCode().getCode(),
                ack.getReturnCode().isError(), null, ack.isSessionPresent(), null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, List.of());
    }

    /**
     * Refuses a publish this CONNACK said the broker does not take (MQTT 5.0 §3.2.2.3.4-5: a broker ends the
     * connection over one; the HiveMQ client sends it anyway). MQTT 3.1.1 says nothing, so allows everything.
     */
    public void requireAllowsPublish(int qos, boolean retain) {
        if (retain && Boolean.FALSE.equals(retainAvailable)) {
            throw new InvalidInputException(InputField.RETAIN, "error.broker.retainUnavailable");
        }
        if (maximumQos != null && qos > maximumQos) {
            throw new InvalidInputException(InputField.QOS, "error.broker.qosAboveMaximum", String.valueOf(qos),
                    String.valueOf(maximumQos));
        }
    }

    /** Refuses a subscription this CONNACK said the broker does not take (MQTT 5.0 §3.2.2.3.11-12; it would end the connection). */
    public void requireAllowsSubscription(String filter) {
        boolean shared = filter.startsWith(Topics.SHARE_PREFIX);
        if (shared && Boolean.FALSE.equals(sharedSubscriptionAvailable)) {
            throw new InvalidInputException(InputField.TOPIC, "error.broker.sharedUnavailable");
        }
        if ((filter.contains("+") || filter.contains("#")) && Boolean.FALSE.equals(wildcardSubscriptionAvailable)) {
            throw new InvalidInputException(InputField.TOPIC, "error.broker.wildcardUnavailable");
        }
    }

    /** The reason code in words, with its number: "not authorized (0x87)". */
    public Text reasonWords() {
        return ReasonWords.connAck(reasonCode, code);
    }

    /** One line of the panel: a label (bundle key) and the value in words. */
    public record Field(String labelKey, Text value) {
    }

    /** Every field, in the order MQTT 5.0 §3.2.2.3 lists the properties; MQTT 3.1.1 has only the first three. */
    public List<Field> fields() {
        List<Field> f = new ArrayList<>();
        f.add(new Field("connack.field.reasonCode", reasonWords()));
        f.add(new Field("connack.field.sessionPresent", yesNo(sessionPresent)));
        if (version == MqttVersion.MQTT_3_1_1) {
            return List.copyOf(f);
        }
        f.add(new Field("connack.field.reasonString", text(reasonString)));
        f.add(new Field("connack.field.sessionExpiry", sessionExpirySeconds == null ? notSent()
                : Text.of("connack.value.seconds", String.valueOf(sessionExpirySeconds))));
        f.add(new Field("connack.field.receiveMaximum", number(receiveMaximum, ConnectOptions.DEFAULT_RECEIVE_MAXIMUM)));
        f.add(new Field("connack.field.maximumQos", number(maximumQos, 2)));
        f.add(new Field("connack.field.retainAvailable", yesNo(retainAvailable, true)));
        f.add(new Field("connack.field.maximumPacketSize",
                number(maximumPacketSize, ConnectOptions.DEFAULT_MAXIMUM_PACKET_SIZE)));
        f.add(new Field("connack.field.assignedClientId", text(assignedClientId)));
        f.add(new Field("connack.field.topicAliasMaximum", number(topicAliasMaximum, 0)));
        f.add(new Field("connack.field.wildcardAvailable", yesNo(wildcardSubscriptionAvailable, true)));
        f.add(new Field("connack.field.subscriptionIdsAvailable", yesNo(subscriptionIdentifiersAvailable, true)));
        f.add(new Field("connack.field.sharedAvailable", yesNo(sharedSubscriptionAvailable, true)));
        f.add(new Field("connack.field.serverKeepAlive", serverKeepAliveSeconds == null ? notSent()
                : Text.of("connack.value.seconds", String.valueOf(serverKeepAliveSeconds))));
        f.add(new Field("connack.field.responseInformation", text(responseInformation)));
        f.add(new Field("connack.field.serverReference", text(serverReference)));
        f.add(new Field("connack.field.authenticationMethod", text(authenticationMethod)));
        if (userProperties.isEmpty()) {
            f.add(new Field("connack.field.userProperty", notSent()));
        }
        for (UserProperty p : userProperties) {
            f.add(new Field("connack.field.userProperty", Text.of("connack.value.userProperty", p.name(), p.value())));
        }
        return List.copyOf(f);
    }

    private static Text notSent() {
        return Text.of("connack.value.notSent");
    }

    private static Text text(String s) {
        return s == null ? notSent() : Text.of("connack.value.text", s);
    }

    private static Text yesNo(boolean b) {
        return Text.of(b ? "connack.value.yes" : "connack.value.no");
    }

    private static Text yesNo(Boolean b, boolean mqttDefault) {
        return b == mqttDefault ? Text.of("connack.value.default", yesNo(b)) : yesNo(b);
    }

    private static Text number(Integer n, int mqttDefault) {
        Text value = Text.of("connack.value.text", String.valueOf(n));
        return n == mqttDefault ? Text.of("connack.value.default", value) : value;
    }
}
