package dev.mqttdesk.core.profile;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/** One record kept as JSON in the app's home folder, written atomically so a crash never leaves half a file. */
public final class JsonFile<T> {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path file;
    private final Class<T> type;

    public JsonFile(Path file, Class<T> type) {
        this.file = file;
        this.type = type;
    }

    /** The last connection used (no password). */
    public static JsonFile<ConnectionProfile> lastConnection(Path home) {
        return new JsonFile<>(home.resolve("last-connection.json"), ConnectionProfile.class);
    }

    /** The app's settings. */
    public static JsonFile<AppSettings> settings(Path home) {
        return new JsonFile<>(home.resolve("settings.json"), AppSettings.class);
    }

    public Path file() {
        return file;
    }

    /** The saved value, or empty when there is none or it cannot be read (a broken file is not the user's problem at start). */
    public Optional<T> load() {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(JSON.readValue(file.toFile(), type));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public void save(T value) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        try {
            JSON.writeValue(tmp.toFile(), value);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
