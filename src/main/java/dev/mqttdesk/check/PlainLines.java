package dev.mqttdesk.check;

import dev.mqttdesk.core.i18n.Messages;

import java.util.Locale;

/** The command line's plain output: one line per step, then the verdict. */
final class PlainLines {

    private PlainLines() {
    }

    static String step(StepResult r) {
        String status = "[" + Messages.get(r.status().labelKey()).toUpperCase(Locale.ROOT) + "]";
        String line = Messages.format("check.cli.step", status, r.id().id(), r.detail().resolve());
        return r.fix() == null ? line : line + " " + Messages.format("check.cli.fix", r.fix().resolve());
    }

    static String verdict(CheckStatus verdict) {
        return Messages.format("check.cli.verdict", Messages.get(verdict.labelKey()).toUpperCase(Locale.ROOT));
    }
}
