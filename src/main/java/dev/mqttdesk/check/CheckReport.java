package dev.mqttdesk.check;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of one readiness check.
 *
 * @param url    what the user entered
 * @param target the address checked, as a URL (the entered one with the port a mini-program would use)
 * @param caFile the extra CA trusted for this check, or null
 */
public record CheckReport(String url, String target, Path caFile, Instant startedAt, List<StepResult> steps) {

    public CheckReport {
        steps = List.copyOf(steps);
    }

    public CheckStatus verdict() {
        return CheckStatus.verdictOf(steps);
    }

    public Optional<StepResult> step(CheckId id) {
        return steps.stream().filter(s -> s.id() == id).findFirst();
    }
}
