package dev.mqttdesk.core.log;

import dev.mqttdesk.core.message.MessageProperties;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
    void a_log_grows_past_its_first_ring_and_keeps_order_through_wrap_resize_and_clear() {
        int capacity = MessageStore.INITIAL_RING * 3 + 7;
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
}
