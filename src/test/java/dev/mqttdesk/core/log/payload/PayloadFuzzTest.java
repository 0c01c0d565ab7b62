package dev.mqttdesk.core.log.payload;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.mqttdesk.core.i18n.Text;
import dev.mqttdesk.testing.BundleKeys;
import dev.mqttdesk.testing.Printable;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fuzzed payloads through every view of the detail pane: nothing throws, nothing is lost or made up.
 * Each view is checked against an independent reading of the same bytes (the JDK's strict UTF-8
 * decoder, {@link Base64}, {@link HexFormat}, Jackson's own tokens).
 */
class PayloadFuzzTest {

    private static final JsonFactory JSON = new JsonFactory();

    @Property(tries = 10_000)
    void our_utf8_rules_agree_with_the_jdks_strict_decoder(@ForAll("payloads") byte[] payload) {
        boolean jdkValid;
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(payload));
            jdkValid = true;
        } catch (CharacterCodingException e) {
            jdkValid = false;
        }
        assertEquals(jdkValid, Utf8.isValid(payload), () -> Printable.of(payload));
    }

    @Property(tries = 10_000)
    void visible_text_shows_every_byte_good_ones_as_text_bad_ones_as_hex(@ForAll("payloads") byte[] raw) {
        byte[] payload = withoutBackslashes(raw);
        VisibleText shown = VisibleText.of(payload);
        assertArrayEquals(payload, readBack(shown.text()), () -> Printable.of(payload) + " shown as " + Printable.of(shown.text()));
        assertEquals(Utf8.invalidBytes(payload, 0, payload.length), shown.invalidBytes());
        if (shown.invalidBytes() == 0) {
            assertEquals(new String(payload, StandardCharsets.UTF_8), shown.text());
        }
    }

    @Property(tries = 10_000)
    void text_lines_joined_again_are_the_whole_visible_text(@ForAll("payloads") byte[] payload) {
        TextLines lines = TextLines.of(payload);
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < lines.lineCount(); i++) {
            String line = lines.line(i);
            assertFalse(line.indexOf('\n') >= 0, "a line holds no line break");
            assertTrue(line.length() <= TextLines.MAX_LINE_BYTES * 4, "a line is cut at " + TextLines.MAX_LINE_BYTES + " bytes");
            joined.append(line);
            if (i + 1 < lines.lineCount() && !lines.continues(i)) {
                joined.append('\n');
            }
        }
        String whole = VisibleText.of(payload).text().replace("\r\n", "\n");
        assertEquals(whole, joined.toString(), () -> Printable.of(payload));
        assertEquals(VisibleText.of(payload).invalidBytes(), lines.invalidBytes());
        assertEquals(payload.length == 0 ? 0 : 1 + count(payload, (byte) '\n'),
                lines.lineCount() - softBreaks(lines), () -> Printable.of(payload));
    }

    @Property(tries = 10_000)
    void the_hex_dump_reads_back_to_the_payload_with_offsets_and_ascii_right(@ForAll("payloads") byte[] payload) {
        HexLines hex = new HexLines(payload);
        assertEquals((payload.length + 15) / 16, hex.lineCount());
        ByteArrayOutputStream back = new ByteArrayOutputStream();
        for (int i = 0; i < hex.lineCount(); i++) {
            String line = hex.line(i);
            assertEquals(String.format("%08x", i * 16), line.substring(0, 8));
            String digits = line.substring(10, 10 + 16 * 3 + 1).replace(" ", "");
            byte[] row = HexFormat.of().parseHex(digits);
            back.writeBytes(row);
            StringBuilder ascii = new StringBuilder("|");
            for (byte b : row) {
                ascii.append(b >= 0x20 && b < 0x7F ? (char) b : '.');
            }
            assertEquals(ascii.append('|').toString(), line.substring(line.indexOf('|', 10 + 16 * 3)));
        }
        assertArrayEquals(payload, back.toByteArray());
    }

    @Property(tries = 10_000)
    void base64_lines_decode_to_the_payload_and_join_to_its_whole_base64(@ForAll("payloads") byte[] payload) {
        Base64Lines lines = new Base64Lines(payload);
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < lines.lineCount(); i++) {
            assertTrue(lines.line(i).length() <= 76);
            joined.append(lines.line(i));
        }
        assertEquals(lines.all(), joined.toString());
        assertArrayEquals(payload, Base64.getDecoder().decode(joined.toString()));
        assertArrayEquals(payload, Base64.getMimeDecoder().decode(String.join("\r\n", allLines(lines))));
    }

    @Property(tries = 10_000)
    void any_payload_is_json_with_the_same_tokens_or_not_json_for_a_reason_in_words(@ForAll("jsonish") byte[] payload) {
        JsonView view = JsonView.of(payload);
        if (!view.isJson()) {
            assertNull(view.lines());
            assertNotNull(view.problem());
            BundleKeys.assertInBoth(view.problem());
            assertNoPlaceholderLeft(view.problem());
            return;
        }
        assertNull(view.problem());
        List<String> expected = tokens(payload);
        assertNotNull(expected, () -> "JsonView took what Jackson refuses: " + Printable.of(payload));
        StringBuilder pretty = new StringBuilder();
        for (int i = 0; i < view.lines().lineCount(); i++) {
            pretty.append(view.lines().line(i)).append('\n');
        }
        assertEquals(expected, tokens(pretty.toString().getBytes(StandardCharsets.UTF_8)), () -> Printable.of(payload));
    }

    @Property(tries = 10_000)
    void valid_json_is_always_shown_as_json(@ForAll("validJson") String document) {
        JsonView view = JsonView.of(document.getBytes(StandardCharsets.UTF_8));
        assertTrue(view.isJson(), () -> Printable.of(document) + ": " + view.problem());
    }

    @Property(tries = 10_000)
    void a_size_in_words_names_the_exact_byte_count_in_both_languages(@ForAll @LongRange(min = 0, max = 1L << 40) long bytes) {
        Text text = Sizes.human(bytes);
        BundleKeys.assertInBoth(text);
        Locale before = Locale.getDefault();
        try {
            for (Locale locale : List.of(Locale.US, Locale.SIMPLIFIED_CHINESE)) {
                Locale.setDefault(locale);
                String words = text.resolve();
                assertTrue(words.replace(",", "").contains(Long.toString(bytes)), words);
            }
        } finally {
            Locale.setDefault(before);
        }
        String unit = bytes < 1024 ? "log.size.bytes" : bytes < 1024 * 1024 ? "log.size.kib" : "log.size.mib";
        assertEquals(unit, text.key());
    }

    @Property(tries = 10_000)
    void payload_views_count_what_the_parts_count(@ForAll("payloads") byte[] payload) {
        PayloadViews views = PayloadViews.of(payload);
        assertEquals(payload.length, views.size());
        BundleKeys.assertInBoth(views.sizeText());
        if (views.invalidNote() != null) {
            BundleKeys.assertInBoth(views.invalidNote());
        }
        assertEquals(Utf8.invalidBytes(payload, 0, payload.length) == 0, views.invalidNote() == null);
    }

    // ---------------------------------------------------------------- generators

    @Provide
    Arbitrary<byte[]> payloads() {
        Arbitrary<Byte> anyByte = Arbitraries.bytes();
        Arbitrary<Byte> utf8ish = Arbitraries.of((byte) 'a', (byte) '\n', (byte) '\r', (byte) 0x00, (byte) 0x7F,
                (byte) 0x80, (byte) 0xBF, (byte) 0xC0, (byte) 0xC1, (byte) 0xC2, (byte) 0xDF, (byte) 0xE0, (byte) 0xED,
                (byte) 0xEF, (byte) 0xF0, (byte) 0xF4, (byte) 0xF5, (byte) 0xFF, (byte) 0x9F, (byte) 0xA0, (byte) 0x8F,
                (byte) 0x90);
        return Arbitraries.oneOf(
                anyByte.array(byte[].class).ofMaxSize(64),
                utf8ish.array(byte[].class).ofMaxSize(64),
                Arbitraries.strings().all().ofMaxLength(40).map(s -> s.getBytes(StandardCharsets.UTF_8)),
                // Around the 4096-byte cut of long lines, with multi-byte characters across it.
                Arbitraries.integers().between(4090, 4100).flatMap(n -> Arbitraries.of("a", "é", "中", "😀", "\r\n", "\n")
                        .list().ofMinSize(1).ofMaxSize(3).map(parts -> longLine(n, parts))),
                utf8ish.array(byte[].class).ofMinSize(4090).ofMaxSize(4200));
    }

    private static byte[] longLine(int n, List<String> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("x".repeat(n).getBytes(StandardCharsets.US_ASCII));
        for (String p : parts) {
            out.writeBytes(p.getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes("tail".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    @Provide
    Arbitrary<String> validJson() {
        // Built by hand from jqwik's random source: combinators nested four deep take minutes for 10,000 tries.
        return Arbitraries.randomValue(random -> {
            StringBuilder out = new StringBuilder();
            RandomJson.value(random, 4, out);
            return out.toString();
        });
    }

    @Provide
    Arbitrary<byte[]> jsonish() {
        Arbitrary<byte[]> documents = Arbitraries.randomValue(random -> {
            StringBuilder doc = new StringBuilder();
            RandomJson.value(random, 4, doc);
            byte[] b = doc.toString().getBytes(StandardCharsets.UTF_8);
            return switch (random.nextInt(9)) {
                case 0, 1 -> b;
                case 2, 3 -> mutate(b, random.nextInt(Math.max(1, b.length)), (byte) random.nextInt(256));
                case 4 -> java.util.Arrays.copyOf(b, random.nextInt(b.length + 1));
                case 5 -> doc.toString().getBytes(StandardCharsets.UTF_16BE);
                case 6 -> concat(b, " x".getBytes(StandardCharsets.US_ASCII));
                case 7 -> concat(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, b);
                default -> {
                    int n = 900 + random.nextInt(300); // around Jackson's nesting limit of 1000
                    yield random.nextBoolean() ? ("[".repeat(n) + "]".repeat(n)).getBytes(StandardCharsets.US_ASCII)
                            : "9".repeat(n + 90).getBytes(StandardCharsets.US_ASCII); // around its 1000-digit limit
                }
            };
        });
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, documents), net.jqwik.api.Tuple.of(1, payloads()));
    }

    // ---------------------------------------------------------------- independent readings

    /** Jackson's tokens of the document with their text, or null when Jackson refuses it. */
    private static List<String> tokens(byte[] json) {
        List<String> out = new ArrayList<>();
        try (JsonParser p = JSON.createParser(json)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                out.add(t + ":" + (t.isScalarValue() || t == JsonToken.FIELD_NAME ? p.getText() : ""));
            }
        } catch (IOException e) {
            return null;
        }
        return out;
    }

    /** The bytes a visible text stands for: \xNN is the byte NN, anything else its UTF-8. */
    private static byte[] readBack(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < text.length()) {
            if (text.startsWith("\\x", i) && i + 4 <= text.length()) {
                out.write(Integer.parseInt(text.substring(i + 2, i + 4), 16));
                i += 4;
            } else {
                int cp = text.codePointAt(i);
                out.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(cp);
            }
        }
        return out.toByteArray();
    }

    private static byte[] withoutBackslashes(byte[] b) {
        byte[] c = b.clone();
        for (int i = 0; i < c.length; i++) {
            if (c[i] == '\\') {
                c[i] = '/';
            }
        }
        return c;
    }

    private static List<String> allLines(Lines lines) {
        List<String> all = new ArrayList<>();
        for (int i = 0; i < lines.lineCount(); i++) {
            all.add(lines.line(i));
        }
        return all;
    }

    private static int softBreaks(TextLines lines) {
        int n = 0;
        for (int i = 0; i < lines.lineCount(); i++) {
            n += lines.continues(i) ? 1 : 0;
        }
        return n;
    }

    private static int count(byte[] b, byte x) {
        int n = 0;
        for (byte c : b) {
            n += c == x ? 1 : 0;
        }
        return n;
    }

    private static void assertNoPlaceholderLeft(Text problem) {
        String words = problem.resolve();
        assertFalse(words.isBlank() || words.startsWith("log."), words);
    }

    private static byte[] mutate(byte[] b, int at, byte x) {
        if (b.length == 0) {
            return new byte[]{x};
        }
        byte[] c = b.clone();
        c[at] = x;
        return c;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
