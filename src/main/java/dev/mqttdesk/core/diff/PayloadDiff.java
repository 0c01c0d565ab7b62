package dev.mqttdesk.core.diff;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.mqttdesk.core.i18n.Text;
import dev.mqttdesk.core.log.payload.HexLines;
import dev.mqttdesk.core.log.payload.Lines;
import dev.mqttdesk.core.log.payload.Sizes;
import dev.mqttdesk.core.log.payload.TextLines;
import dev.mqttdesk.core.log.payload.Utf8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * What changed from one payload to the next, read the way the detail pane reads a payload: JSON
 * (both documents parse) by structure, text (both valid UTF-8 without control characters) by
 * lines as the Text tab cuts them, anything else as the Hex tab's lines of 16 bytes. The work is
 * bounded: payloads over {@link #MAX_BYTES}, more than {@link #MAX_LINES} lines or more than
 * {@link #MAX_EDITS} changed lines are not compared, and {@link #problem()} says so in words.
 *
 * @param kind    how the payloads were compared; null when they were not
 * @param lines   the differences to show, at most {@link #MAX_SHOWN} (with unchanged runs folded)
 * @param problem why they were not compared; null when they were
 */
public record PayloadDiff(Kind kind, List<DiffLine> lines, int added, int removed, int changed, Text problem) {

    public enum Kind { JSON, TEXT, BINARY }

    public static final int MAX_BYTES = 1024 * 1024;
    public static final int MAX_LINES = 100_000;
    public static final int MAX_EDITS = 1_000;
    public static final int MAX_SHOWN = 2_000;
    /** Unchanged lines shown around each change; longer unchanged runs fold into one line. */
    static final int CONTEXT = 3;

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();

    public PayloadDiff {
        lines = List.copyOf(lines);
    }

    /** Compares {@code before} with {@code after}: linear in their size for JSON, lines times changes otherwise. Off the UI thread. */
    public static PayloadDiff of(byte[] before, byte[] after) {
        if (before.length > MAX_BYTES || after.length > MAX_BYTES) {
            return refused(null, Text.of("diff.tooLarge", Sizes.human(before.length),
                    Sizes.human(after.length), Sizes.human(MAX_BYTES)));
        }
        JsonNode a = json(before);
        JsonNode b = a == null ? null : json(after);
        if (a != null && b != null) {
            List<DiffLine> lines = new ArrayList<>();
            JsonDiff.Collector out = new JsonDiff.Collector(MAX_SHOWN, lines);
            JsonDiff.compare(a, b, out);
            if (out.total() > lines.size()) {
                lines.add(new DiffLine(DiffLine.Mark.MORE, null, out.total() - lines.size()));
            }
            return new PayloadDiff(Kind.JSON, lines, out.added, out.removed, out.changed, null);
        }
        if (isText(before) && isText(after)) {
            return byLines(Kind.TEXT, TextLines.of(before), TextLines.of(after), UnaryOperator.identity());
        }
        // The offset is left out of the comparison, so 16 bytes put in or taken out shift no line.
        return byLines(Kind.BINARY, new HexLines(before), new HexLines(after), line -> line.substring(10));
    }

    /** Whether the two payloads are the same, as far as this kind of comparison sees. */
    public boolean same() {
        return problem == null && added + removed + changed == 0;
    }

    private static PayloadDiff refused(Kind kind, Text problem) {
        return new PayloadDiff(kind, List.of(), 0, 0, 0, problem);
    }

    private static PayloadDiff byLines(Kind kind, Lines before, Lines after, UnaryOperator<String> key) {
        if (before.lineCount() > MAX_LINES || after.lineCount() > MAX_LINES) {
            return refused(kind, Text.of("diff.tooManyLines", Math.max(before.lineCount(), after.lineCount()), MAX_LINES));
        }
        List<LineDiff.Edit> script = LineDiff.of(keys(before, key), keys(after, key), MAX_EDITS);
        if (script == null) {
            return refused(kind, Text.of("diff.tooDifferent", MAX_EDITS));
        }
        int added = 0;
        int removed = 0;
        for (LineDiff.Edit e : script) {
            switch (e.op()) {
                case ADD -> added++;
                case REMOVE -> removed++;
                default -> { }
            }
        }
        return new PayloadDiff(kind, render(script, before, after), added, removed, 0, null);
    }

    private static List<String> keys(Lines lines, UnaryOperator<String> key) {
        return new AbstractList<>() {
            @Override
            public String get(int index) {
                return key.apply(lines.line(index));
            }

            @Override
            public int size() {
                return lines.lineCount();
            }
        };
    }

    /** The script as lines: changes with {@link #CONTEXT} unchanged lines around them, longer unchanged runs folded. */
    private static List<DiffLine> render(List<LineDiff.Edit> script, Lines before, Lines after) {
        int n = script.size();
        boolean[] near = new boolean[n];
        for (int i = 0, last = Integer.MIN_VALUE / 2; i < n; i++) {
            if (script.get(i).op() != LineDiff.Op.KEEP) {
                last = i;
            }
            near[i] = i - last <= CONTEXT;
        }
        for (int i = n - 1, next = Integer.MAX_VALUE / 2; i >= 0; i--) {
            if (script.get(i).op() != LineDiff.Op.KEEP) {
                next = i;
            }
            near[i] |= next - i <= CONTEXT;
        }
        List<DiffLine> lines = new ArrayList<>();
        boolean anyChange = false;
        for (int i = 0; i < n; i++) {
            LineDiff.Edit e = script.get(i);
            anyChange |= e.op() != LineDiff.Op.KEEP;
            if (lines.size() == MAX_SHOWN) {
                int left = (int) script.subList(i, n).stream().filter(s -> s.op() != LineDiff.Op.KEEP).count();
                if (left > 0) {
                    lines.add(new DiffLine(DiffLine.Mark.MORE, null, left));
                }
                break;
            }
            if (e.op() == LineDiff.Op.KEEP && !near[i]) {
                int run = 1;
                while (i + run < n && script.get(i + run).op() == LineDiff.Op.KEEP && !near[i + run]) {
                    run++;
                }
                lines.add(new DiffLine(DiffLine.Mark.SKIPPED, null, run));
                i += run - 1;
                continue;
            }
            lines.add(switch (e.op()) {
                case KEEP -> DiffLine.of(DiffLine.Mark.SAME, after.line(e.newIndex()));
                case ADD -> DiffLine.of(DiffLine.Mark.ADDED, after.line(e.newIndex()));
                case REMOVE -> DiffLine.of(DiffLine.Mark.REMOVED, before.line(e.oldIndex()));
            });
        }
        return anyChange ? lines : List.of();
    }

    /** The document, or null when the payload is not one JSON value. */
    private static JsonNode json(byte[] payload) {
        try {
            JsonNode tree = JSON.readTree(payload);
            return tree == null || tree.isMissingNode() ? null : tree;
        } catch (JsonProcessingException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e); // an in-memory payload: not expected
        }
    }

    /** Valid UTF-8 with no control characters but tab, line feed and carriage return. */
    static boolean isText(byte[] payload) {
        for (byte c : payload) {
            if (c >= 0 && c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7F) {
                return false;
            }
        }
        return Utf8.isValid(payload);
    }
}
