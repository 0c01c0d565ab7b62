package dev.mqttdesk.miniprogram;

import dev.mqttdesk.core.i18n.InvalidInputException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Puts a generated page into a folder: an empty or new one, or any with {@code force}. */
public final class PageWriter {

    private PageWriter() {
    }

    /** Refuses a folder that holds something (unless forced) or is a file, before anything is written. */
    public static void checkTarget(Path dir, boolean force) throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new InvalidInputException("miniprogram.error.outIsFile", dir);
        }
        if (!force && Files.isDirectory(dir)) {
            try (Stream<Path> entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    throw new InvalidInputException("miniprogram.error.outNotEmpty", dir);
                }
            }
        }
    }

    public static void write(Path dir, List<PageFile> files, boolean force) throws IOException {
        checkTarget(dir, force);
        for (PageFile f : files) {
            Path target = dir.resolve(f.path());
            Files.createDirectories(target.getParent());
            Files.write(target, f.content());
        }
    }
}
