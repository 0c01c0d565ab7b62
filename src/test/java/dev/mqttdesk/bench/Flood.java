package dev.mqttdesk.bench;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.Mqtt5RxClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.reactivex.Flowable;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * The publisher: one HiveMQ client that sends {@code n} messages of {@link #PAYLOAD_BYTES} bytes at
 * QoS 0 as fast as the connection takes them (the reactive API, so it is paced by TCP, not by an
 * unbounded queue in the client). Topics {@code bench/0} to {@code bench/999}; every tenth payload
 * says {@code "alarm":true}.
 */
final class Flood {

    static final int PAYLOAD_BYTES = 100;
    static final int TOPICS = 1_000;
    static final String FILTER = "bench/#";

    private Flood() {
    }

    static byte[] payload(long seq) {
        return payload(seq, PAYLOAD_BYTES);
    }

    static byte[] payload(long seq, int size) {
        String head = "{\"seq\":" + seq + ",\"alarm\":" + (seq % 10 == 0) + ",\"v\":\"";
        byte[] p = new byte[size];
        Arrays.fill(p, (byte) 'x');
        byte[] h = head.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(h, 0, p, 0, h.length);
        p[size - 2] = '"';
        p[size - 1] = '}';
        return p;
    }

    /** Sends the flood and returns how many messages the client wrote. */
    static long send(int port, int n) {
        Mqtt5RxClient client = Mqtt5Client.builder().identifier("bench-publisher-" + System.nanoTime())
                .serverHost("127.0.0.1").serverPort(port).buildRx();
        client.connect().timeout(30, TimeUnit.SECONDS).blockingGet();
        try {
            Flowable<Mqtt5Publish> publishes = Flowable.range(0, n).map(i -> Mqtt5Publish.builder()
                    .topic("bench/" + (i % TOPICS)).qos(MqttQos.AT_MOST_ONCE).payload(payload(i)).build());
            Long written = client.publish(publishes).filter(r -> r.getError().isEmpty()).count()
                    .timeout(10, TimeUnit.MINUTES).blockingGet();
            return written;
        } finally {
            client.disconnect().timeout(30, TimeUnit.SECONDS).onErrorComplete().blockingAwait();
        }
    }
}
