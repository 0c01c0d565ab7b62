package dev.mqttdesk.core.profile.cli;

import dev.mqttdesk.core.i18n.InvalidInputException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command line after {@code profiles}, read; bad usage is an {@link InvalidInputException} with the sentence. */
record ProfilesArguments(Action action, boolean json, Path file, List<String> names, boolean withPasswords) {

    enum Action { LIST, IMPORT, EXPORT, HELP }

    static ProfilesArguments parse(String[] args) {
        if (args.length == 0) {
            throw new InvalidInputException("profiles.cli.noAction");
        }
        List<String> plain = new ArrayList<>();
        boolean json = false;
        boolean withPasswords = false;
        boolean help = false;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--json" -> json = true;
                case "--with-passwords" -> withPasswords = true;
                case "--help", "-h" -> help = true;
                case "--" -> {
                    for (i++; i < args.length; i++) {
                        plain.add(args[i]);
                    }
                }
                default -> {
                    if (args[i].startsWith("--")) {
                        throw new InvalidInputException("profiles.cli.unknownOption", args[i]);
                    }
                    plain.add(args[i]);
                }
            }
        }
        Action action = switch (args[0]) {
            case "list" -> Action.LIST;
            case "import" -> Action.IMPORT;
            case "export" -> Action.EXPORT;
            case "--help", "-h", "help" -> Action.HELP;
            default -> throw new InvalidInputException("profiles.cli.unknownAction", args[0]);
        };
        if (help) {
            return new ProfilesArguments(Action.HELP, false, null, List.of(), false);
        }
        if (json && action != Action.LIST) {
            throw new InvalidInputException("profiles.cli.optionNotHere", "--json", args[0]);
        }
        if (withPasswords && action != Action.EXPORT) {
            throw new InvalidInputException("profiles.cli.optionNotHere", "--with-passwords", args[0]);
        }
        switch (action) {
            case LIST -> {
                if (!plain.isEmpty()) {
                    throw new InvalidInputException("profiles.cli.tooMany", plain.get(0));
                }
                return new ProfilesArguments(action, json, null, List.of(), false);
            }
            case IMPORT -> {
                if (plain.size() != 1) {
                    throw plain.isEmpty() ? new InvalidInputException("profiles.cli.noFile")
                            : new InvalidInputException("profiles.cli.tooMany", plain.get(1));
                }
                return new ProfilesArguments(action, false, Path.of(plain.get(0)), List.of(), false);
            }
            case EXPORT -> {
                if (plain.isEmpty()) {
                    throw new InvalidInputException("profiles.cli.noFile");
                }
                return new ProfilesArguments(action, false, Path.of(plain.get(0)), List.copyOf(plain.subList(1, plain.size())),
                        withPasswords);
            }
            default -> {
                return new ProfilesArguments(Action.HELP, false, null, List.of(), false);
            }
        }
    }
}
