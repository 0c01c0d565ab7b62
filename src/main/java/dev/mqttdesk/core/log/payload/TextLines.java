package dev.mqttdesk.core.log.payload;

import java.util.Arrays;

/**
 * A payload as lines of text for a virtualised list. One pass indexes where each line starts and
 * counts the bad bytes; a line's text is decoded only when asked for, bad bytes shown as
 * {@code \xNN} (see {@link VisibleText}). A line longer than {@link #MAX_LINE_BYTES} is cut into
 * pieces at character boundaries, so that no single row gets huge; {@link #continues(int)} tells
 * such a soft break from a real line break. A line break is {@code \n}; a {@code \r} right before
 * it is part of the break.
 */
public final class TextLines implements Lines {

    public static final int MAX_LINE_BYTES = 4096;

    private final byte[] bytes;
    private final int[] starts;
    private final int count;
    private final int invalidBytes;

    private TextLines(byte[] bytes, int[] starts, int count, int invalidBytes) {
        this.bytes = bytes;
        this.starts = starts;
        this.count = count;
        this.invalidBytes = invalidBytes;
    }

    /** Indexes the payload: linear in its size, about 10 ms for 10 MB. Keeps a reference to it, no copy. */
    public static TextLines of(byte[] b) {
        int n = b.length;
        if (n == 0) {
            return new TextLines(b, new int[]{0}, 0, 0);
        }
        int[] starts = new int[Math.max(16, n / 64)];
        int count = 1;
        int lineStart = 0;
        int invalid = 0;
        int i = 0;
        while (i < n) {
            byte c = b[i];
            int len;
            if (c == '\n') {
                i++;
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i;
                lineStart = i;
                continue;
            } else if (c >= 0) {
                len = 1;
            } else {
                len = Utf8.sequenceLength(b, i, n);
                if (len == 0) {
                    invalid++;
                    len = 1;
                }
            }
            if (i + len - lineStart > MAX_LINE_BYTES && i > lineStart) {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i;
                lineStart = i;
            }
            i += len;
        }
        return new TextLines(b, starts, count, invalid);
    }

    @Override
    public int lineCount() {
        return count;
    }

    @Override
    public String line(int index) {
        return VisibleText.of(bytes, starts[index], contentEnd(index)).text();
    }

    /** Whether line {@code index} goes on in the next one: it was cut for length, not broken by the payload. */
    public boolean continues(int index) {
        return index + 1 < count && bytes[starts[index + 1] - 1] != '\n';
    }

    /** Bytes of the whole payload shown as {@code \xNN}. */
    public int invalidBytes() {
        return invalidBytes;
    }

    private int contentEnd(int index) {
        if (index + 1 >= count) {
            return bytes.length;
        }
        int next = starts[index + 1];
        if (bytes[next - 1] != '\n') {
            return next;
        }
        int end = next - 1;
        return end > starts[index] && bytes[end - 1] == '\r' ? end - 1 : end;
    }
}
