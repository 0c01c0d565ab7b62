package dev.mqttdesk.check;

import dev.mqttdesk.core.i18n.Text;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What one step of the check found.
 *
 * @param detail what was seen, in words
 * @param fix    what to do about it, or null when nothing needs doing
 * @param data   facts for machines (addresses, times, certificate fields), in insertion order
 */
public record StepResult(CheckId id, CheckStatus status, Text detail, Text fix, Map<String, Object> data) {

    public StepResult {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(detail, "detail");
        data = data == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }

    public static StepResult pass(CheckId id, Text detail) {
        return new StepResult(id, CheckStatus.PASS, detail, null, Map.of());
    }

    public static StepResult warn(CheckId id, Text detail, Text fix) {
        return new StepResult(id, CheckStatus.WARN, detail, fix, Map.of());
    }

    public static StepResult fail(CheckId id, Text detail, Text fix) {
        return new StepResult(id, CheckStatus.FAIL, detail, fix, Map.of());
    }

    public static StepResult skip(CheckId id, Text reason) {
        return new StepResult(id, CheckStatus.SKIP, reason, null, Map.of());
    }

    /** The same result with these facts added. */
    public StepResult with(Map<String, ?> more) {
        Map<String, Object> all = new LinkedHashMap<>(data);
        all.putAll(more);
        return new StepResult(id, status, detail, fix, all);
    }

    public StepResult with(String key, Object value) {
        return with(Map.of(key, value));
    }
}
