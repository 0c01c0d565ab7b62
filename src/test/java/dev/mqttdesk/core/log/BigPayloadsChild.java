package dev.mqttdesk.core.log;

import dev.mqttdesk.core.mqtt.ConnectionSettings;
import dev.mqttdesk.core.mqtt.MqttSession;
import dev.mqttdesk.core.url.BrokerUrl;

import java.nio.ByteBuffer;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The child JVM of {@link BigPayloadsTest}: a real session into a store with its default bounds (a
 * small heap, so the byte bound is what holds), a drain thread as busy as a UI thread, and the
 * figures printed once {@code count} messages are counted. Args: broker port, count.
 */
public final class BigPayloadsChild {

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int count = Integer.parseInt(args[1]);
        ExecutorService drainThread = Executors.newSingleThreadExecutor();
        MessageStore store = new MessageStore(1_000_000, drainThread);
        long[] mirrored = new long[1];
        store.addBatchListener(b -> mirrored[0] += b.added().size() - b.evicted());
        MqttSession session = new MqttSession(e -> { }, store::add);
        session.connect(ConnectionSettings.defaults(BrokerUrl.parse("mqtt://127.0.0.1:" + port))).get(30, TimeUnit.SECONDS);
        session.subscribe("big/#", 1).get(30, TimeUnit.SECONDS);
        System.out.println("READY");
        System.out.flush();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
        while (store.received() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        drainThread.submit(store::drain).get(30, TimeUnit.SECONDS);
        MessageStore.Counts c = store.counts();
        Message oldest = store.row(c.firstSeq());
        int oldestNumber = oldest == null ? -1 : ByteBuffer.wrap(oldest.payload()).getInt();
        System.out.printf("received=%d evicted=%d held=%d heldBytes=%d maxBytes=%d maxHeap=%d oldest=%d mirrored=%d%n",
                c.received(), c.evicted(), c.held(), store.heldBytes(), store.maxBytes(), Runtime.getRuntime().maxMemory(),
                oldestNumber, drainThread.submit(() -> mirrored[0]).get());
        session.disconnect().get(30, TimeUnit.SECONDS);
        System.exit(0);
    }
}
