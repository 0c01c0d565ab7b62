package dev.mqttdesk.miniprogram;

import dev.mqttdesk.core.i18n.InvalidInputException;

import java.nio.file.Path;
import java.util.Optional;

/** The command line after {@code miniprogram}, read; bad usage is an {@link InvalidInputException} with the sentence. */
record MiniProgramArguments(boolean help, PageRequest request, Path out, boolean force) {

    static MiniProgramArguments parse(String[] args) {
        String url = null;
        String out = null;
        String flavor = Flavor.NATIVE.id();
        String topic = null;
        String username = null;
        String password = null;
        boolean force = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--help", "-h" -> {
                    return new MiniProgramArguments(true, null, null, false);
                }
                case "--force" -> force = true;
                case "--out" -> out = value(args, ++i, a);
                case "--flavor" -> flavor = value(args, ++i, a);
                case "--topic" -> topic = value(args, ++i, a);
                case "--username" -> username = value(args, ++i, a);
                case "--password" -> password = value(args, ++i, a);
                default -> {
                    if (a.startsWith("--")) {
                        throw new InvalidInputException("miniprogram.cli.unknownOption", a);
                    }
                    if (url != null) {
                        throw new InvalidInputException("miniprogram.cli.oneUrl", url, a);
                    }
                    url = a;
                }
            }
        }
        if (url == null) {
            throw new InvalidInputException("miniprogram.cli.noUrl");
        }
        if (out == null || out.isBlank()) {
            throw new InvalidInputException("miniprogram.cli.noOut");
        }
        PageRequest request = new PageRequest(PageTarget.parse(url), Flavor.parse(flavor), topic,
                Optional.ofNullable(username), Optional.ofNullable(password));
        return new MiniProgramArguments(false, request, Path.of(out), force);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new InvalidInputException("miniprogram.cli.missingValue", option);
        }
        return args[i];
    }
}
