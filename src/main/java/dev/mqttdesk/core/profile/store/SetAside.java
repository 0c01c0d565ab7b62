package dev.mqttdesk.core.profile.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Moves a file that cannot be read out of the way, untouched: {@code profiles.json} becomes
 * {@code profiles.json.unreadable-20261202-103512} (a folder in its place is renamed the same way).
 * A rename, not a copy: it needs no permission to read the file, only to write the folder.
 */
final class SetAside {

    static final String MARK = ".unreadable-";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private SetAside() {
    }

    /** Where the file now is. */
    static Path move(Path file) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        String base = file.getFileName() + MARK + LocalDateTime.now().format(STAMP);
        Path target = folder.resolve(base);
        for (int n = 2; Files.exists(target, LinkOption.NOFOLLOW_LINKS); n++) {
            target = folder.resolve(base + "-" + n);
        }
        Files.move(file, target);
        AtomicFile.forceFolder(folder);
        return target;
    }
}
