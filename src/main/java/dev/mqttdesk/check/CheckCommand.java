package dev.mqttdesk.check;

import dev.mqttdesk.core.i18n.InvalidInputException;
import dev.mqttdesk.core.i18n.Messages;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * {@code mqtt-desk check URL [--cafile CA.pem] [--json] [--timeout SECONDS]}: the readiness check for
 * CI. Exit 0 when no step failed, 1 when one did, 2 on bad usage.
 */
public final class CheckCommand {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    private CheckCommand() {
    }

    /** Runs the command with the arguments after {@code check}; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, HostResolver.SYSTEM);
    }

    /** As {@link #run(String[], PrintStream, PrintStream)}, with the host names resolved as the caller says (tests). */
    static int run(String[] args, PrintStream out, PrintStream err, HostResolver resolver) {
        Arguments parsed;
        ReadinessCheck check;
        try {
            parsed = Arguments.parse(args);
            if (parsed.help()) {
                out.println(Messages.get("check.cli.usage"));
                return OK;
            }
            CheckOptions options = new CheckOptions(parsed.caFile(), parsed.timeoutSeconds(), resolver);
            check = new ReadinessCheck(parsed.url(), options);
        } catch (InvalidInputException e) {
            err.println(e.text().resolve());
            err.println(Messages.get("check.cli.usage"));
            return USAGE;
        }
        CheckReport report;
        if (parsed.json()) {
            report = check.run(result -> { });
            out.println(JsonReport.render(report));
        } else {
            out.println(Messages.format("check.cli.checking", check.target().describe()));
            if (parsed.caFile() != null) {
                out.println(Messages.format("check.cli.caFile", parsed.caFile()));
            }
            report = check.run(result -> out.println(PlainLines.step(result)));
            out.println(PlainLines.verdict(report.verdict()));
        }
        out.flush();
        return report.verdict() == CheckStatus.FAIL ? FAILED : OK;
    }

    /** The command line, read. */
    record Arguments(String url, Path caFile, boolean json, int timeoutSeconds, boolean help) {

        static Arguments parse(String[] args) {
            String url = null;
            Path caFile = null;
            boolean json = false;
            boolean help = false;
            int timeout = CheckOptions.DEFAULT_TIMEOUT_SECONDS;
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                String inline = null;
                if (a.startsWith("--") && a.indexOf('=') > 0) {
                    inline = a.substring(a.indexOf('=') + 1);
                    a = a.substring(0, a.indexOf('='));
                }
                switch (a) {
                    case "--json" -> json = true;
                    case "--help", "-h" -> help = true;
                    case "--cafile" -> {
                        String value = inline != null ? inline : value(args, ++i, a);
                        caFile = Path.of(value);
                    }
                    case "--timeout" -> timeout = seconds(inline != null ? inline : value(args, ++i, a));
                    default -> {
                        if (a.startsWith("-")) {
                            throw new InvalidInputException("check.cli.unknownOption", a);
                        }
                        if (url != null) {
                            throw new InvalidInputException("check.cli.oneUrl", url, a);
                        }
                        url = a;
                    }
                }
            }
            if (url == null && !help) {
                throw new InvalidInputException("check.cli.noUrl");
            }
            return new Arguments(url, caFile, json, timeout, help);
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length || args[i].startsWith("--")) {
                throw new InvalidInputException("check.cli.missingValue", option);
            }
            return args[i];
        }

        private static int seconds(String text) {
            try {
                int s = Integer.parseInt(text.strip());
                if (s < 1 || s > CheckOptions.MAX_TIMEOUT_SECONDS) {
                    throw new InvalidInputException("check.error.timeoutRange", text, CheckOptions.MAX_TIMEOUT_SECONDS);
                }
                return s;
            } catch (NumberFormatException e) {
                throw new InvalidInputException("check.error.timeoutRange", text, CheckOptions.MAX_TIMEOUT_SECONDS);
            }
        }
    }
}
