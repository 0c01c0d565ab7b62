package dev.mqttdesk.core.diff;

/**
 * One line of a diff as the user reads it. For {@link Mark#SAME}, {@link Mark#ADDED} and
 * {@link Mark#REMOVED} lines of text or hex, {@code text} is the line; for JSON it is the path and
 * the values ({@code $.a.b[2]: 1 → 2}). For {@link Mark#SKIPPED} and {@link Mark#MORE} it is null
 * and {@code count} says how many lines were left out (the UI puts that in words).
 */
public record DiffLine(Mark mark, String text, int count) {

    public enum Mark {
        SAME(' '), ADDED('+'), REMOVED('-'), CHANGED('~'),
        /** A run of unchanged lines not shown. */
        SKIPPED(' '),
        /** Differences past the most a diff shows. */
        MORE(' ');

        private final char sign;

        Mark(char sign) {
            this.sign = sign;
        }

        /** The sign at the start of the line: + added, - removed, ~ changed, a space otherwise. */
        public char sign() {
            return sign;
        }
    }

    static DiffLine of(Mark mark, String text) {
        return new DiffLine(mark, text, 0);
    }
}
