package dev.mqttdesk.bench;

import com.hivemq.client.mqtt.MqttClientExecutorConfig;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Steady streams, one per connection of the workspace benchmark: {@code stream/N/…} at a fixed rate each, from
 * one publisher, QoS 0, paced by the clock (every 10 ms it sends what the elapsed time calls for, so a late tick
 * catches up instead of drifting). Payloads as the flood's.
 */
final class Streams {

    private Streams() {
    }

    /** Streams for {@code seconds} and returns how many messages each stream sent. */
    static long[] send(int port, int streams, int ratePerStream, int seconds) throws Exception {
        // Its own network thread: on the client library's shared ones it would take the thread of the
        // connections it shares it with, their sockets would fill, and the broker drops QoS 0 to them.
        ExecutorService network = Executors.newSingleThreadExecutor(r -> new Thread(r, "bench-streams"));
        Mqtt5AsyncClient client = Mqtt5Client.builder().identifier("bench-streams-" + System.nanoTime())
                .executorConfig(MqttClientExecutorConfig.builder().nettyExecutor(network).nettyThreads(1).build())
                .serverHost("127.0.0.1").serverPort(port).buildAsync();
        client.connect().get(30, TimeUnit.SECONDS);
        AtomicLongArray sent = new AtomicLongArray(streams);
        try {
            long start = System.nanoTime();
            long end = start + TimeUnit.SECONDS.toNanos(seconds);
            long due = 0;
            for (long now = start; now < end; now = System.nanoTime()) {
                long target = (now - start) * ratePerStream / 1_000_000_000L;
                for (; due < target; due++) {
                    for (int s = 0; s < streams; s++) {
                        int stream = s;
                        client.publishWith().topic("stream/" + s + "/" + (due % 10)).qos(MqttQos.AT_MOST_ONCE)
                                .payload(Flood.payload(due)).send()
                                .thenRun(() -> sent.incrementAndGet(stream));
                    }
                }
                Thread.sleep(10);
            }
        } finally {
            client.disconnect().get(30, TimeUnit.SECONDS);
            network.shutdown();
        }
        long[] result = new long[streams];
        for (int s = 0; s < streams; s++) {
            result[s] = sent.get(s);
        }
        return result;
    }
}
