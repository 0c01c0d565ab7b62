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

/** The last connection used, as JSON in the app's home folder, written atomically so a crash never leaves half a file. */
public final class ProfileStore {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path file;

    public ProfileStore(Path home) {
        this.file = home.resolve("last-connection.json");
    }

    public Path file() {
        return file;
    }

    /** The saved profile, or empty when there is none or it cannot be read (a broken file is not the user's problem at start). */
    public Optional<ConnectionProfile> load() {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(JSON.readValue(file.toFile(), ConnectionProfile.class));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public void save(ConnectionProfile profile) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = Files.createTempFile(file.getParent(), "last-connection", ".tmp");
        try {
            JSON.writeValue(tmp.toFile(), profile);
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
