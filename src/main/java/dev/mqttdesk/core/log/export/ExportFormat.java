package dev.mqttdesk.core.log.export;

import dev.mqttdesk.core.i18n.InvalidInputException;

import java.nio.file.Path;
import java.util.Locale;

/** The file formats the log is written to and read back from. */
public enum ExportFormat {
    /** One JSON object per line (https://jsonlines.org), UTF-8. */
    JSON_LINES("jsonl"),
    /** RFC 4180 CSV, UTF-8 with a byte order mark so spreadsheets read Chinese right. */
    CSV("csv");

    private final String extension;

    ExportFormat(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }

    /** The format a file's name says: {@code .jsonl} (or {@code .ndjson}) or {@code .csv}. */
    public static ExportFormat forFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            return JSON_LINES;
        }
        if (name.endsWith(".csv")) {
            return CSV;
        }
        throw new InvalidInputException("log.export.unknownFormat", file.getFileName().toString());
    }
}
