package dev.mqttdesk.core.message;

import dev.mqttdesk.core.i18n.InputField;
import dev.mqttdesk.core.i18n.InvalidInputException;
import dev.mqttdesk.core.i18n.Text;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One MQTT 5 user property: a name and a value, both UTF-8 strings. A packet (PUBLISH, CONNECT, the will,
 * CONNACK) may carry the same name several times; lists of these keep order and repeats.
 */
public record UserProperty(String name, String value) {

    public UserProperty {
        name = name == null ? "" : name;
        value = value == null ? "" : value;
    }

    /**
     * Reads user properties written one {@code name=value} per line, split at the first {@code =},
     * nothing trimmed, in order, repeated names kept; blank lines are skipped. A line the protocol
     * cannot carry is refused naming its number.
     */
    public static List<UserProperty> parse(String text, InputField field) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<UserProperty> list = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank()) {
                continue;
            }
            String number = String.valueOf(i + 1);
            int eq = line.indexOf('=');
            if (eq < 0) {
                throw new InvalidInputException(field, "error.userProperty.noEquals", number);
            }
            UserProperty p = new UserProperty(line.substring(0, eq), line.substring(eq + 1));
            Text problem = MqttStrings.problem(p.name);
            problem = problem == null ? MqttStrings.problem(p.value) : problem;
            if (problem != null) {
                throw new InvalidInputException(field, Text.of("error.userProperty.line", number, problem));
            }
            list.add(p);
        }
        return List.copyOf(list);
    }

    /** The properties one {@code name=value} per line, as {@link #parse} reads them. */
    public static String lines(List<UserProperty> properties) {
        return properties.stream().map(p -> p.name + "=" + p.value).collect(Collectors.joining("\n"));
    }
}
