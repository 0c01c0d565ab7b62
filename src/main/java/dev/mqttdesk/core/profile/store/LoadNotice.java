package dev.mqttdesk.core.profile.store;

import dev.mqttdesk.core.i18n.Text;

import java.nio.file.Path;

/**
 * Something the user must be told about how their saved files were loaded, as data; {@link #text()} puts it in
 * words from the bundles.
 *
 * @param kind    what happened
 * @param file    the file it is about ({@code profiles.json}, its backup, {@code last-connection.json})
 * @param problem why it could not be read; null for kinds that are not about a broken file
 * @param keptAs  where a broken file now is ({@code SET_ASIDE}); null otherwise
 * @param detail  what the parser or the operating system said; may be empty
 */
public record LoadNotice(Kind kind, Path file, Problem problem, Path keptAs, String detail) {

    public enum Kind {
        /** {@code file} could not be read and was moved, untouched, to {@code keptAs}. */
        SET_ASIDE,
        /** {@code file} could not be read nor moved aside: it stays, and nothing is saved over it. */
        STUCK,
        /** The backup {@code file} was loaded in place of the main file. */
        LOADED_BACKUP,
        /** The main file was missing; the backup {@code file} was loaded. */
        LOADED_BACKUP_OF_MISSING,
        /** Nothing could be read: the app starts without the saved content. {@code file} is the folder. */
        STARTED_EMPTY,
        /** The old single connection in {@code file} became the first saved connection. */
        MIGRATED
    }

    public LoadNotice {
        detail = detail == null ? "" : detail;
    }

    /** True for the notices that mean a file could not be read. */
    public boolean unreadable() {
        return kind == Kind.SET_ASIDE || kind == Kind.STUCK || kind == Kind.STARTED_EMPTY;
    }

    public Text text() {
        String name = file == null ? "" : file.toString();
        return switch (kind) {
            case SET_ASIDE -> Text.of("profiles.notice.setAside", name, problem.text(), String.valueOf(keptAs));
            case STUCK -> Text.of("profiles.notice.stuck", name, problem.text(), detail);
            case LOADED_BACKUP -> Text.of("profiles.notice.loadedBackup", name);
            case LOADED_BACKUP_OF_MISSING -> Text.of("profiles.notice.loadedBackupOfMissing", name);
            case STARTED_EMPTY -> Text.of("profiles.notice.startedEmpty", name);
            case MIGRATED -> Text.of("profiles.notice.migrated", name);
        };
    }
}
