package dev.mqttdesk.core.chart;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;

/**
 * Writes pixels as a PNG file (8-bit RGBA, no filter): enough to save a chart without pulling in the AWT
 * bridge ({@code javafx.swing}) and the desktop module it needs.
 */
public final class Png {

    private Png() {
    }

    /** @param argb {@code width * height} pixels, row by row, as {@code 0xAARRGGBB} */
    public static void write(OutputStream out, int width, int height, int[] argb) throws IOException {
        if (width <= 0 || height <= 0 || argb.length != width * height) {
            throw new IllegalArgumentException("pixels do not fit " + width + " x " + height);
        }
        DataOutputStream data = new DataOutputStream(out);
        data.write(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        DataOutputStream h = new DataOutputStream(header);
        h.writeInt(width);
        h.writeInt(height);
        h.write(new byte[]{8, 6, 0, 0, 0}); // 8 bits per channel, RGBA, deflate, no filter method, no interlace
        chunk(data, "IHDR", header.toByteArray());
        ByteArrayOutputStream packed = new ByteArrayOutputStream();
        try (DeflaterOutputStream z = new DeflaterOutputStream(packed)) {
            byte[] row = new byte[1 + width * 4];
            for (int y = 0; y < height; y++) {
                row[0] = 0; // filter type: none
                for (int x = 0; x < width; x++) {
                    int p = argb[y * width + x];
                    int at = 1 + x * 4;
                    row[at] = (byte) (p >> 16);
                    row[at + 1] = (byte) (p >> 8);
                    row[at + 2] = (byte) p;
                    row[at + 3] = (byte) (p >>> 24);
                }
                z.write(row);
            }
        }
        chunk(data, "IDAT", packed.toByteArray());
        chunk(data, "IEND", new byte[0]);
        data.flush();
    }

    private static void chunk(DataOutputStream out, String type, byte[] body) throws IOException {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        out.writeInt(body.length);
        out.write(name);
        out.write(body);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(body);
        out.writeInt((int) crc.getValue());
    }
}
