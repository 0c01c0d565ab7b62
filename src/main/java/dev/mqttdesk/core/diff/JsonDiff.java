package dev.mqttdesk.core.diff;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Two JSON documents compared by structure: objects key by key (their order ignored), arrays index
 * by index, everything else by value (numbers by their value, so 1 and 1.0 are equal). Each
 * difference is one line with its path, like {@code $.a.b[2]}, in the order of the old document,
 * then the keys only the new one has.
 */
final class JsonDiff {

    /** Values longer than this are cut in a line; the JSON tab shows them whole. */
    static final int MAX_VALUE_CHARS = 120;
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$-]*");

    private final Collector out;

    private JsonDiff(Collector out) {
        this.out = out;
    }

    static void compare(JsonNode before, JsonNode after, Collector out) {
        new JsonDiff(out).walk("$", before, after);
    }

    private void walk(String path, JsonNode a, JsonNode b) {
        if (a.isObject() && b.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = a.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode other = b.get(e.getKey());
                String at = path + step(e.getKey());
                if (other == null) {
                    out.add(DiffLine.Mark.REMOVED, at + ": " + value(e.getValue()));
                } else {
                    walk(at, e.getValue(), other);
                }
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = b.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!a.has(e.getKey())) {
                    out.add(DiffLine.Mark.ADDED, path + step(e.getKey()) + ": " + value(e.getValue()));
                }
            }
        } else if (a.isArray() && b.isArray()) {
            int shared = Math.min(a.size(), b.size());
            for (int i = 0; i < shared; i++) {
                walk(path + "[" + i + "]", a.get(i), b.get(i));
            }
            for (int i = shared; i < a.size(); i++) {
                out.add(DiffLine.Mark.REMOVED, path + "[" + i + "]: " + value(a.get(i)));
            }
            for (int i = shared; i < b.size(); i++) {
                out.add(DiffLine.Mark.ADDED, path + "[" + i + "]: " + value(b.get(i)));
            }
        } else if (!sameValue(a, b)) {
            String kinds = kind(a).equals(kind(b)) ? "" : " (" + kind(a) + " \u2192 " + kind(b) + ")";
            out.add(DiffLine.Mark.CHANGED, path + ": " + value(a) + " \u2192 " + value(b) + kinds);
        }
    }

    private static boolean sameValue(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        return a.equals(b);
    }

    /** JSON's own name of the value's type. */
    private static String kind(JsonNode n) {
        return switch (n.getNodeType()) {
            case OBJECT -> "object";
            case ARRAY -> "array";
            case STRING -> "string";
            case NUMBER -> "number";
            case BOOLEAN -> "boolean";
            case NULL -> "null";
            default -> n.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static String step(String name) {
        return PLAIN_NAME.matcher(name).matches() ? "." + name : "[\"" + name + "\"]";
    }

    private static String value(JsonNode n) {
        String s = n.toString();
        return s.length() <= MAX_VALUE_CHARS ? s : s.substring(0, MAX_VALUE_CHARS) + "\u2026";
    }

    /** Where the lines go; it counts them all and keeps the first few. */
    static final class Collector {
        private final int maxLines;
        private final List<DiffLine> lines;
        int added;
        int removed;
        int changed;

        Collector(int maxLines, List<DiffLine> lines) {
            this.maxLines = maxLines;
            this.lines = lines;
        }

        void add(DiffLine.Mark mark, String text) {
            switch (mark) {
                case ADDED -> added++;
                case REMOVED -> removed++;
                case CHANGED -> changed++;
                default -> { }
            }
            if (lines.size() < maxLines) {
                lines.add(DiffLine.of(mark, text));
            }
        }

        int total() {
            return added + removed + changed;
        }
    }
}
