package dev.mqttdesk.workspace;

import dev.mqttdesk.core.i18n.InvalidInputException;
import dev.mqttdesk.core.i18n.Messages;
import dev.mqttdesk.core.profile.AppSettings;
import dev.mqttdesk.core.i18n.Text;
import dev.mqttdesk.core.profile.ProfilesDocument;
import dev.mqttdesk.core.profile.SavedConnection;
import dev.mqttdesk.core.profile.store.Loaded;
import dev.mqttdesk.core.profile.store.ProfileStore;
import dev.mqttdesk.core.profile.store.SerialFileWriter;
import dev.mqttdesk.core.profile.store.SettingsStore;
import dev.mqttdesk.core.profile.transfer.ImportResult;
import dev.mqttdesk.core.profile.transfer.ImportedConnection;
import dev.mqttdesk.core.profile.transfer.ProfileExport;
import dev.mqttdesk.core.profile.transfer.ProfileImport;
import dev.mqttdesk.ui.BackgroundTask;
import dev.mqttdesk.ui.Feedback;
import dev.mqttdesk.ui.Fx;
import dev.mqttdesk.ui.TaskExecutor;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The workspace's files: profiles.json through the one ordered writer, what went wrong with it in words,
 * and import and export from the sidebar's menu.
 */
public final class WorkspaceFiles {

    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final SerialFileWriter writer;
    private final ProfileStore store;
    private final SettingsStore settings;
    private final Feedback feedback;
    private final TaskExecutor tasks;
    private Workspace workspace;

    public WorkspaceFiles(Path home, Feedback feedback, TaskExecutor tasks) {
        this.feedback = feedback;
        this.tasks = tasks;
        this.writer = new SerialFileWriter(why -> Fx.run(() -> {
            notice.set(why.resolve());
            feedback.error(why);
        }));
        this.store = new ProfileStore(home, writer);
        this.settings = new SettingsStore(home, writer);
    }

    /** The app-wide settings; a file that could not be read is told with the profiles' problems. */
    public AppSettings loadSettings() {
        Loaded<AppSettings> loaded = settings.load();
        noteLoadProblems(loaded);
        return loaded.value();
    }

    private void noteLoadProblems(Loaded<?> loaded) {
        if (loaded.hadUnreadableFile()) {
            String words = loaded.messages().stream().map(Text::resolve).collect(Collectors.joining("\n"));
            notice.set(notice.get().isEmpty() ? words : notice.get() + "\n" + words);
        }
    }

    public void saveSettings(AppSettings value) {
        settings.save(value);
    }

    /** The saved connections; a file that could not be read is said in words, in the sidebar and a toast. */
    public ProfilesDocument load() {
        Loaded<ProfilesDocument> loaded = store.load();
        noteLoadProblems(loaded);
        return loaded.value();
    }

    /** Shows what loading found, once the window is up to show toasts over. */
    public void tellLoadProblems() {
        if (!notice.get().isEmpty()) {
            feedback.error(Text.of("workspace.loadProblem", notice.get()));
        }
    }

    public void attach(Workspace w) {
        this.workspace = w;
    }

    public void save(ProfilesDocument document) {
        store.save(document);
    }

    /** Waits until every queued save is on disk (the app is stopping). */
    public void flush() {
        writer.flush();
    }

    void chooseImport(Window owner) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(Messages.get("workspace.import"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(Messages.get("workspace.jsonFiles"), "*.json"));
        File file = chooser.showOpenDialog(owner);
        if (file != null) {
            importFrom(file.toPath());
        }
    }

    /** Reads an export (ours or MQTTX's) off the FX thread, then adds what it holds and says what was not mapped. */
    void importFrom(Path file) {
        tasks.execute(BackgroundTask.of(context -> ProfileImport.read(file, AppSettings.DEFAULT_LOG_CAPACITY))
                .onSuccess(result -> added(file, result))
                .onFailure(error -> feedback.error(
                        Text.of("workspace.import.nothing", file.toString(), BackgroundTask.words(error)))));
    }

    private void added(Path file, ImportResult result) {
        if (result.connections().isEmpty()) {
            String why = result.skipped().stream().map(Text::resolve).collect(Collectors.joining("; "));
            feedback.error(Text.of("workspace.import.nothing", file.toString(), why));
            return;
        }
        List<String> notMapped = new ArrayList<>();
        for (ImportedConnection c : result.connections()) {
            if (!c.notMapped().isEmpty()) {
                notMapped.add(c.connection().name() + ": "
                        + c.notMapped().stream().map(Text::resolve).collect(Collectors.joining(", ")));
            }
        }
        workspace.addImported(result);
        feedback.info(Text.of("workspace.import.done", result.connections().size(), file.toString()));
        notice.set(notMapped.isEmpty() ? "" : Messages.format("workspace.import.notMapped", String.join("\n", notMapped)));
    }

    void chooseExport(Window owner) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(Messages.get("workspace.export"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(Messages.get("workspace.jsonFiles"), "*.json"));
        chooser.setInitialFileName("mqtt-desk-connections.json");
        File file = chooser.showSaveDialog(owner);
        if (file != null) {
            exportTo(file.toPath(), workspace.document().connections());
        }
    }

    /** Writes our export, never with passwords (the command line has --with-passwords for that). */
    void exportTo(Path file, List<SavedConnection> connections) {
        tasks.execute(BackgroundTask.of(context -> Files.write(file, ProfileExport.toBytes(connections, false)))
                .onSuccess(written -> feedback.info(Text.of("workspace.export.done", connections.size(), file.toString())))
                .onFailure(error -> feedback.error(
                        Text.of("workspace.export.failed", file.toString(), BackgroundTask.words(error)))));
    }

    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }
}
