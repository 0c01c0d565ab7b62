package dev.mqttdesk.core.log.payload;

import java.util.Random;

/** Random valid JSON (RFC 8259): nested arrays and objects, odd numbers, every kind of character in strings. */
final class RandomJson {

    private static final String[] ODD_NUMBERS = {"0", "-0", "1e999", "-1.5E-7", "123456789012345678901234567890",
            "0.1000000000000000055511151231257827", "1E+2", "-0.0e-0"};
    private static final String[] SPACES = {"", " ", "\n", "\r\n\t "};

    private RandomJson() {
    }

    static void value(Random r, int depth, StringBuilder out) {
        int kind = depth == 0 ? r.nextInt(4) : r.nextInt(7);
        switch (kind) {
            case 0 -> out.append(new String[]{"true", "false", "null"}[r.nextInt(3)]);
            case 1 -> out.append(r.nextBoolean() ? ODD_NUMBERS[r.nextInt(ODD_NUMBERS.length)] : Long.toString(r.nextLong()));
            case 2 -> out.append(r.nextDouble() * Math.pow(10, r.nextInt(40) - 20));
            case 3, 4 -> string(r, out);
            case 5 -> container(r, depth, out, '[', ']', false);
            default -> container(r, depth, out, '{', '}', true);
        }
    }

    private static void container(Random r, int depth, StringBuilder out, char open, char close, boolean keys) {
        String space = SPACES[r.nextInt(SPACES.length)];
        out.append(open).append(space);
        int n = r.nextInt(5);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                out.append(',').append(space);
            }
            if (keys) {
                string(r, out);
                out.append(':').append(space);
            }
            value(r, depth - 1, out);
        }
        out.append(space).append(close);
    }

    private static void string(Random r, StringBuilder out) {
        out.append('"');
        int n = r.nextInt(12);
        for (int i = 0; i < n; i++) {
            int cp = switch (r.nextInt(4)) {
                case 0 -> 0x20 + r.nextInt(0x5F);
                case 1 -> r.nextInt(0x20);
                case 2 -> 0x4E00 + r.nextInt(0x5000);
                default -> r.nextInt(Character.MAX_CODE_POINT + 1);
            };
            if (cp == '"' || cp == '\\') {
                out.append('\\').appendCodePoint(cp);
            } else if (cp < 0x20 || (cp >= 0xD800 && cp <= 0xDFFF)) {
                out.append(String.format("\\u%04x", cp));
            } else {
                out.appendCodePoint(cp);
            }
        }
        out.append('"');
    }
}
