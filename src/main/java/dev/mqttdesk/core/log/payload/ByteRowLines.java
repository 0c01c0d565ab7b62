package dev.mqttdesk.core.log.payload;

/** Lines that each show a fixed number of the payload's bytes, formatted only when asked for. */
abstract class ByteRowLines implements Lines {

    private final byte[] bytes;
    private final int bytesPerLine;

    ByteRowLines(byte[] bytes, int bytesPerLine) {
        this.bytes = bytes;
        this.bytesPerLine = bytesPerLine;
    }

    @Override
    public final int lineCount() {
        return (bytes.length + bytesPerLine - 1) / bytesPerLine;
    }

    @Override
    public final String line(int index) {
        int offset = index * bytesPerLine;
        if (index < 0 || offset >= bytes.length) {
            throw new IndexOutOfBoundsException(index);
        }
        return format(bytes, offset, Math.min(bytesPerLine, bytes.length - offset));
    }

    /** The line for {@code n} bytes from {@code offset}. */
    abstract String format(byte[] bytes, int offset, int n);

    final byte[] bytes() {
        return bytes;
    }
}
