package dev.mqttdesk.log;

import dev.mqttdesk.core.log.Message;
import dev.mqttdesk.core.log.MessageStore;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The table's list against a real store: its changes rebuild exactly what it shows, window and all. */
class StoreRowsTest {

    private static Message msg(int i) {
        return Message.received("t", 0, false, ByteBuffer.allocate(4).putInt(i).array(), dev.mqttdesk.core.message.MessageProperties.NONE);
    }

    private static int number(Message m) {
        return ByteBuffer.wrap(m.payload()).getInt();
    }

    /** What a listener rebuilds from the list's change events alone. */
    private static List<Integer> mirror(StoreRows rows) {
        List<Integer> mirror = new ArrayList<>();
        rows.addListener((ListChangeListener<Message>) c -> {
            while (c.next()) {
                if (c.wasRemoved()) {
                    mirror.subList(c.getFrom(), c.getFrom() + c.getRemovedSize()).clear();
                }
                if (c.wasAdded()) {
                    for (Message m : c.getAddedSubList()) {
                        mirror.add(c.getFrom() + mirror.size() - c.getFrom(), number(m));
                    }
                }
            }
        });
        return mirror;
    }

    private static List<Integer> numbers(StoreRows rows) {
        List<Integer> out = new ArrayList<>();
        for (Message m : rows) {
            out.add(number(m));
        }
        return out;
    }

    @Test
    void the_newest_rows_are_shown_up_to_the_window_and_a_paused_table_keeps_its_rows() {
        MessageStore store = new MessageStore(StoreRows.TABLE_ROWS + 20_000, Runnable::run);
        StoreRows rows = StoreRows.range(store);
        boolean[] follow = {true};
        store.addBatchListener(b -> rows.advance(b.evicted(), b.addedFrom(), b.added().size(), follow[0]));
        List<Integer> mirror = mirror(rows);
        int n = StoreRows.TABLE_ROWS + 10_000;
        for (int i = 0; i < n; i++) {
            store.add(msg(i));
        }
        assertEquals(StoreRows.TABLE_ROWS, rows.size());
        assertEquals(n, rows.total());
        assertEquals(10_000, number(rows.get(0)), "the newest rows are shown");
        assertEquals(numbers(rows), mirror, "the change events rebuild the list");

        follow[0] = false;
        for (int i = n; i < n + 30_000; i++) { // 20,000 of the oldest go from the log
            store.add(msg(i));
        }
        assertEquals(n - 1, number(rows.get(rows.size() - 1)), "paused: new rows wait");
        assertEquals(20_000, number(rows.get(0)), "evicted rows still go");
        assertEquals(numbers(rows), mirror);

        follow[0] = true;
        rows.advance(0, rows.endSeq(), 0, true); // resumed
        assertEquals(n + 29_999, number(rows.get(rows.size() - 1)));
        assertEquals(StoreRows.TABLE_ROWS, rows.size());
        assertEquals(numbers(rows), mirror);

        store.clear();
        rows.clear(store.nextSeq());
        assertEquals(List.of(), mirror);
        store.add(msg(7));
        assertEquals(List.of(7), mirror);
    }

    @Test
    void picked_rows_drop_the_evicted_and_show_the_newest_of_the_window() {
        MessageStore store = new MessageStore(200_000, Runnable::run);
        StoreRows picked = StoreRows.picked(store);
        List<Integer> mirror = mirror(picked);
        for (int i = 0; i < 150_000; i++) {
            store.add(msg(i));
        }
        long[] even = new long[75_000];
        for (int i = 0; i < even.length; i++) {
            even[i] = store.firstSeq() + 2L * i;
        }
        picked.update(store.firstSeq(), even, even.length, true);
        assertEquals(StoreRows.TABLE_ROWS, picked.size());
        assertEquals(75_000, picked.total());
        assertEquals(2 * (75_000 - StoreRows.TABLE_ROWS), number(picked.get(0)));
        assertEquals(numbers(picked), mirror);

        store.resize(100_000); // the oldest 50,000 go: 25,000 of the picked
        picked.update(store.firstSeq(), new long[0], 0, true);
        assertEquals(50_000, picked.total());
        assertEquals(numbers(picked), mirror);
        assertEquals(149_998, number(picked.get(picked.size() - 1)));
    }
}
