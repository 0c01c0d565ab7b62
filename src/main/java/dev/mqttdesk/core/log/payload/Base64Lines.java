package dev.mqttdesk.core.log.payload;

import java.util.Base64;

/**
 * The payload in standard base64 (RFC 4648, with padding), cut into lines of 76 characters as
 * MIME does. Each line encodes 57 bytes, a multiple of 3, so the lines joined without breaks are
 * exactly the base64 of the whole payload.
 */
public final class Base64Lines extends ByteRowLines {

    public static final int BYTES_PER_LINE = 57;

    public Base64Lines(byte[] bytes) {
        super(bytes, BYTES_PER_LINE);
    }

    @Override
    String format(byte[] bytes, int offset, int n) {
        return Base64.getEncoder().encodeToString(java.util.Arrays.copyOfRange(bytes, offset, offset + n));
    }

    /** The whole payload as one base64 string, for copying; grows with the payload (4/3 of its size). */
    public String all() {
        return Base64.getEncoder().encodeToString(bytes());
    }
}
