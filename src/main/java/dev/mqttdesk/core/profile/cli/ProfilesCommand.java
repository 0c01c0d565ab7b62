package dev.mqttdesk.core.profile.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.mqttdesk.core.i18n.InvalidInputException;
import dev.mqttdesk.core.i18n.Messages;
import dev.mqttdesk.core.i18n.Text;
import dev.mqttdesk.core.profile.AppHome;
import dev.mqttdesk.core.profile.AppSettings;
import dev.mqttdesk.core.profile.ProfilesDocument;
import dev.mqttdesk.core.profile.SavedConnection;
import dev.mqttdesk.core.profile.store.Json;
import dev.mqttdesk.core.profile.store.LoadNotice;
import dev.mqttdesk.core.profile.store.Loaded;
import dev.mqttdesk.core.profile.store.ProfileStore;
import dev.mqttdesk.core.profile.store.SerialFileWriter;
import dev.mqttdesk.core.profile.store.SettingsStore;
import dev.mqttdesk.core.profile.transfer.ImportResult;
import dev.mqttdesk.core.profile.transfer.ImportedConnection;
import dev.mqttdesk.core.profile.transfer.ProfileExport;
import dev.mqttdesk.core.profile.transfer.ProfileImport;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * {@code mqtt-desk profiles list [--json] | import FILE | export FILE [NAME...] [--with-passwords]}: the saved
 * connections from the command line, through the same store as the app. Exit 0 ok, 1 failed, 2 bad usage.
 */
public final class ProfilesCommand {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    private final PrintStream out;
    private final PrintStream err;
    private final Path home;

    private ProfilesCommand(PrintStream out, PrintStream err, Path home) {
        this.out = out;
        this.err = err;
        this.home = home;
    }

    /** Runs the command with the arguments after {@code profiles}, on the app's home folder. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, AppHome.resolve());
    }

    public static int run(String[] args, PrintStream out, PrintStream err, Path home) {
        ProfilesArguments parsed;
        try {
            parsed = ProfilesArguments.parse(args);
        } catch (InvalidInputException e) {
            err.println(e.text().resolve());
            err.println(Messages.get("profiles.cli.usage"));
            return USAGE;
        }
        if (parsed.action() == ProfilesArguments.Action.HELP) {
            out.println(Messages.get("profiles.cli.usage"));
            return OK;
        }
        ProfilesCommand command = new ProfilesCommand(out, err, home);
        int code = switch (parsed.action()) {
            case LIST -> command.list(parsed.json());
            case IMPORT -> command.importFile(parsed.file());
            case EXPORT -> command.export(parsed.file(), parsed.names(), parsed.withPasswords());
            case HELP -> OK;
        };
        out.flush();
        err.flush();
        return code;
    }

    private int list(boolean json) {
        List<Text> failures = new CopyOnWriteArrayList<>();
        try (SerialFileWriter writer = new SerialFileWriter(failures::add)) {
            Loaded<ProfilesDocument> loaded = load(new ProfileStore(home, writer));
            List<SavedConnection> connections = loaded.value().connections();
            if (json) {
                try {
                    out.println(Json.MAPPER.writeValueAsString(connections.stream().map(SavedConnection::withoutPassword).toList()));
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException(e);
                }
            } else {
                for (SavedConnection c : connections) {
                    out.println(Messages.format(c.folder().isEmpty() ? "profiles.cli.listLine" : "profiles.cli.listLineInFolder",
                            c.name(), c.form().url(), c.folder()));
                }
                out.println(Messages.format("profiles.cli.listCount", connections.size()));
            }
            writer.flush();
            failures.forEach(f -> err.println(f.resolve()));
            boolean nothingRead = loaded.notices().stream().anyMatch(n -> n.kind() == LoadNotice.Kind.STARTED_EMPTY);
            return nothingRead || !failures.isEmpty() ? FAILED : OK;
        }
    }

    private int importFile(Path file) {
        List<Text> failures = new CopyOnWriteArrayList<>();
        try (SerialFileWriter writer = new SerialFileWriter(failures::add)) {
            AppSettings settings = new SettingsStore(home, writer).load().value();
            ImportResult result;
            try {
                result = ProfileImport.read(file, settings.logCapacity());
            } catch (InvalidInputException e) {
                err.println(e.text().resolve());
                return FAILED;
            }
            ProfileStore store = new ProfileStore(home, writer);
            ProfilesDocument before = load(store).value();
            ProfilesDocument after = ProfileImport.append(before, result);
            List<SavedConnection> added = ProfileImport.added(before, after);
            if (!added.isEmpty()) {
                store.save(after);
            }
            writer.flush();
            if (!failures.isEmpty()) {
                failures.forEach(f -> err.println(f.resolve()));
                err.println(Messages.format("profiles.cli.importNotSaved", store.file()));
                return FAILED;
            }
            out.println(Messages.format("profiles.cli.imported", added.size(), file,
                    Messages.get("profiles.source." + result.source().name()), store.file()));
            for (int i = 0; i < added.size(); i++) {
                SavedConnection c = added.get(i);
                ImportedConnection source = result.connections().get(i);
                out.println(Messages.format("profiles.cli.importedLine", c.name(), c.form().url()));
                if (source.connection().password() != null) {
                    out.println(Messages.get("profiles.cli.importedPassword"));
                }
                for (Text missing : source.notMapped()) {
                    out.println(Messages.format("profiles.cli.notMapped", missing.resolve()));
                }
            }
            for (Text skip : result.skipped()) {
                out.println(Messages.format("profiles.cli.skippedLine", skip.resolve()));
            }
            return added.isEmpty() && !result.skipped().isEmpty() ? FAILED : OK;
        }
    }

    private int export(Path file, List<String> names, boolean withPasswords) {
        List<Text> failures = new CopyOnWriteArrayList<>();
        List<SavedConnection> chosen = new ArrayList<>();
        try (SerialFileWriter writer = new SerialFileWriter(failures::add)) {
            List<SavedConnection> all = load(new ProfileStore(home, writer)).value().connections();
            writer.flush();
            failures.forEach(f -> err.println(f.resolve()));
            if (names.isEmpty()) {
                chosen.addAll(all);
            }
            List<String> unknown = new ArrayList<>();
            for (String name : names) {
                List<SavedConnection> match = all.stream().filter(c -> c.name().equals(name) || c.id().equals(name)).toList();
                if (match.isEmpty()) {
                    unknown.add(name);
                }
                match.stream().filter(c -> !chosen.contains(c)).forEach(chosen::add);
            }
            if (!unknown.isEmpty()) {
                err.println(Messages.format("profiles.cli.unknownNames", String.join(", ", unknown)));
                return FAILED;
            }
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.write(file, ProfileExport.toBytes(chosen, withPasswords));
        } catch (IOException e) {
            err.println(Messages.format("profiles.cli.exportFailed", file, String.valueOf(e.getMessage())));
            return FAILED;
        }
        out.println(Messages.format(withPasswords ? "profiles.cli.exportedWithPasswords" : "profiles.cli.exported",
                chosen.size(), file));
        return OK;
    }

    /** Loads the profiles and tells on stderr what the user must know about how. */
    private Loaded<ProfilesDocument> load(ProfileStore store) {
        Loaded<ProfilesDocument> loaded = store.load();
        loaded.messages().forEach(m -> err.println(m.resolve()));
        return loaded;
    }
}
