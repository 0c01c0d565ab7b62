package dev.mqttdesk.core.profile.store;

import dev.mqttdesk.core.profile.AppSettings;

import java.nio.file.Path;

/** {@code settings.json}: saved like the profiles (atomically, in order, with a backup); unreadable means defaults and a notice. */
public final class SettingsStore {

    public static final String FILE_NAME = "settings.json";

    private final JsonStore<AppSettings> files;

    public SettingsStore(Path home, SerialFileWriter writer) {
        this.files = new JsonStore<>(home.resolve(FILE_NAME), SettingsFormat.INSTANCE, writer);
    }

    public Path file() {
        return files.file();
    }

    /** The saved settings, else the defaults (with notices when a file was there but could not be read). */
    public Loaded<AppSettings> load() {
        JsonStore.Reading<AppSettings> reading = files.read();
        return new Loaded<>(reading.value() != null ? reading.value() : AppSettings.DEFAULTS, reading.notices());
    }

    /** Queues the settings to be written; returns at once. */
    public void save(AppSettings settings) {
        files.save(settings);
    }
}
