package dev.mqttdesk.tree;

import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.TreeItem;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.constraints.UniqueElements;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The topic tree's bulk insertion: sorted as one by one would be, in no more changes than runs. */
class InsertSortedTest {

    private static final Comparator<TreeItem<String>> BY_VALUE = Comparator.comparing(TreeItem::getValue);

    @Property(tries = 2_000)
    void siblings_end_sorted_holding_both_and_a_new_parent_takes_its_children_in_one_change(
            @ForAll @UniqueElements @Size(max = 40) List<@StringLength(min = 1, max = 3) String> names,
            @ForAll int split) {
        int cut = names.isEmpty() ? 0 : Math.floorMod(split, names.size() + 1);
        List<String> old = new ArrayList<>(names.subList(0, cut));
        old.sort(Comparator.naturalOrder());
        ObservableList<TreeItem<String>> siblings = FXCollections.observableArrayList();
        old.forEach(n -> siblings.add(new TreeItem<>(n)));
        AtomicInteger changes = new AtomicInteger();
        siblings.addListener((ListChangeListener<TreeItem<String>>) c -> {
            while (c.next()) {
                changes.incrementAndGet();
            }
        });
        List<TreeItem<String>> fresh = new ArrayList<>();
        names.subList(cut, names.size()).forEach(n -> fresh.add(new TreeItem<>(n)));

        TopicTreeView.insertSorted(siblings, fresh, BY_VALUE);

        List<String> expected = new ArrayList<>(names);
        expected.sort(Comparator.naturalOrder());
        assertEquals(expected, siblings.stream().map(TreeItem::getValue).toList());
        assertTrue(changes.get() <= Math.min(fresh.size(), old.size() + 1), changes + " changes for " + fresh.size());
        if (old.isEmpty() && !fresh.isEmpty()) {
            assertEquals(1, changes.get());
        }
    }
}
