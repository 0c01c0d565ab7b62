package dev.mqttdesk.core.mqtt;

import dev.mqttdesk.core.log.Direction;
import dev.mqttdesk.core.log.Message;
import dev.mqttdesk.core.message.MessageProperties;
import dev.mqttdesk.core.message.PayloadFormat;
import dev.mqttdesk.core.message.PublishProperties;
import dev.mqttdesk.core.message.UserProperty;
import dev.mqttdesk.core.url.Transport;
import dev.mqttdesk.testing.Mosquitto;
import dev.mqttdesk.testing.Peer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every MQTT 5 property goes out to mosquitto_sub as typed, and comes in from mosquitto_pub as sent:
 * repeated user property names kept, in order.
 */
class PropertiesRoundTripOnMosquittoTest {

    /** mosquitto_sub's format codes: content type, correlation data, expiry, response topic, payload format, user properties. */
    private static final String FORMAT = "PROPS|%C|%D|%E|%R|%F|%P|%p";

    static Mosquitto broker;

    @BeforeAll
    static void start() {
        broker = Mosquitto.startTcp();
    }

    @AfterAll
    static void stop() {
        broker.close();
    }

    private static ConnectionSettings mqtt5() {
        return ConnectionSettings.defaults(broker.url(Transport.TCP));
    }

    @Test
    void every_property_mqtt_desk_publishes_reaches_mosquitto_sub_as_typed() throws Exception {
        SessionProbe probe = new SessionProbe();
        probe.connect(mqtt5());
        try (Peer sub = Peer.start(broker.command("mosquitto_sub", "-d", "-V", "5", "-t", "props/out", "-F", FORMAT))) {
            sub.awaitSubscribed();
            // Read from the form's fields as the publish box does.
            MessageProperties typed = new PublishProperties("application/json", "reply/设备", "req-42 关联", "3600",
                    "site=北京\nk=1\nsite=上海", true).read();
            probe.session.publish("props/out", 1, false, "{\"t\":1}".getBytes(StandardCharsets.UTF_8), typed)
                    .get(20, TimeUnit.SECONDS);

            String line = sub.awaitLine(l -> l.startsWith("PROPS|"));
            String[] f = line.split("\\|", -1);
            assertEquals("application/json", f[1], line);
            assertEquals("req-42 关联", f[2], line);
            long expiry = Long.parseLong(f[3]);
            assertTrue(expiry <= 3600 && expiry >= 3590, "expiry as sent, less the seconds it waited: " + line);
            assertEquals("reply/设备", f[4], line);
            assertEquals("1", f[5], line);
            assertEquals("site:北京 k:1 site:上海", f[6], "repeated names in order: " + line);
            assertEquals("{\"t\":1}", f[7], line);
        }
        Message sent = probe.awaitMessage(m -> m.direction() == Direction.SENT);
        assertEquals("application/json", sent.properties().contentType(), "the log shows what was sent");
        probe.close();
    }

    @Test
    void every_property_mosquitto_pub_sends_arrives_with_repeated_user_properties_in_order() throws Exception {
        SessionProbe probe = new SessionProbe();
        probe.connect(mqtt5());
        probe.session.subscribe("props/in", 1).get(20, TimeUnit.SECONDS);
        broker.pub("-V", "5", "-q", "1", "-t", "props/in", "-m", "温度 21.5",
                "-D", "publish", "content-type", "text/plain; charset=utf-8",
                "-D", "publish", "correlation-data", "corr 1",
                "-D", "publish", "message-expiry-interval", "7200",
                "-D", "publish", "response-topic", "reply/here",
                "-D", "publish", "payload-format-indicator", "1",
                "-D", "publish", "user-property", "a", "1",
                "-D", "publish", "user-property", "b", "二",
                "-D", "publish", "user-property", "a", "3");

        Message m = probe.awaitMessage(x -> x.direction() == Direction.RECEIVED && x.topic().equals("props/in"));
        MessageProperties p = m.properties();
        assertEquals("text/plain; charset=utf-8", p.contentType());
        assertArrayEquals("corr 1".getBytes(StandardCharsets.UTF_8), p.correlationData());
        assertTrue(p.messageExpirySeconds() <= 7200 && p.messageExpirySeconds() >= 7190, "expiry " + p.messageExpirySeconds());
        assertEquals("reply/here", p.responseTopic());
        assertEquals(PayloadFormat.UTF_8, p.payloadFormat());
        assertEquals(List.of(new UserProperty("a", "1"), new UserProperty("b", "二"), new UserProperty("a", "3")),
                p.userProperties(), "a repeated name is kept, not merged");

        broker.pub("-V", "5", "-q", "1", "-t", "props/in", "-m", "plain");
        Message plain = probe.awaitMessage(x -> x.direction() == Direction.RECEIVED && x.payloadText().equals("plain"));
        assertSame(MessageProperties.NONE, plain.properties(), "a message without properties holds the shared empty instance");
        probe.close();
    }

