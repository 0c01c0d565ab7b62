package dev.mqttdesk.core.log.export;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FormulaGuardTest {

    /** Every string of up to five characters from the characters that matter. */
    private static List<String> allShortCells() {
        String alphabet = "'=+-@|\t\ra";
        List<String> cells = new ArrayList<>(List.of(""));
        List<String> previous = List.of("");
        for (int length = 1; length <= 5; length++) {
            List<String> next = new ArrayList<>();
            for (String p : previous) {
                for (char c : alphabet.toCharArray()) {
                    next.add(p + c);
                }
            }
            cells.addAll(next);
            previous = next;
        }
        return cells;
    }

    @Test
    void every_cell_reads_back_exactly_and_none_is_left_starting_with_a_trigger() {
        for (String cell : allShortCells()) {
            String escaped = FormulaGuard.escape(cell);
            assertEquals(cell, FormulaGuard.unescape(escaped), () -> "cell " + cell.replace("\t", "\\t").replace("\r", "\\r"));
            assertTrue(escaped.isEmpty() || "=+-@|\t\r".indexOf(escaped.charAt(0)) < 0, escaped);
        }
    }

    @Test
    void a_pipe_cell_is_escaped_as_older_spreadsheets_run_it_as_a_dde_call() {
        assertEquals("'|calc!A1", FormulaGuard.escape("|calc!A1"));
        assertEquals("|calc!A1", FormulaGuard.unescape("'|calc!A1"));
    }
}
