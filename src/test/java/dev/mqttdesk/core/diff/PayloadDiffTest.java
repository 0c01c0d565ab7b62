package dev.mqttdesk.core.diff;

import dev.mqttdesk.core.i18n.Text;
import dev.mqttdesk.core.log.payload.Sizes;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Payload diffs of the three kinds, what each line says, and the bounds. */
class PayloadDiffTest {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> shown(PayloadDiff diff) {
        return diff.lines().stream().map(l -> switch (l.mark()) {
            case SKIPPED -> "(" + l.count() + " unchanged)";
            case MORE -> "(" + l.count() + " more)";
            default -> l.mark().sign() + " " + l.text();
        }).toList();
    }

    @Test
    void nested_json_is_compared_by_path_with_key_order_ignored() {
        PayloadDiff diff = PayloadDiff.of(
                utf8("{\"a\":{\"b\":1,\"c\":\"x\"},\"gone\":true,\"same\":[1,2]}"),
                utf8("{\"same\":[1,2],\"new\":{\"k\":null},\"a\":{\"c\":\"y\",\"b\":1}}"));
        assertEquals(PayloadDiff.Kind.JSON, diff.kind());
        assertEquals(List.of(
                "~ $.a.c: \"x\" \u2192 \"y\"",
                "- $.gone: true",
                "+ $.new: {\"k\":null}"), shown(diff));
        assertEquals(1, diff.added());
        assertEquals(1, diff.removed());
        assertEquals(1, diff.changed());
    }

    @Test
    void json_arrays_are_compared_index_by_index() {
        PayloadDiff diff = PayloadDiff.of(utf8("{\"v\":[10,20,30,[1]]}"), utf8("{\"v\":[10,25,30,[1,2],40,50]}"));
        assertEquals(List.of(
                "~ $.v[1]: 20 \u2192 25",
                "+ $.v[3][1]: 2",
                "+ $.v[4]: 40",
                "+ $.v[5]: 50"), shown(diff));
        PayloadDiff shorter = PayloadDiff.of(utf8("[1,2,3]"), utf8("[1]"));
        assertEquals(List.of("- $[1]: 2", "- $[2]: 3"), shown(shorter));
    }

    @Test
    void a_type_change_names_both_types_and_numbers_compare_by_value() {
        PayloadDiff diff = PayloadDiff.of(utf8("{\"t\":\"21\",\"n\":1,\"o\":{\"x\":1},\"f\":1.0}"),
                utf8("{\"t\":21,\"n\":1.00,\"o\":[1],\"f\":1}"));
        assertEquals(List.of(
                "~ $.t: \"21\" \u2192 21 (string \u2192 number)",
                "~ $.o: {\"x\":1} \u2192 [1] (object \u2192 array)"), shown(diff));
    }

    @Test
    void keys_that_are_not_plain_names_are_quoted_in_the_path() {
        PayloadDiff diff = PayloadDiff.of(utf8("{\"a b\":{\"x.y\":1}}"), utf8("{\"a b\":{\"x.y\":2}}"));
        assertEquals(List.of("~ $[\"a b\"][\"x.y\"]: 1 \u2192 2"), shown(diff));
    }

    @Test
    void equal_payloads_have_no_lines_whatever_their_kind() {
        for (byte[] p : List.of(utf8("{\"b\":1,\"a\":[true]}"), utf8("line 1\nline 2"), new byte[]{0, 1, 2, (byte) 0xFF})) {
            PayloadDiff diff = PayloadDiff.of(p, p.clone());
            assertTrue(diff.same(), () -> diff.toString());
            assertEquals(List.of(), diff.lines());
        }
        assertTrue(PayloadDiff.of(utf8("{\"b\":1,\"a\":2}"), utf8("{ \"a\" : 2, \"b\" : 1 }")).same());
    }

    @Test
    void text_is_compared_by_lines_with_three_lines_of_context_and_the_rest_folded() {
        StringBuilder before = new StringBuilder();
        for (int i = 1; i <= 20; i++) {
            before.append("line ").append(i).append('\n');
        }
        String after = before.toString().replace("line 10\n", "line ten\nline 10½\n").replace("line 2\n", "");
        PayloadDiff diff = PayloadDiff.of(utf8(before.toString()), utf8(after));
        assertEquals(PayloadDiff.Kind.TEXT, diff.kind());
        assertEquals(List.of(
                "  line 1",
                "- line 2",
                "  line 3",
                "  line 4",
                "  line 5",
                "(1 unchanged)",
                "  line 7",
                "  line 8",
                "  line 9",
                "- line 10",
                "+ line ten",
                "+ line 10½",
                "  line 11",
                "  line 12",
                "  line 13",
                "(8 unchanged)"), shown(diff));
        assertEquals(2, diff.added());
        assertEquals(2, diff.removed());
        assertEquals(0, diff.changed());
    }

