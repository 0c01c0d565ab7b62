package dev.mqttdesk.check;

import dev.mqttdesk.core.i18n.Messages;

import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Helpers for tests of the readiness check: run one, and compare the statuses per step. */
final class Checks {

    private Checks() {
    }

    static CheckReport run(String url, CheckOptions options) {
        return new ReadinessCheck(url, options).run(r -> { });
    }

    static CheckOptions quick() {
        return CheckOptions.defaults().withTimeout(3);
    }

    /** The status of each step, as "id=status" in order, for assertions that show the whole picture on failure. */
    static String statuses(CheckReport report) {
        return report.steps().stream().map(s -> s.id().id() + "=" + s.status().id()).collect(Collectors.joining(" "));
    }

    /** Asserts the statuses of the steps named, written as "scheme=pass port=warn ...". */
    static void assertStatuses(String expected, CheckReport report) {
        StringBuilder why = new StringBuilder(statuses(report)).append('\n');
        report.steps().forEach(s -> why.append(s.id().id()).append(": ").append(s.detail().resolve()).append('\n'));
        for (String pair : expected.trim().split("\\s+")) {
            String[] idAndStatus = pair.split("=");
            CheckId id = CheckId.valueOf(idAndStatus[0].toUpperCase(java.util.Locale.ROOT));
            CheckStatus status = CheckStatus.valueOf(idAndStatus[1].toUpperCase(java.util.Locale.ROOT));
            assertEquals(status, report.step(id).orElseThrow().status(), id.id() + " in\n" + why);
        }
    }

    /** Every word a report holds comes from the bundle: no key is missing. */
    static void assertAllWordsInBundle(CheckReport report) {
        for (StepResult s : report.steps()) {
            assertTrue(Messages.bundle().containsKey(s.detail().key()), "missing key " + s.detail().key());
            if (s.fix() != null) {
                assertTrue(Messages.bundle().containsKey(s.fix().key()), "missing key " + s.fix().key());
            }
            for (Object arg : s.detail().args()) {
                if (arg instanceof dev.mqttdesk.core.i18n.Text t) {
                    assertTrue(Messages.bundle().containsKey(t.key()), "missing key " + t.key());
                }
            }
        }
    }
}
