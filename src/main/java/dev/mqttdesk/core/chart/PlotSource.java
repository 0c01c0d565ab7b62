package dev.mqttdesk.core.chart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mqttdesk.core.i18n.InputField;
import dev.mqttdesk.core.i18n.InvalidInputException;
import dev.mqttdesk.core.topic.Topics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.OptionalDouble;

/**
 * Where one plotted series takes its numbers: messages on one topic (a filter with {@code +} and {@code #}
 * is allowed), and either the payload itself as a number or a JSON path inside it.
 */
public record PlotSource(String topic, JsonPath path) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Reads what the user typed; an empty path means the payload is the number. */
    public static PlotSource of(String topic, String path) {
        String t = topic == null ? "" : topic.strip();
        if (t.isEmpty()) {
            throw new InvalidInputException(InputField.PLOT_TOPIC, "plot.topic.empty");
        }
        try {
            Topics.requireFilter(t);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(InputField.PLOT_TOPIC, e.text());
        }
        String p = path == null ? "" : path.strip();
        return new PlotSource(t, p.isEmpty() ? null : JsonPath.parse(p));
    }

    public boolean matches(String messageTopic) {
        return Topics.matches(topic, messageTopic);
    }

    /** The number this message gives, if any. */
    public OptionalDouble read(byte[] payload) {
        if (path == null) {
            return Numbers.parse(new String(payload, StandardCharsets.UTF_8));
        }
        JsonNode root;
        try {
            root = JSON.readTree(payload);
        } catch (IOException notJson) {
            return OptionalDouble.empty();
        }
        return root == null ? OptionalDouble.empty() : path.read(root);
    }

    /** The series' name in the legend and in the CSV. */
    public String label() {
        return path == null ? topic : topic + " " + path;
    }
}
