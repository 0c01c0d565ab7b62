package dev.mqttdesk.core.log.payload;

import java.util.Base64;

/**
 * The payload in standard base64 (RFC 4648, with padding), cut into lines of 76 characters as
 * MIME does. Each line encodes 57 bytes, a multiple of 3, so the lines joined without breaks are
 * exactly the base64 of the whole payload.
 */
public final class Base64Lines implements Lines {

    public static final int BYTES_PER_LINE = 57;

    private final byte[] bytes;

    public Base64Lines(byte[] bytes) {
        this.bytes = bytes;
    }

    @Override
    public int lineCount() {
        return (bytes.length + BYTES_PER_LINE - 1) / BYTES_PER_LINE;
    }

    @Override
    public String line(int index) {
        int offset = index * BYTES_PER_LINE;
        if (index < 0 || offset >= bytes.length) {
            throw new IndexOutOfBoundsException(index);
        }
        int n = Math.min(BYTES_PER_LINE, bytes.length - offset);
        byte[] part = java.util.Arrays.copyOfRange(bytes, offset, offset + n);
        return Base64.getEncoder().encodeToString(part);
    }

    /** The whole payload as one base64 string, for copying; grows with the payload (4/3 of its size). */
    public String all() {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
