package dev.mqttdesk.core.log.payload;

/**
 * A hex dump, one line per 16 bytes, in the layout of {@code hexdump -C}:
 * {@code 00000010  48 65 6c 6c 6f 20 77 6f  72 6c 64 0a 00 01 02 03  |Hello world.....|}.
 * Each line is formatted only when asked for.
 */
public final class HexLines extends ByteRowLines {

    public static final int BYTES_PER_LINE = 16;
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    /** 8 offset digits, 2 spaces, 16 x "xx ", 1 extra space in the middle, 1 space, |16 chars|. */
    private static final int LINE_CHARS = 8 + 2 + 16 * 3 + 1 + 1 + 18;

    public HexLines(byte[] bytes) {
        super(bytes, BYTES_PER_LINE);
    }

    @Override
    String format(byte[] bytes, int offset, int n) {
        char[] out = new char[LINE_CHARS];
        java.util.Arrays.fill(out, ' ');
        for (int d = 7; d >= 0; d--) {
            out[7 - d] = HEX[(offset >>> (d * 4)) & 0xF];
        }
        int ascii = 8 + 2 + 16 * 3 + 1 + 1;
        out[ascii] = '|';
        for (int k = 0; k < n; k++) {
            int v = bytes[offset + k] & 0xFF;
            int at = 10 + k * 3 + (k >= 8 ? 1 : 0);
            out[at] = HEX[v >> 4];
            out[at + 1] = HEX[v & 0xF];
            out[ascii + 1 + k] = v >= 0x20 && v < 0x7F ? (char) v : '.';
        }
        out[ascii + 1 + n] = '|';
        return new String(out, 0, ascii + 2 + n);
    }
}
