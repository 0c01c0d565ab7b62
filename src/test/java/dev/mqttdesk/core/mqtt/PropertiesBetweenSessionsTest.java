package dev.mqttdesk.core.mqtt;

import dev.mqttdesk.broker.LocalBroker;
import dev.mqttdesk.core.log.Direction;
import dev.mqttdesk.core.log.Message;
import dev.mqttdesk.core.message.MessageProperties;
import dev.mqttdesk.core.message.PayloadFormat;
import dev.mqttdesk.core.message.UserProperty;
import dev.mqttdesk.core.url.BrokerUrl;
import dev.mqttdesk.core.url.Transport;
import dev.mqttdesk.testing.Mosquitto;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What one session publishes with MQTT 5 properties reaches another as sent, on mosquitto and on the built-in broker. */
class PropertiesBetweenSessionsTest {

    static Mosquitto mosquitto;
    static LocalBroker local;

    @BeforeAll
    static void start() {
        mosquitto = Mosquitto.startTcp();
        local = LocalBroker.start(0, 0);
    }

    @AfterAll
    static void stop() {
        mosquitto.close();
        local.close();
    }

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"mosquitto", "built-in"})
    void every_property_and_binary_correlation_data_arrive_as_sent_with_repeats_in_order(String broker) throws Exception {
        BrokerUrl url = broker.equals("mosquitto") ? mosquitto.url(Transport.TCP) : BrokerUrl.parse(local.tcpUrl());
        SessionProbe receiver = new SessionProbe();
        receiver.connect(ConnectionSettings.defaults(url));
        receiver.session.subscribe("between/t", 1).get(20, TimeUnit.SECONDS);
        SessionProbe sender = new SessionProbe();
        sender.connect(ConnectionSettings.defaults(url));
        byte[] correlation = {0, 1, (byte) 0xFE, (byte) 0xFF};
        MessageProperties sent = MessageProperties.builder().contentType("application/octet-stream")
                .payloadFormat(PayloadFormat.UNSPECIFIED).messageExpirySeconds(86_400L).responseTopic("between/reply")
                .correlationData(correlation).userProperty("k", "1").userProperty("x", "").userProperty("k", "2")
                .userProperty("名", "值").build();
        sender.session.publish("between/t", 1, false, new byte[]{1, 2, 3}, sent).get(20, TimeUnit.SECONDS);

        Message m = receiver.awaitMessage(x -> x.direction() == Direction.RECEIVED);
        MessageProperties got = m.properties();
        assertEquals("application/octet-stream", got.contentType());
        assertEquals("between/reply", got.responseTopic());
        assertArrayEquals(correlation, got.correlationData());
        assertTrue(got.messageExpirySeconds() > 86_390 && got.messageExpirySeconds() <= 86_400, "" + got);
        assertEquals(List.of(new UserProperty("k", "1"), new UserProperty("x", ""), new UserProperty("k", "2"),
                new UserProperty("名", "值")), got.userProperties());
        // An explicit 0 may arrive as 0 or not at all: both mean "unspecified bytes".
        assertTrue(got.payloadFormat() == null || got.payloadFormat() == PayloadFormat.UNSPECIFIED, "" + got);
        assertArrayEquals(new byte[]{1, 2, 3}, m.payload());
        sender.close();
        receiver.close();
    }
}
