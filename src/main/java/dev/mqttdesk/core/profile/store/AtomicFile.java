package dev.mqttdesk.core.profile.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Replaces a file so that a crash at any moment leaves the old content or the new, never half of either:
 * a temporary file in the same folder, written and forced to disk, moved over the target atomically, then
 * the folder itself forced so the move survives a power cut. Files are readable by their owner only (0600)
 * where the file system knows POSIX permissions: passwords may be in them.
 */
final class AtomicFile {

    static final String TEMP_SUFFIX = ".tmp";

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_FOLDER = PosixFilePermissions.fromString("rwx------");

    private AtomicFile() {
    }

    static void write(Path file, byte[] bytes) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        createFolder(folder);
        Path temp = POSIX
                ? Files.createTempFile(folder, file.getFileName() + ".", TEMP_SUFFIX, PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                : Files.createTempFile(folder, file.getFileName() + ".", TEMP_SUFFIX);
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            move(temp, file);
            forceFolder(folder);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Renames within one folder: atomically where the file system can, else a plain replace. */
    static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Makes a rename in the folder durable. Not every OS lets a folder be opened (Windows does not): then it is skipped. */
    static void forceFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // best effort: the data itself is already forced
        }
    }

    static void createFolder(Path folder) throws IOException {
        if (Files.isDirectory(folder)) {
            return;
        }
        if (POSIX) {
            FileAttribute<Set<PosixFilePermission>> mode = PosixFilePermissions.asFileAttribute(OWNER_ONLY_FOLDER);
            Files.createDirectories(folder, mode);
        } else {
            Files.createDirectories(folder);
        }
    }
}
