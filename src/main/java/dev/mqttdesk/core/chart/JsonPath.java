package dev.mqttdesk.core.chart;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mqttdesk.core.i18n.InputField;
import dev.mqttdesk.core.i18n.InvalidInputException;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * A path into a JSON document as the plot takes it: {@code $}, then {@code .name}, {@code [index]} or
 * {@code ["name"]} / {@code ['name']} steps, e.g. {@code $.sensors[0].temp}. Immutable.
 */
public final class JsonPath {

    private sealed interface Step permits Name, Index {
    }

    private record Name(String name) implements Step {
    }

    private record Index(int index) implements Step {
    }

    private final String text;
    private final List<Step> steps;

    private JsonPath(String text, List<Step> steps) {
        this.text = text;
        this.steps = List.copyOf(steps);
    }

    /** Reads a path; a path that is not one is refused with the place and the reason. */
    public static JsonPath parse(String text) {
        String t = text == null ? "" : text.strip();
        if (!t.startsWith("$")) {
            throw refused(t, "plot.path.start");
        }
        List<Step> steps = new ArrayList<>();
        int i = 1;
        while (i < t.length()) {
            char c = t.charAt(i);
            if (c == '.') {
                int end = i + 1;
                while (end < t.length() && t.charAt(end) != '.' && t.charAt(end) != '[') {
                    end++;
                }
                if (end == i + 1) {
                    throw refused(t, "plot.path.emptyName");
                }
                steps.add(new Name(t.substring(i + 1, end)));
                i = end;
            } else if (c == '[') {
                int close = t.indexOf(']', i);
                if (close < 0) {
                    throw refused(t, "plot.path.unclosed");
                }
                String inside = t.substring(i + 1, close).strip();
                if (inside.length() >= 2 && (inside.startsWith("\"") && inside.endsWith("\"")
                        || inside.startsWith("'") && inside.endsWith("'"))) {
                    steps.add(new Name(inside.substring(1, inside.length() - 1)));
                } else {
                    try {
                        int index = Integer.parseInt(inside);
                        if (index < 0) {
                            throw refused(t, "plot.path.badIndex");
                        }
                        steps.add(new Index(index));
                    } catch (NumberFormatException e) {
                        throw refused(t, "plot.path.badIndex");
                    }
                }
                i = close + 1;
            } else {
                throw refused(t, "plot.path.unexpected");
            }
        }
        return new JsonPath(t, steps);
    }

    private static InvalidInputException refused(String path, String reasonKey) {
        return new InvalidInputException(InputField.PLOT_PATH, "plot.path.invalid", path,
                dev.mqttdesk.core.i18n.Text.of(reasonKey));
    }

    /** The number at this path: a JSON number, or a string that holds one; empty for anything else or nothing. */
    public OptionalDouble read(JsonNode root) {
        JsonNode node = root;
        for (Step s : steps) {
            if (node == null) {
                return OptionalDouble.empty();
            }
            node = s instanceof Name n ? node.get(n.name()) : node.get(((Index) s).index());
        }
        if (node == null) {
            return OptionalDouble.empty();
        }
        if (node.isNumber()) {
            return OptionalDouble.of(node.doubleValue());
        }
        return node.isTextual() ? Numbers.parse(node.textValue()) : OptionalDouble.empty();
    }

    public boolean isRoot() {
        return steps.isEmpty();
    }

    @Override
    public String toString() {
        return text;
    }
}
