package dev.mqttdesk.check;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mqttdesk.core.i18n.Messages;

import java.util.Locale;

/**
 * The report as one JSON object: {@code {"url", "verdict", "checks":[{"id","status","detail","fix"}]}}
 * plus a few fields more (target, cafile, title, data). Words are in the JVM default locale.
 */
public final class JsonReport {

    private static final ObjectMapper MAPPER = new ObjectMapper().disable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {
    }

    /** One line, no line breaks: what {@code check --json} prints. */
    public static String render(CheckReport report) {
        return write(tree(report), false);
    }

    /** The same, indented for people (the export file). */
    public static String renderPretty(CheckReport report) {
        return write(tree(report), true);
    }

    static ObjectNode tree(CheckReport report) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("url", report.url());
        root.put("target", report.target());
        root.put("verdict", report.verdict().id());
        if (report.caFile() != null) {
            root.put("cafile", report.caFile().toString());
        }
        root.put("startedAt", report.startedAt().toString());
        root.put("locale", Locale.getDefault().toLanguageTag());
        ArrayNode checks = root.putArray("checks");
        for (StepResult r : report.steps()) {
            ObjectNode c = checks.addObject();
            c.put("id", r.id().id());
            c.put("status", r.status().id());
            c.put("title", Messages.get(r.id().titleKey()));
            c.put("detail", r.detail().resolve());
            if (r.fix() == null) {
                c.putNull("fix");
            } else {
                c.put("fix", r.fix().resolve());
            }
            if (r.id().informational()) {
                c.put("informational", true);
            }
            c.set("data", MAPPER.valueToTree(r.data()));
        }
        return root;
    }

    private static String write(ObjectNode tree, boolean pretty) {
        try {
            return pretty ? MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(tree) : MAPPER.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values always serializes", e);
        }
    }
}
