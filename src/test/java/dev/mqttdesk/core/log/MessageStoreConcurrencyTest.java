package dev.mqttdesk.core.log;

import dev.mqttdesk.core.message.MessageProperties;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MessageStoreConcurrencyTest {

    private static final int PRODUCERS = 8;
    private static final int EACH = 50_000;
    private static final int CAPACITY = 1_000;

    /** A payload that says who made it and in which order: producer, sequence number. */
    private static Message message(int producer, int seq) {
        byte[] payload = ByteBuffer.allocate(8).putInt(producer).putInt(seq).array();
        return seq % 3 == 0 ? Message.sent("p/" + producer, 0, false, payload)
                : Message.received("p/" + producer, 0, false, payload, MessageProperties.NONE);
    }

    /** Every field of a message, the payload's bytes included. */
    static String describe(Message m) {
        return m.timestampMillis() + " " + m.direction() + " " + m.topic() + " " + m.qos() + " " + m.retain() + " "
                + java.util.Arrays.toString(m.payload()) + " " + m.properties();
    }

    @Test
    void many_producers_and_a_drain_thread_count_every_message_exactly_once() throws Exception {
        ExecutorService drainThread = Executors.newSingleThreadExecutor();
        // The listener's mirror is what the table shows: addAll, then remove the evicted from the front.
        List<Message> mirror = new ArrayList<>();
        long[] batches = new long[1];
        CountDownLatch firstBatch = new CountDownLatch(1);
        MessageStore store = new MessageStore(CAPACITY, drainThread);
        store.addBatchListener(batch -> {
            mirror.addAll(batch.added());
            mirror.subList(0, batch.evicted()).clear();
            batches[0]++;
            firstBatch.countDown();
        });
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> producers = new ArrayList<>();
        for (int p = 0; p < PRODUCERS; p++) {
            int producer = p;
            Thread t = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int seq = 0; seq < EACH; seq++) {
                    if (seq == EACH / 2) {
                        // Halfway, make sure a drain has run, so that drains and adds overlap however
                        // busy the machine is.
                        try {
                            firstBatch.await(60, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                    store.add(message(producer, seq));
                }
            });
            t.start();
            producers.add(t);
        }
        go.countDown();
        for (Thread t : producers) {
            t.join(TimeUnit.SECONDS.toMillis(60));
        }
        drainThread.submit(store::drain).get(60, TimeUnit.SECONDS); // a last drain for anything queued late
        drainThread.shutdown();
        assertTrue(drainThread.awaitTermination(60, TimeUnit.SECONDS));

        long total = (long) PRODUCERS * EACH;
        long sent = (long) PRODUCERS * ((EACH + 2) / 3);
        assertEquals(total - sent, store.received());
        assertEquals(sent, store.sent());
        assertEquals(CAPACITY, store.size());
        assertEquals(store.received() + store.sent(), store.size() + store.evicted(), "held + evicted accounts for every message");
        assertTrue(batches[0] > 1, "the drain ran while producers were still adding");

        List<Message> held = store.snapshot();
        assertEquals(held.size(), mirror.size());
        for (int i = 0; i < held.size(); i++) {
            // The log keeps its rows as columns and makes a message when asked: the same message, not the same object.
            assertEquals(describe(mirror.get(i)), describe(held.get(i)), "the mirror built from batches is the log itself");
        }
        // Oldest first: once one message of a producer is held, so is every later one of it.
        int[] firstSeq = new int[PRODUCERS];
        int[] count = new int[PRODUCERS];
        int[] lastSeq = new int[PRODUCERS];
        java.util.Arrays.fill(lastSeq, -1);
        for (Message m : held) {
            ByteBuffer b = ByteBuffer.wrap(m.payload());
            int producer = b.getInt();
            int seq = b.getInt();
            assertTrue(seq > lastSeq[producer], "each producer's messages stay in the order it added them");
            if (count[producer]++ == 0) {
                firstSeq[producer] = seq;
            }
            lastSeq[producer] = seq;
        }
        for (int p = 0; p < PRODUCERS; p++) {
            if (count[p] > 0) {
                assertEquals(EACH - 1, lastSeq[p], "a producer's newest message is held if any of its messages is");
                assertEquals(EACH - firstSeq[p], count[p], "nothing newer than a held message was evicted");
            }
        }
    }
}
