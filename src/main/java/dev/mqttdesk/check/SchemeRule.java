package dev.mqttdesk.check;

import dev.mqttdesk.core.i18n.Text;

/** A mini-program may only open {@code wss://} (spelled {@code wxs://} by some libraries). */
final class SchemeRule implements CheckStep {

    @Override
    public CheckId id() {
        return CheckId.SCHEME;
    }

    @Override
    public StepResult run(CheckContext context) {
        CheckTarget target = context.target();
        String scheme = target.scheme();
        if (scheme == null) {
            return StepResult.pass(id(), Text.of("check.scheme.assumed", target.describe()));
        }
        return switch (scheme) {
            case "wss", "wxs" -> StepResult.pass(id(), Text.of("check.scheme.ok", scheme));
            case "ws", "wx" -> StepResult.fail(id(), Text.of("check.scheme.plain", scheme), Text.of("check.scheme.fix.plain"));
            case "http", "https" -> StepResult.fail(id(), Text.of("check.scheme.http", scheme), Text.of("check.scheme.fix.http"));
            default -> StepResult.fail(id(), Text.of("check.scheme.raw", scheme), Text.of("check.scheme.fix.raw"));
        };
    }
}
