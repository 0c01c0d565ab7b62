package dev.mqttdesk.workspace;

import dev.mqttdesk.core.profile.JsonFile;
import dev.mqttdesk.core.profile.ProfilesDocument;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.stage.Window;

import java.io.IOException;
import java.nio.file.Path;

/** The workspace's files: profiles.json loaded and saved, what went wrong with it in words, import and export. */
public final class WorkspaceFiles {

    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final JsonFile<ProfilesDocument> file;

    public WorkspaceFiles(Path home) {
        this.file = new JsonFile<>(home.resolve("profiles.json"), ProfilesDocument.class);
    }

    public ProfilesDocument load() {
        return file.load().orElse(ProfilesDocument.of(java.util.List.of(), java.util.List.of(), null));
    }

    public void save(ProfilesDocument document) {
        try {
            file.save(document);
        } catch (IOException e) {
            notice.set(String.valueOf(e.getMessage()));
        }
    }

    public void flush() {
    }

    void chooseImport(Window owner) {
    }

    void chooseExport(Window owner) {
    }

    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }
}
