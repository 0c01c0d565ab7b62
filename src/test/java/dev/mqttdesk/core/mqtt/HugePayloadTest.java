package dev.mqttdesk.core.mqtt;

import dev.mqttdesk.core.log.Direction;
import dev.mqttdesk.core.log.Message;
import dev.mqttdesk.core.url.BrokerUrl;
import dev.mqttdesk.testing.Mosquitto;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 16 MiB goes out and comes back whole; a broker that takes less says so in words, before anything is sent. */
class HugePayloadTest {

    static final int MIB = 1024 * 1024;

    private static ConnectionSettings to(Mosquitto broker) {
        return ConnectionSettings.defaults(BrokerUrl.parse("mqtt://127.0.0.1:" + broker.tcpPort()))
                .withVersion(MqttVersion.MQTT_5_0).withReconnectPeriod(0);
    }

    @Test
    void a_16_mib_payload_is_published_and_received_byte_for_byte() throws Exception {
        byte[] payload = new byte[16 * MIB];
        new Random(16).nextBytes(payload);
        SessionProbe receiver = new SessionProbe();
        SessionProbe sender = new SessionProbe();
        try (Mosquitto broker = Mosquitto.startTcp()) {
            receiver.connect(to(broker));
            receiver.session.subscribe("big/#", 1).get(30, TimeUnit.SECONDS);
            sender.connect(to(broker));
            sender.session.publish("big/one", 1, false, payload).get(60, TimeUnit.SECONDS);
            Message got = receiver.awaitMessage(m -> m.topic().equals("big/one"));
            assertEquals(payload.length, got.payload().length);
            assertArrayEquals(payload, got.payload());
            Message sent = sender.awaitMessage(m -> m.direction() == Direction.SENT);
            assertTrue(Arrays.equals(payload, sent.payload()), "the sent copy in the log is whole too");
        } finally {
            receiver.close();
            sender.close();
        }
    }

    @Test
    void a_payload_over_the_brokers_maximum_packet_size_is_refused_in_words_and_the_session_stays_connected() throws Exception {
        SessionProbe sender = new SessionProbe();
        try (Mosquitto broker = Mosquitto.builder().configLine("max_packet_size 1048576").start()) {
            sender.connect(to(broker));
            ExecutionException refused = assertThrows(ExecutionException.class,
                    () -> sender.session.publish("big/two", 0, false, new byte[2 * MIB]).get(30, TimeUnit.SECONDS));
            var text = MqttActionException.textOf(refused.getCause());
            assertEquals("error.packetTooLarge", text.key(), text.resolve());
            assertTrue(text.resolve().contains("1048576"), text.resolve());
            assertEquals(SessionState.CONNECTED, sender.session.state());
            sender.session.publish("big/small", 0, false, new byte[1000]).get(30, TimeUnit.SECONDS);
        } finally {
            sender.close();
        }
    }
}
