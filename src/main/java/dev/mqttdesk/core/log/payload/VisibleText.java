package dev.mqttdesk.core.log.payload;

import java.nio.charset.StandardCharsets;

/**
 * Payload bytes as UTF-8 text where each byte that is not part of a well-formed character shows
 * as {@code \xNN} (two upper-case hex digits), so a broken payload never looks like a good one.
 * A backslash in the payload itself stays a plain backslash: {@link #invalidBytes()} says whether
 * any {@code \xNN} on screen stands for a bad byte.
 *
 * @param invalidBytes how many bytes were shown as {@code \xNN}
 */
public record VisibleText(String text, int invalidBytes) {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    public static VisibleText of(byte[] bytes) {
        return of(bytes, 0, bytes.length);
    }

    public static VisibleText of(byte[] b, int from, int to) {
        StringBuilder out = null;
        int invalid = 0;
        int runStart = from;
        int i = from;
        while (i < to) {
            if (b[i] >= 0) {
                i++;
                continue;
            }
            int n = Utf8.sequenceLength(b, i, to);
            if (n > 0) {
                i += n;
                continue;
            }
            if (out == null) {
                out = new StringBuilder(to - from + 16);
            }
            out.append(new String(b, runStart, i - runStart, StandardCharsets.UTF_8));
            out.append('\\').append('x').append(HEX[(b[i] >> 4) & 0xF]).append(HEX[b[i] & 0xF]);
            invalid++;
            i++;
            runStart = i;
        }
        if (out == null) {
            return new VisibleText(new String(b, from, to - from, StandardCharsets.UTF_8), 0);
        }
        out.append(new String(b, runStart, to - runStart, StandardCharsets.UTF_8));
        return new VisibleText(out.toString(), invalid);
    }
}
