package dev.mqttdesk.core.diff;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The line diff's edit script, checked on random lists of lines from a small alphabet (so they share many). */
class LineDiffProperties {

    @Provide
    Arbitrary<List<String>> lines() {
        return Arbitraries.of("a", "b", "c", "d", "", "温度").list().ofMaxSize(40);
    }

    @Property(tries = 2_000)
    void kept_and_added_lines_make_the_new_text_kept_and_removed_the_old(@ForAll("lines") List<String> before,
                                                                          @ForAll("lines") List<String> after) {
        List<LineDiff.Edit> script = LineDiff.of(before, after, 100);
        assertNotNull(script);
        List<String> newText = new ArrayList<>();
        List<String> oldText = new ArrayList<>();
        for (LineDiff.Edit e : script) {
            switch (e.op()) {
                case KEEP -> {
                    assertEquals(before.get(e.oldIndex()), after.get(e.newIndex()));
                    newText.add(after.get(e.newIndex()));
                    oldText.add(before.get(e.oldIndex()));
                }
                case ADD -> newText.add(after.get(e.newIndex()));
                case REMOVE -> oldText.add(before.get(e.oldIndex()));
            }
        }
        assertEquals(after, newText);
        assertEquals(before, oldText);
    }

    @Property(tries = 1_000)
    void the_script_is_shortest_it_keeps_as_many_lines_as_the_longest_common_subsequence(
            @ForAll("lines") List<String> before, @ForAll("lines") List<String> after) {
        List<LineDiff.Edit> script = LineDiff.of(before, after, 100);
        long kept = script.stream().filter(e -> e.op() == LineDiff.Op.KEEP).count();
        assertEquals(lcs(before, after), kept);
    }

    @Property(tries = 500)
    void past_its_bound_it_gives_up_instead_of_answering_wrongly(@ForAll("lines") List<String> before,
                                                                 @ForAll("lines") List<String> after) {
        int edits = before.size() + after.size() - 2 * lcs(before, after);
        if (edits > 0) {
            assertNull(LineDiff.of(before, after, edits - 1));
        }
        assertTrue(LineDiff.of(before, after, edits) != null);
    }

    /** The textbook dynamic programme, as the yardstick. */
    private static int lcs(List<String> a, List<String> b) {
        int[][] t = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                t[i][j] = a.get(i).equals(b.get(j)) ? t[i + 1][j + 1] + 1 : Math.max(t[i + 1][j], t[i][j + 1]);
            }
        }
        return t[0][0];
    }
}
