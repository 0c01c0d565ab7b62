package dev.mqttdesk.connection;

import dev.mqttdesk.core.i18n.InputField;
import dev.mqttdesk.core.i18n.InvalidInputException;

/** Whole numbers typed in a form, where an empty field means the option's default. */
final class FormNumbers {

    private FormNumbers() {
    }

    /** The number typed, or {@code ifEmpty} when nothing is; the range is the core's to check. */
    static long orDefault(String text, long ifEmpty, InputField field) {
        String s = text == null ? "" : text.strip();
        if (s.isEmpty()) {
            return ifEmpty;
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "error.number");
        }
    }

    /** For int options: a number past int's range is out of every such option's range, so it says that. */
    static int intOrDefault(String text, int ifEmpty, InputField field, int min, int max) {
        long n = orDefault(text, ifEmpty, field);
        if (n < min || n > max) {
            throw new InvalidInputException(field, "error.range", String.valueOf(min), String.valueOf(max));
        }
        return (int) n;
    }

    /** Whether the text is empty or a zero, as an option whose empty field means 0 reads it. */
    static boolean isZeroOrEmpty(String text) {
        String s = text == null ? "" : text.strip();
        return s.isEmpty() || s.matches("0+");
    }
}
