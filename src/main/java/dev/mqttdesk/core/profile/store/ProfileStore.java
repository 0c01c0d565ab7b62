package dev.mqttdesk.core.profile.store;

import dev.mqttdesk.core.profile.AppSettings;
import dev.mqttdesk.core.profile.ConnectionProfile;
import dev.mqttdesk.core.profile.JsonFile;
import dev.mqttdesk.core.profile.ProfilesDocument;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * {@code profiles.json} under the app's home: every saved connection. Saves are queued on the shared
 * {@link SerialFileWriter} and written atomically, the version before the last save kept as
 * {@code profiles.json.bak}. A file that cannot be read is kept as {@code profiles.json.unreadable-<time>} and
 * the backup loads; the {@link Loaded} result says so as data.
 */
public final class ProfileStore {

    public static final String FILE_NAME = "profiles.json";
    public static final String LEGACY_FILE_NAME = "last-connection.json";

    /** Readings begun by {@link #readAhead} and not yet taken by a load, by file. */
    private static final ConcurrentMap<Path, CompletableFuture<JsonStore.Reading<ProfilesDocument>>> AHEAD =
            new ConcurrentHashMap<>();

    private final Path home;
    private final JsonStore<ProfilesDocument> files;

    public ProfileStore(Path home, SerialFileWriter writer) {
        this.home = home;
        this.files = new JsonStore<>(home.resolve(FILE_NAME), ProfilesFormat.INSTANCE, writer);
    }

    /**
     * Begins reading {@code home}'s saved connections on a thread of its own, so that the app's start can read
     * them while JavaFX starts (the launcher calls it first); the next load of that home takes this reading.
     * Returns the reading, done when the file has been read.
     */
    public static CompletableFuture<?> readAhead(Path home) {
        ProfileStore store = new ProfileStore(home, null);
        CompletableFuture<JsonStore.Reading<ProfilesDocument>> reading = new CompletableFuture<>();
        AHEAD.put(store.file(), reading);
        Thread reader = new Thread(() -> {
            try {
                reading.complete(store.files.read());
            } catch (RuntimeException | Error e) {
                reading.completeExceptionally(e);
            }
        }, "profiles-read-ahead");
        reader.setDaemon(true);
        reader.start();
        return reading;
    }

    public Path file() {
        return files.file();
    }

    /** As {@link #load(int)} with the default log size for a connection made at first run. */
    public Loaded<ProfilesDocument> load() {
        return load(AppSettings.DEFAULT_LOG_CAPACITY);
    }

    /**
     * The saved connections; when there are none yet, the old {@code last-connection.json} as the first one
     * (saved at once, the old file left in place), else the built-in broker. When files were there but none
     * could be read: an empty workspace, and notices that say what happened and where the files are.
     *
     * @param newLogCapacity the log size of a connection made here (the settings' default)
     */
    public Loaded<ProfilesDocument> load(int newLogCapacity) {
        CompletableFuture<JsonStore.Reading<ProfilesDocument>> ahead = AHEAD.remove(file());
        JsonStore.Reading<ProfilesDocument> reading = ahead == null ? files.read() : ahead.join();
        List<LoadNotice> notices = new ArrayList<>(reading.notices());
        if (reading.value() != null) {
            return new Loaded<>(reading.value(), notices);
        }
        if (reading.foundAnyFile()) {
            notices.add(new LoadNotice(LoadNotice.Kind.STARTED_EMPTY, home, null, null, null));
            return new Loaded<>(StartingProfiles.empty(), notices);
        }
        Optional<ConnectionProfile> legacy = JsonFile.lastConnection(home).load();
        if (legacy.isPresent()) {
            ProfilesDocument migrated = StartingProfiles.fromLastConnection(legacy.get(), newLogCapacity);
            save(migrated);
            notices.add(new LoadNotice(LoadNotice.Kind.MIGRATED, home.resolve(LEGACY_FILE_NAME), null, null, null));
            return new Loaded<>(migrated, notices);
        }
        return new Loaded<>(StartingProfiles.firstRun(newLogCapacity), notices);
    }

    /** Queues the document to be written; returns at once. Failures go to the writer's callback. */
    public void save(ProfilesDocument document) {
        files.save(document);
    }

    /** True when a {@code profiles.json} or its backup is on disk (whether or not it reads). */
    public boolean exists() {
        return Files.exists(files.file()) || Files.exists(files.backup());
    }
}
