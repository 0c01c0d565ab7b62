package dev.mqttdesk.core.profile.store;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One saved file and its backup ({@code name} and {@code name.bak}), written through the app's
 * {@link SerialFileWriter}. Before each save the file on disk becomes the backup, but only when it can be read:
 * a file that went bad is set aside instead, so garbage never replaces a good backup. A file that cannot be read
 * is never overwritten or deleted.
 */
final class JsonStore<T> {

    /** What reading found: the value (null if none could be read) and whether any file was there at all. */
    record Reading<T>(T value, List<LoadNotice> notices, boolean foundAnyFile) {
    }

    private static final Duration STALE_TEMP = Duration.ofMinutes(1);

    private final Path file;
    private final Path backup;
    private final JsonFormat<T> format;
    private final SerialFileWriter writer;
    /** The bytes this store last read or wrote at {@link #file}; touched on the writer thread after the load. */
    private volatile byte[] lastOnDisk;
    private volatile boolean mainStuck;
    private volatile boolean backupStuck;

    JsonStore(Path file, JsonFormat<T> format, SerialFileWriter writer) {
        this.file = file;
        this.backup = file.resolveSibling(file.getFileName() + ".bak");
        this.format = format;
        this.writer = writer;
    }

    Path file() {
        return file;
    }

    Path backup() {
        return backup;
    }

    Reading<T> read() {
        removeStaleTemps();
        List<LoadNotice> notices = new ArrayList<>();
        boolean mainThere = Files.exists(file, LinkOption.NOFOLLOW_LINKS);
        if (mainThere) {
            FileRead<T> main = JsonReading.read(file, format);
            if (main.ok()) {
                lastOnDisk = main.bytes();
                return new Reading<>(main.value(), notices, true);
            }
            mainStuck = !setAside(file, main, notices);
        }
        boolean backupThere = Files.exists(backup, LinkOption.NOFOLLOW_LINKS);
        if (backupThere) {
            FileRead<T> old = JsonReading.read(backup, format);
            if (old.ok()) {
                notices.add(new LoadNotice(mainThere ? LoadNotice.Kind.LOADED_BACKUP : LoadNotice.Kind.LOADED_BACKUP_OF_MISSING,
                        backup, null, null, null));
                return new Reading<>(old.value(), notices, true);
            }
            backupStuck = !setAside(backup, old, notices);
        }
        return new Reading<>(null, notices, mainThere || backupThere);
    }

    void save(T value) {
        writer.save(file, () -> write(value));
    }

    /** On the writer thread: the current file to the backup (when it is good), then the new content in place. */
    private void write(T value) throws IOException {
        if (mainStuck) {
            throw new IOException(file + " could not be read nor moved aside; it is left as it is");
        }
        byte[] bytes = format.toBytes(value);
        byte[] current = currentGoodBytes();
        if (current != null) {
            if (Arrays.equals(current, bytes)) {
                return; // nothing changed: the backup keeps the version before the last real change
            }
            if (!backupStuck) {
                AtomicFile.write(backup, current);
            }
        }
        AtomicFile.write(file, bytes);
        lastOnDisk = bytes;
    }

    /** The file now on disk if it reads as a good file; a bad one is set aside and reported, never backed up. */
    private byte[] currentGoodBytes() throws IOException {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            byte[] known = lastOnDisk;
            try {
                byte[] bytes = Files.readAllBytes(file);
                if (known != null && Arrays.equals(known, bytes)) {
                    return bytes;
                }
            } catch (IOException e) {
                // falls through to the full reading, which names the problem
            }
        }
        FileRead<T> now = JsonReading.read(file, format);
        if (now.ok()) {
            return now.bytes();
        }
        List<LoadNotice> notices = new ArrayList<>();
        if (!setAside(file, now, notices)) {
            mainStuck = true;
            notices.forEach(n -> writer.report(n.text()));
            throw new IOException(file + " could not be read nor moved aside; it is left as it is");
        }
        notices.forEach(n -> writer.report(n.text()));
        return null;
    }

    /** Moves a bad file aside and says so; false when even that failed (then it is left alone). */
    private static boolean setAside(Path bad, FileRead<?> why, List<LoadNotice> notices) {
        try {
            Path keptAs = SetAside.move(bad);
            notices.add(new LoadNotice(LoadNotice.Kind.SET_ASIDE, bad, why.problem(), keptAs, why.detail()));
            return true;
        } catch (IOException e) {
            notices.add(new LoadNotice(LoadNotice.Kind.STUCK, bad, why.problem(), null, String.valueOf(e.getMessage())));
            return false;
        }
    }

    /** Temporary files of writes a crash cut short; young ones may belong to another running instance. */
    private void removeStaleTemps() {
        Path folder = file.toAbsolutePath().getParent();
        if (!Files.isDirectory(folder)) {
            return;
        }
        Instant before = Instant.now().minus(STALE_TEMP);
        String prefix = file.getFileName() + ".";
        try (DirectoryStream<Path> temps = Files.newDirectoryStream(folder, p -> {
            String name = p.getFileName().toString();
            return name.startsWith(prefix) && name.endsWith(AtomicFile.TEMP_SUFFIX) && !name.contains(SetAside.MARK);
        })) {
            for (Path temp : temps) {
                FileTime modified = Files.getLastModifiedTime(temp, LinkOption.NOFOLLOW_LINKS);
                if (Files.isRegularFile(temp, LinkOption.NOFOLLOW_LINKS) && modified.toInstant().isBefore(before)) {
                    Files.deleteIfExists(temp);
                }
            }
        } catch (IOException e) {
            // leftovers are harmless: they are never read
        }
    }
}
