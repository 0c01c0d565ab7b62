package dev.mqttdesk.core.log;

import dev.mqttdesk.core.message.MessageProperties;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MessageStoreTest {

    /** An executor that runs what it is given only when the test says so, like a busy UI thread. */
    private final Queue<Runnable> pending = new ArrayDeque<>();
    private final List<MessageStore.Batch> batches = new ArrayList<>();

    private static Message msg(int i) {
        return Message.received("t/" + i, 0, false, new byte[]{(byte) i}, MessageProperties.NONE);
    }

    @Test
    void many_messages_before_the_ui_runs_cost_one_drain() {
        MessageStore store = new MessageStore(100, pending::add);
        store.addBatchListener(batches::add);
        for (int i = 0; i < 50; i++) {
            store.add(msg(i));
        }
        assertEquals(1, pending.size(), "one drain scheduled for fifty messages");
        pending.poll().run();
        assertEquals(1, batches.size());
        assertEquals(50, batches.get(0).added().size());
        store.add(msg(50));
        assertEquals(1, pending.size(), "after a drain the next message schedules again");
    }

    @Test
    void payloads_larger_than_the_next_shared_block_but_under_their_own_are_kept_whole() {
        // 4 KiB, 8 KiB, 16 KiB, 32 KiB blocks come first: 5,000 and 20,000 bytes used to overrun them
        MessageStore store = new MessageStore(100, pending::add);
        List<byte[]> sent = new ArrayList<>();
        for (int size : new int[]{5_000, 20_000, 20_000, 20_000, 65_535, 3}) {
            byte[] payload = new byte[size];
            java.util.Arrays.fill(payload, (byte) sent.size());
            payload[size - 1] = (byte) 0x7f;
            sent.add(payload);
            store.add(Message.received("t/" + size, 0, false, payload, MessageProperties.NONE));
        }
        List<Message> held = store.snapshot();
        assertEquals(sent.size(), held.size());
        for (int i = 0; i < sent.size(); i++) {
            assertArrayEquals(sent.get(i), held.get(i).payload(), "payload " + i);
        }
        store.clear(); // a cleared log starts again with small blocks
        byte[] again = new byte[40_000];
        again[39_999] = 1;
        store.add(Message.received("t/again", 0, false, again, MessageProperties.NONE));
        assertArrayEquals(again, store.snapshot().get(0).payload());
        assertEquals(1, store.snapshot().size());
    }

    @Test
    void the_oldest_messages_are_evicted_first_and_counted() {
        MessageStore store = new MessageStore(3, pending::add);
        store.addBatchListener(batches::add);
        for (int i = 0; i < 5; i++) {
            store.add(msg(i));
            pending.poll().run();
        }
        assertEquals(List.of("t/2", "t/3", "t/4"), store.snapshot().stream().map(Message::topic).toList());
        assertEquals(5, store.received());
        assertEquals(2, store.evicted());
        assertEquals(1, batches.get(3).evicted());
    }

    @Test
    void a_batch_larger_than_the_log_keeps_its_newest_and_counts_the_rest() {
        MessageStore store = new MessageStore(3, pending::add);
        store.addBatchListener(batches::add);
        store.add(msg(0));
        pending.poll().run();
        for (int i = 1; i <= 5; i++) {
            store.add(msg(i));
        }
        pending.poll().run();
        MessageStore.Batch last = batches.get(1);
        assertEquals(List.of("t/3", "t/4", "t/5"), last.added().stream().map(Message::topic).toList());
        assertEquals(1, last.evicted(), "the one held message is pushed out of the mirror");
        assertEquals(3, store.size());
        assertEquals(6, store.received());
        assertEquals(3, store.evicted());
        assertEquals(store.received(), store.size() + store.evicted());
    }

    @Test
    void clear_empties_the_log_and_the_counters() {
        MessageStore store = new MessageStore(10, pending::add);
        store.addBatchListener(batches::add);
        store.add(msg(1));
        store.add(Message.sent("x", 1, true, new byte[0]));
        pending.poll().run();
        assertEquals(1, store.sent());
        store.clear();
        assertEquals(0, store.size());
        assertEquals(0, store.received());
        assertEquals(0, store.sent());
    }

    @Test
    void shrinking_the_log_evicts_the_oldest_and_counts_them_and_growing_keeps_all() {
        MessageStore store = new MessageStore(5, pending::add);
        store.addBatchListener(batches::add);
        for (int i = 0; i < 5; i++) {
            store.add(msg(i));
        }
        pending.poll().run();
        assertEquals(3, store.resize(2));
        assertEquals(List.of("t/3", "t/4"), store.snapshot().stream().map(Message::topic).toList());
        assertEquals(3, store.evicted());
        assertEquals(0, store.resize(10));
        store.add(msg(5));
        pending.poll().run();
        assertEquals(List.of("t/3", "t/4", "t/5"), store.snapshot().stream().map(Message::topic).toList());
        assertEquals(store.received(), store.size() + store.evicted());
    }

    @Test
    void a_log_grows_over_pages_and_keeps_order_through_wrap_resize_and_clear() {
        int capacity = MessageStore.PAGE * 3 + 7;
        MessageStore store = new MessageStore(capacity, pending::add);
        int total = capacity + 500;
        for (int i = 0; i < total; i++) {
            store.add(msg(i));
            if (i % 333 == 0) {
                pending.poll().run(); // drains of many sizes, some crossing a growth
            }
        }
        if (!pending.isEmpty()) {
            pending.poll().run();
        }
        assertEquals(capacity, store.size());
        assertEquals(500, store.evicted());
        assertEquals(topics(500, total), store.snapshot().stream().map(Message::topic).toList());

        assertEquals(capacity - 100, store.resize(100), "shrinking evicts the oldest and counts them");
        assertEquals(topics(total - 100, total), store.snapshot().stream().map(Message::topic).toList());
        store.resize(capacity);
        for (int i = total; i < total + 2000; i++) {
            store.add(msg(i));
        }
        pending.poll().run();
        assertEquals(topics(total - 100, total + 2000), store.snapshot().stream().map(Message::topic).toList());

        store.clear();
        store.add(msg(1));
        pending.poll().run();
        assertEquals(List.of("t/1"), store.snapshot().stream().map(Message::topic).toList());
    }

    private static List<String> topics(int from, int to) {
        List<String> t = new ArrayList<>();
        for (int i = from; i < to; i++) {
            t.add("t/" + i);
        }
        return t;
    }

    @Test
    void two_consumers_each_see_every_batch_in_order_and_a_removed_one_hears_no_more() {
        MessageStore store = new MessageStore(4, pending::add);
        List<String> heard = new ArrayList<>();
        List<List<Message>> table = new ArrayList<>();
        List<List<Message>> tree = new ArrayList<>();
        java.util.function.Consumer<MessageStore.Batch> first = b -> {
            heard.add("table");
            table.add(b.added());
        };
        java.util.function.Consumer<MessageStore.Batch> second = b -> {
            heard.add("tree");
            tree.add(b.added());
        };
        store.addBatchListener(first);
        store.addBatchListener(second);
        List<Message> sent = new ArrayList<>();
        for (int batch = 0; batch < 3; batch++) {
            for (int i = 0; i < 3; i++) {
                Message m = msg(batch * 3 + i);
                sent.add(m);
                store.add(m);
            }
            pending.poll().run();
        }
        assertEquals(List.of("table", "tree", "table", "tree", "table", "tree"), heard, "in the order they were added");
        assertEquals(List.of(sent.subList(0, 3), sent.subList(3, 6), sent.subList(6, 9)), table);
        assertEquals(table, tree, "both see the same batches");
        assertThrows(UnsupportedOperationException.class, () -> table.get(0).clear(), "no consumer changes what the next sees");

        store.removeBatchListener(second);
        store.add(msg(9));
        pending.poll().run();
        assertEquals(4, table.size());
        assertEquals(3, tree.size());
    }

    private static Message sized(int i, int bytes) {
        byte[] payload = new byte[bytes];
        payload[0] = (byte) i;
        return Message.received("t/" + i, 0, false, payload, MessageProperties.NONE);
    }

    @Test
    void the_bound_by_bytes_evicts_the_oldest_and_counts_them_and_keeps_the_newest_even_when_alone_too_big() {
        int row = MessageStore.ROW_BYTES;
        MessageStore store = new MessageStore(1_000, 3 * (1_000 + row), pending::add);
        store.addBatchListener(batches::add);
        for (int i = 0; i < 5; i++) {
            store.add(sized(i, 1_000));
        }
        assertEquals(List.of("t/2", "t/3", "t/4"), store.snapshot().stream().map(Message::topic).toList());
        assertEquals(2, store.evicted());
        assertEquals(3L * (1_000 + row), store.heldBytes());
        pending.poll().run();
        assertEquals(List.of("t/2", "t/3", "t/4"), batches.get(0).added().stream().map(Message::topic).toList(),
                "the evicted ones never reach the listeners");

        store.add(sized(5, 100_000)); // larger than the bound alone: it stays, everything older goes
        pending.poll().run();
        assertEquals(List.of("t/5"), store.snapshot().stream().map(Message::topic).toList());
        assertEquals(3, batches.get(1).evicted());
        assertEquals(100_000 + row, store.heldBytes());
        assertEquals(store.received(), store.size() + store.evicted());

        assertEquals(0, store.setMaxBytes(1_000_000), "raising the bound evicts nothing");
        for (int i = 6; i < 16; i++) {
            store.add(sized(i, 10));
        }
        assertEquals(1, store.setMaxBytes(20 * (10 + row)), "lowering it evicts the oldest (the big one)");
        assertEquals(10, store.size());
        assertEquals(store.received(), store.size() + store.evicted());
    }

    @Test
    void a_large_payload_is_held_as_it_came_and_small_ones_come_back_byte_for_byte() {
        MessageStore store = new MessageStore(10, pending::add);
        byte[] big = new byte[PayloadBlocks.OWN_BLOCK];
        big[7] = 7;
        MessageProperties props = MessageProperties.builder().contentType("x").build();
        store.add(Message.received("big", 1, true, big, props));
        store.add(sized(3, 5));
        Message first = store.row(store.firstSeq());
        assertSame(big, first.payload(), "no copy of a large payload");
        assertSame(props, first.properties(), "one reference, as it came");
        assertEquals(1, first.qos());
        assertTrue(first.retain());
        Message second = store.row(store.firstSeq() + 1);
        assertArrayEquals(new byte[]{3, 0, 0, 0, 0}, second.payload());
        assertSame(MessageProperties.NONE, second.properties());
        assertNull(store.row(store.firstSeq() + 2), "not yet come");
    }

    @Test
    void clear_during_a_flood_leaves_counters_and_log_agreeing() throws Exception {
        java.util.concurrent.ExecutorService drain = java.util.concurrent.Executors.newSingleThreadExecutor();
        MessageStore store = new MessageStore(5_000, drain);
        long[] mirror = new long[1];
        store.addBatchListener(b -> mirror[0] += b.added().size() - b.evicted());
        Thread producer = new Thread(() -> {
            for (int i = 0; i < 200_000; i++) {
                store.add(sized(i, 20));
            }
        });
        producer.start();
        for (int k = 0; k < 20 && producer.isAlive(); k++) {
            drain.submit(() -> {
                store.clear();
                mirror[0] = 0;
            }).get();
            Thread.sleep(2);
        }
        producer.join(60_000);
        drain.submit(store::drain).get();
        MessageStore.Counts c = store.counts();
        assertEquals(c.received(), c.held() + c.evicted(), "received == held + evicted after clears in a flood");
        assertEquals(c.held(), drain.submit(() -> mirror[0]).get(), "a mirror of the batches holds what the log holds");
        assertEquals(store.snapshot().size(), c.held());
        drain.shutdown();
    }
}