    /** Each property alone still arrives: a message with any one of them is not taken for one without. */
    @Test
    void each_property_alone_arrives() throws Exception {
        SessionProbe probe = new SessionProbe();
        probe.connect(mqtt5());
        probe.session.subscribe("props/one/#", 1).get(20, TimeUnit.SECONDS);
        String[][] alone = {
                {"content-type", "text/plain"}, {"correlation-data", "c"}, {"message-expiry-interval", "600"},
                {"response-topic", "reply/x"}, {"payload-format-indicator", "1"}, {"user-property", "k", "v"}};
        for (String[] property : alone) {
            List<String> args = new ArrayList<>(List.of("-V", "5", "-q", "1", "-t", "props/one/" + property[0],
                    "-m", "x", "-D", "publish"));
            args.addAll(List.of(property));
            broker.pub(args.toArray(String[]::new));
            Message m = probe.awaitMessage(x -> x.topic().equals("props/one/" + property[0]));
            MessageProperties p = m.properties();
            assertFalse(p.isEmpty(), property[0] + " arrived: " + p);
            switch (property[0]) {
                case "content-type" -> assertEquals("text/plain", p.contentType());
                case "correlation-data" -> assertArrayEquals("c".getBytes(StandardCharsets.UTF_8), p.correlationData());
                case "message-expiry-interval" -> assertTrue(p.messageExpirySeconds() > 590, "expiry " + p.messageExpirySeconds());
                case "response-topic" -> assertEquals("reply/x", p.responseTopic());
                case "payload-format-indicator" -> assertEquals(PayloadFormat.UTF_8, p.payloadFormat());
                default -> assertEquals(List.of(new UserProperty("k", "v")), p.userProperties());
            }
        }
        probe.close();
    }

    @Test
    void on_mqtt_3_1_1_the_message_goes_out_without_properties_and_the_log_says_none() throws Exception {
        SessionProbe probe = new SessionProbe();
        ConnectionSettings d = mqtt5();
        probe.connect(new ConnectionSettings(d.url(), MqttVersion.MQTT_3_1_1, d.clientId(), null, null,
                d.keepAliveSeconds(), d.cleanStart(), d.connectTimeoutSeconds(), d.reconnectPeriodMillis(),
                d.resubscribe(), d.tls()));
        try (Peer sub = Peer.start(broker.command("mosquitto_sub", "-d", "-V", "5", "-t", "props/v3", "-F", FORMAT))) {
            sub.awaitSubscribed();
            probe.session.publish("props/v3", 1, false, "x".getBytes(StandardCharsets.UTF_8),
                    MessageProperties.builder().contentType("text/plain").build()).get(20, TimeUnit.SECONDS);
            assertEquals("PROPS|||||||x", sub.awaitLine(l -> l.startsWith("PROPS|")));
        }
        assertSame(MessageProperties.NONE, probe.awaitMessage(m -> m.direction() == Direction.SENT).properties());
        probe.close();
    }
}
