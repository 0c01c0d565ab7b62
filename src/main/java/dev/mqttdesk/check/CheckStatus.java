package dev.mqttdesk.check;

import java.util.Collection;
import java.util.Locale;

/** What one step found. The verdict of a whole check is the worst of its steps (skip counts as nothing). */
public enum CheckStatus {
    PASS, WARN, FAIL, SKIP;

    /** The spelling in reports and JSON: pass, warn, fail, skip. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String labelKey() {
        return "check.status." + id();
    }

    /** fail if any step failed, else warn if any warned, else pass; informational items do not count. */
    public static CheckStatus verdictOf(Collection<StepResult> results) {
        boolean warned = false;
        for (StepResult r : results) {
            if (r.id().informational()) {
                continue;
            }
            if (r.status() == FAIL) {
                return FAIL;
            }
            warned |= r.status() == WARN;
        }
        return warned ? WARN : PASS;
    }
}
