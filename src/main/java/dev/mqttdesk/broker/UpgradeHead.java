package dev.mqttdesk.broker;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** The head of one HTTP request as it came (bytes kept to forward unchanged), and the Origin it names. */
record UpgradeHead(byte[] bytes, String origin, boolean severalOrigins) {

    static final int LIMIT = 16 * 1024;

    /** Reads up to the blank line that ends the head; null when the peer closed first or sent too much. */
    static UpgradeHead read(InputStream in) throws IOException {
        byte[] buffer = new byte[LIMIT];
        int length = 0;
        while (length < LIMIT) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            buffer[length++] = (byte) b;
            if (length >= 4 && buffer[length - 4] == '\r' && buffer[length - 3] == '\n'
                    && buffer[length - 2] == '\r' && buffer[length - 1] == '\n') {
                byte[] head = java.util.Arrays.copyOf(buffer, length);
                return parse(head);
            }
        }
        return null;
    }

    private static UpgradeHead parse(byte[] head) {
        String origin = null;
        int origins = 0;
        for (String line : new String(head, StandardCharsets.ISO_8859_1).split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).strip().toLowerCase(Locale.ROOT).equals("origin")) {
                origin = line.substring(colon + 1).strip();
                origins++;
            }
        }
        return new UpgradeHead(head, origin, origins > 1);
    }
}
