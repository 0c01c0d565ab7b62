package dev.mqttdesk.check;

import dev.mqttdesk.core.i18n.Messages;

/** The report as Markdown: a short header and one table row per step, for pasting into an issue or a chat. */
public final class MarkdownReport {

    private MarkdownReport() {
    }

    public static String render(CheckReport report) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(Messages.get("check.report.title")).append("\n\n");
        md.append("- ").append(Messages.format("check.report.url", code(report.url()))).append('\n');
        md.append("- ").append(Messages.format("check.report.target", code(report.target()))).append('\n');
        if (report.caFile() != null) {
            md.append("- ").append(Messages.format("check.report.caFile", code(report.caFile().toString()))).append('\n');
        }
        md.append("- ").append(Messages.format("check.report.time", report.startedAt().toString())).append('\n');
        md.append("- ").append(Messages.format("check.report.verdict",
                "**" + symbol(report.verdict()) + " " + Messages.get(report.verdict().labelKey()) + "**")).append("\n\n");
        md.append("| ").append(Messages.get("check.report.column.step"))
                .append(" | ").append(Messages.get("check.report.column.status"))
                .append(" | ").append(Messages.get("check.report.column.detail"))
                .append(" | ").append(Messages.get("check.report.column.fix")).append(" |\n");
        md.append("|---|---|---|---|\n");
        for (StepResult r : report.steps()) {
            md.append("| ").append(cell(Messages.get(r.id().titleKey()))).append(" (`").append(r.id().id()).append("`)")
                    .append(" | ").append(symbol(r.status())).append(' ').append(Messages.get(r.status().labelKey()))
                    .append(" | ").append(cell(r.detail().resolve()))
                    .append(" | ").append(r.fix() == null ? "" : cell(r.fix().resolve())).append(" |\n");
        }
        return md.toString();
    }

    static String symbol(CheckStatus status) {
        return switch (status) {
            case PASS -> "✅";
            case WARN -> "⚠️";
            case FAIL -> "❌";
            case SKIP -> "⏭️";
        };
    }

    private static String code(String s) {
        return "`" + s.replace("`", "'") + "`";
    }

    /** A table cell: no line breaks, pipes escaped. */
    private static String cell(String s) {
        return s.replace("\\", "\\\\").replace("|", "\\|").replace("\r", "").replace("\n", "<br>");
    }
}