    @Test
    void a_payload_that_is_json_on_one_side_only_is_compared_as_text() {
        PayloadDiff diff = PayloadDiff.of(utf8("{\"a\":1}"), utf8("offline"));
        assertEquals(PayloadDiff.Kind.TEXT, diff.kind());
        assertEquals(List.of("- {\"a\":1}", "+ offline"), shown(diff));
    }

    @Test
    void binary_is_compared_as_hex_lines_of_16_bytes_their_offsets_left_out_of_the_comparison() {
        byte[] before = new byte[64];
        for (int i = 0; i < before.length; i++) {
            before[i] = (byte) (i * 7);
        }
        byte[] after = new byte[80]; // 16 bytes put in at offset 16, and one byte changed near the end
        System.arraycopy(before, 0, after, 0, 16);
        for (int i = 16; i < 32; i++) {
            after[i] = (byte) 0xAA;
        }
        System.arraycopy(before, 16, after, 32, 48);
        after[79] = 0;
        PayloadDiff diff = PayloadDiff.of(before, after);
        assertEquals(PayloadDiff.Kind.BINARY, diff.kind());
        List<String> lines = shown(diff);
        assertEquals(6, lines.size(), lines::toString);
        assertTrue(lines.get(0).startsWith("  00000000  00 07 0e 15"), lines::toString);
        assertTrue(lines.get(1).startsWith("+ 00000010  aa aa aa aa"), lines::toString);
        assertTrue(lines.get(2).startsWith("  00000020  70 77 7e 85"), lines::toString); // the old row 16, now at 32
        assertTrue(lines.get(3).startsWith("  00000030"), lines::toString);
        assertTrue(lines.get(4).startsWith("- 00000030  50 57 5e 65"), lines::toString);
        assertTrue(lines.get(5).startsWith("+ 00000040  50 57 5e 65") && lines.get(5).contains(" 00  |"), lines::toString);
        assertEquals(2, diff.added());
        assertEquals(1, diff.removed());
    }

    @Test
    void invalid_utf8_or_control_characters_make_it_binary() {
        assertEquals(PayloadDiff.Kind.BINARY, PayloadDiff.of(utf8("a"), new byte[]{(byte) 0xC3}).kind());
        assertEquals(PayloadDiff.Kind.BINARY, PayloadDiff.of(utf8("a"), utf8("a\u0000b")).kind());
        assertEquals(PayloadDiff.Kind.TEXT, PayloadDiff.of(utf8("a\tb\r\n"), utf8("温度\n")).kind());
    }

    @Test
    void payloads_over_the_bound_are_not_compared_and_it_says_how_big_they_are() {
        byte[] big = new byte[16 * 1024 * 1024];
        PayloadDiff diff = PayloadDiff.of(utf8("{}"), big);
        assertNull(diff.kind());
        assertFalse(diff.same());
        assertEquals(Text.of("diff.tooLarge", Sizes.human(2), Sizes.human(big.length), Sizes.human(PayloadDiff.MAX_BYTES)),
                diff.problem());
    }

    @Test
    void too_many_changed_lines_are_not_compared_line_by_line() {
        StringBuilder a = new StringBuilder();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < PayloadDiff.MAX_EDITS; i++) {
            a.append("a").append(i).append('\n');
            b.append("b").append(i).append('\n');
        }
        PayloadDiff diff = PayloadDiff.of(utf8(a.toString()), utf8(b.toString()));
        assertEquals(Text.of("diff.tooDifferent", PayloadDiff.MAX_EDITS), diff.problem());
        assertEquals(List.of(), diff.lines());
    }

    @Test
    void more_json_differences_than_shown_end_in_a_count_of_the_rest() {
        StringBuilder a = new StringBuilder("[");
        StringBuilder b = new StringBuilder("[");
        int n = PayloadDiff.MAX_SHOWN + 5;
        for (int i = 0; i < n; i++) {
            a.append(i == 0 ? "" : ",").append(i);
            b.append(i == 0 ? "" : ",").append(i + 1);
        }
        PayloadDiff diff = PayloadDiff.of(utf8(a + "]"), utf8(b + "]"));
        assertEquals(n, diff.changed());
        assertEquals(PayloadDiff.MAX_SHOWN + 1, diff.lines().size());
        assertEquals(new DiffLine(DiffLine.Mark.MORE, null, 5), diff.lines().get(PayloadDiff.MAX_SHOWN));
    }
}
