package dev.mqttdesk.core.log.payload;

/** Strict UTF-8 (RFC 3629): no overlong forms, no surrogates, nothing above U+10FFFF. */
public final class Utf8 {

    private Utf8() {
    }

    /**
     * The length (1 to 4) of the well-formed sequence that starts at {@code i}, or 0 when the
     * byte at {@code i} does not start one before {@code end}.
     */
    public static int sequenceLength(byte[] b, int i, int end) {
        int b0 = b[i] & 0xFF;
        if (b0 < 0x80) {
            return 1;
        }
        if (b0 < 0xC2) {
            return 0; // a stray continuation byte, or the lead of an overlong two-byte form
        }
        if (b0 < 0xE0) {
            return i + 1 < end && continuation(b[i + 1]) ? 2 : 0;
        }
        if (b0 < 0xF0) {
            if (i + 2 >= end) {
                return 0;
            }
            int b1 = b[i + 1] & 0xFF;
            if (b0 == 0xE0 && b1 < 0xA0 || b0 == 0xED && b1 > 0x9F) {
                return 0; // overlong, or a UTF-16 surrogate
            }
            return continuation(b[i + 1]) && continuation(b[i + 2]) ? 3 : 0;
        }
        if (b0 < 0xF5) {
            if (i + 3 >= end) {
                return 0;
            }
            int b1 = b[i + 1] & 0xFF;
            if (b0 == 0xF0 && b1 < 0x90 || b0 == 0xF4 && b1 > 0x8F) {
                return 0; // overlong, or above U+10FFFF
            }
            return continuation(b[i + 1]) && continuation(b[i + 2]) && continuation(b[i + 3]) ? 4 : 0;
        }
        return 0;
    }

    /** How many bytes in {@code [from, to)} belong to no well-formed sequence. */
    public static int invalidBytes(byte[] b, int from, int to) {
        int invalid = 0;
        int i = from;
        while (i < to) {
            if (b[i] >= 0) {
                i++;
                continue;
            }
            int n = sequenceLength(b, i, to);
            if (n == 0) {
                invalid++;
                i++;
            } else {
                i += n;
            }
        }
        return invalid;
    }

    public static boolean isValid(byte[] b) {
        return invalidBytes(b, 0, b.length) == 0;
    }

    private static boolean continuation(byte b) {
        return (b & 0xC0) == 0x80;
    }
}
