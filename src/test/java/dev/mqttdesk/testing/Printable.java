package dev.mqttdesk.testing;

import java.util.HexFormat;

/** Test inputs written so that a failure message shows every character, control and surrogate alike. */
public final class Printable {

    private Printable() {
    }

    public static String of(Object input) {
        if (input instanceof byte[] bytes) {
            return bytes.length > 256 ? bytes.length + " bytes starting " + HexFormat.of().formatHex(bytes, 0, 256)
                    : "bytes " + HexFormat.of().formatHex(bytes);
        }
        if (!(input instanceof String s)) {
            return String.valueOf(input);
        }
        StringBuilder out = new StringBuilder("\"");
        int shown = Math.min(s.length(), 300);
        for (int i = 0; i < shown; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x7F && c != '\\') {
                out.append(c);
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out.append(s.length() > shown ? "…\" (" + s.length() + " chars)" : "\"").toString();
    }
}
