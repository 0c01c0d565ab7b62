package dev.mqttdesk.core.log.export;

import dev.mqttdesk.core.message.MessageProperties;
import dev.mqttdesk.core.message.PayloadFormat;
import dev.mqttdesk.core.i18n.InvalidInputException;
import dev.mqttdesk.core.log.Cancellation;
import dev.mqttdesk.core.log.Direction;
import dev.mqttdesk.core.log.Message;
import dev.mqttdesk.core.log.Progress;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LogRoundTripTest {

    @TempDir
    Path dir;

    private static Message m(long at, Direction d, String topic, int qos, boolean retain, byte[] payload,
                             MessageProperties props) {
        return new Message(at, d, topic, qos, retain, payload, props, Message.NO_COLOUR);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Every awkward case at once: what a real log of a busy developer holds. */
    static List<Message> awkwardLog() {
        MessageProperties props = MessageProperties.builder().contentType("application/json; charset=utf-8")
                .payloadFormat(PayloadFormat.UTF_8).messageExpirySeconds(4_294_967_295L).responseTopic("reply/to,me")
                .correlationData(new byte[]{0, (byte) 0xFF, 'a'})
                .userProperty("来源", "传感器, \"一号\"").userProperty("formula", "=HYPERLINK(\"http://x\")")
                .userProperty("来源", "second, same name").userProperty("", "").build();
        MessageProperties textCorrelation = MessageProperties.builder().correlationData(utf8("req-1")).build();
        byte[] binary = new byte[256];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) i;
        }
        List<Message> log = new ArrayList<>(List.of(
                m(1_714_000_000_123L, Direction.RECEIVED, "plain/text", 0, false, utf8("hello"), MessageProperties.NONE),
                m(1_714_000_000_000L, Direction.SENT, "lines", 1, true, utf8("one\ntwo\r\nthree\rfour\n"), MessageProperties.NONE),
                m(0L, Direction.RECEIVED, "csv,hostile", 2, false, utf8("a,b,\"c\",\"\"d\"\""), MessageProperties.NONE),
                m(-1L, Direction.RECEIVED, "中文/主题", 1, false, utf8("温度：21.5℃ 😀"), props),
                m(5L, Direction.RECEIVED, "=cmd|' /C calc'!A0", 0, false, utf8("=1+1"), MessageProperties.NONE),
                m(6L, Direction.RECEIVED, "+plus", 0, false, utf8("+SUM(A1:A9)"), MessageProperties.NONE),
                m(7L, Direction.RECEIVED, "-minus", 0, false, utf8("-5"), MessageProperties.NONE),
                m(8L, Direction.RECEIVED, "@at", 0, false, utf8("@SUM(1)"), MessageProperties.NONE),
                m(9L, Direction.RECEIVED, "tab", 0, false, utf8("\t=tab first"), MessageProperties.NONE),
                m(10L, Direction.RECEIVED, "cr", 0, false, utf8("\r=cr first"), MessageProperties.NONE),
                m(11L, Direction.RECEIVED, "quotes", 0, false, utf8("'=already quoted"), MessageProperties.NONE),
                m(12L, Direction.RECEIVED, "quotes2", 0, false, utf8("''-twice"), MessageProperties.NONE),
                m(13L, Direction.RECEIVED, "quotes3", 0, false, utf8("'just quoted'"), MessageProperties.NONE),
                m(14L, Direction.RECEIVED, "empty", 0, false, new byte[0], MessageProperties.NONE),
                m(15L, Direction.RECEIVED, "binary", 1, false, binary, MessageProperties.NONE),
                m(16L, Direction.RECEIVED, "bad utf8", 0, false, new byte[]{'o', 'k', (byte) 0xC3}, MessageProperties.NONE),
                // Base64 of these bytes starts with '+', a formula trigger, in the CSV payload cell.
                m(17L, Direction.RECEIVED, "base64 plus", 0, false, new byte[]{(byte) 0xFB, (byte) 0xFF}, MessageProperties.NONE),
                m(18L, Direction.RECEIVED, "nul and controls", 0, false, utf8("a\u0000b\u0001\u2028c"), MessageProperties.NONE),
                m(19L, Direction.SENT, "spaces", 0, false, utf8("  padded  "), MessageProperties.builder().userProperty("empty", "").build()),
                m(20L, Direction.SENT, "text correlation", 1, false, utf8("x"), textCorrelation)));
        Random random = new Random(11);
        for (int i = 0; i < 200; i++) {
            byte[] payload = new byte[random.nextInt(64)];
            random.nextBytes(payload);
            log.add(m(100L + i, i % 2 == 0 ? Direction.RECEIVED : Direction.SENT, "random/" + i, i % 3, i % 5 == 0,
                    payload, MessageProperties.NONE));
        }
        return log;
    }

    static void assertSameLog(List<Message> expected, List<Message> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            Message e = expected.get(i);
            Message a = actual.get(i);
            String where = "message " + i + " on " + e.topic();
            assertEquals(e.timestampMillis(), a.timestampMillis(), where);
            assertEquals(e.direction(), a.direction(), where);
            assertEquals(e.topic(), a.topic(), where);
            assertEquals(e.qos(), a.qos(), where);
            assertEquals(e.retain(), a.retain(), where);
            assertArrayEquals(e.payload(), a.payload(), where);
            assertEquals(e.properties(), a.properties(), where);
        }
    }

    @ParameterizedTest
    @EnumSource(ExportFormat.class)
    void a_log_written_and_read_back_is_equal_message_for_message(ExportFormat format) throws IOException {
        List<Message> log = awkwardLog();
        Path file = dir.resolve("log." + format.extension());
        LogExport.toFile(log, format, file, Progress.NONE, new Cancellation());
        assertSameLog(log, LogImport.fromFile(file));
    }

    @ParameterizedTest
    @EnumSource(ExportFormat.class)
    void progress_climbs_to_the_total_and_never_goes_back(ExportFormat format) throws IOException {
        List<Message> log = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            log.add(m(i, Direction.RECEIVED, "t/" + (i % 10), 0, false, utf8("v" + i), MessageProperties.NONE));
        }
        List<Long> seen = new ArrayList<>();
        LogExport.write(log, format, new ByteArrayOutputStream(), (done, total) -> {
            assertEquals(log.size(), total);
            seen.add(done);
        }, new Cancellation());
        assertTrue(seen.size() > 2, "progress is reported along the way, not only at the end");
        for (int i = 1; i < seen.size(); i++) {
            assertTrue(seen.get(i) >= seen.get(i - 1));
        }
        assertEquals(log.size(), seen.get(seen.size() - 1));
    }

    @ParameterizedTest
    @EnumSource(ExportFormat.class)
    void a_cancelled_export_stops_and_leaves_neither_the_file_nor_a_part_of_it(ExportFormat format) throws IOException {
        List<Message> log = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            log.add(m(i, Direction.RECEIVED, "t", 0, false, utf8("payload " + i), MessageProperties.NONE));
        }
        Cancellation cancel = new Cancellation();
        long[] furthest = new long[1];
        Path file = dir.resolve("cancelled." + format.extension());
        assertThrows(CancellationException.class, () -> LogExport.toFile(log, format, file, (done, total) -> {
            furthest[0] = done;
            if (done > 0) {
                cancel.cancel();
            }
        }, cancel));
        assertTrue(furthest[0] < log.size(), "it stopped before the end");
        try (var files = Files.list(dir)) {
            assertEquals(List.of(), files.toList());
        }
    }

    @ParameterizedTest
    @EnumSource(ExportFormat.class)
    void a_cancelled_export_keeps_the_file_that_was_there_before(ExportFormat format) throws IOException {
        Path file = dir.resolve("kept." + format.extension());
        Files.writeString(file, "older export");
        Cancellation cancel = new Cancellation();
        cancel.cancel();
        assertThrows(CancellationException.class, () -> LogExport.toFile(awkwardLog(), format, file, Progress.NONE, cancel));
        assertEquals("older export", Files.readString(file));
    }

    @org.junit.jupiter.api.Test
    void no_csv_cell_starts_with_a_formula_character_in_the_file() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LogExport.write(awkwardLog(), ExportFormat.CSV, out, Progress.NONE, new Cancellation());
        String csv = out.toString(StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFFtime,millis,direction,topic,qos,retain,encoding,payload,properties\r\n"));
        // Every cell begins after a comma, a record break or an opening quote; none of them may be a trigger.
        for (String trigger : List.of("=", "+", "-", "@")) {
            assertFalse(csv.contains("," + trigger) || csv.contains(",\"" + trigger) || csv.contains("\n" + trigger),
                    "a cell starts with " + trigger);
        }
        assertTrue(csv.contains(",'=1+1,"), csv);
        assertTrue(csv.contains(",'-5,"));
        assertTrue(csv.contains(",'''-twice,"), "quotes before a trigger get one more");
        assertTrue(csv.contains(",'just quoted',"), "quotes before anything else are left alone");
        assertTrue(csv.contains("1969-12-31T23:59:59.999Z,'-1,"), "a negative time stamp is a trigger too, and is escaped");
    }

    @org.junit.jupiter.api.Test
    void json_lines_hold_one_object_per_line_with_text_or_base64_payloads() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LogExport.write(awkwardLog().subList(0, 17), ExportFormat.JSON_LINES, out, Progress.NONE, new Cancellation());
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(17, lines.size());
        assertEquals("{\"time\":\"2024-04-24T23:06:40.123Z\",\"millis\":1714000000123,\"direction\":\"received\","
                + "\"topic\":\"plain/text\",\"qos\":0,\"retain\":false,\"encoding\":\"utf-8\",\"payload\":\"hello\","
                + "\"properties\":{}}", lines.get(0));
        // Chinese stays readable; Jackson 2.17 writes the emoji as an escaped surrogate pair, valid JSON too.
        assertTrue(lines.get(3).contains("\"payload\":\"温度：21.5℃ \\uD83D\\uDE00\""), lines.get(3));
        assertTrue(lines.get(15).contains("\"encoding\":\"base64\",\"payload\":\"b2vD\""), lines.get(15));
        // Properties as typed data: binary correlation data in base64, user properties a list with repeats in order.
        assertTrue(lines.get(3).endsWith("\"properties\":{\"contentType\":\"application/json; charset=utf-8\","
                + "\"payloadFormat\":1,\"messageExpiry\":4294967295,\"responseTopic\":\"reply/to,me\","
                + "\"correlationData\":\"AP9h\",\"correlationDataEncoding\":\"base64\",\"userProperties\":["
                + "{\"name\":\"来源\",\"value\":\"传感器, \\\"一号\\\"\"},"
                + "{\"name\":\"formula\",\"value\":\"=HYPERLINK(\\\"http://x\\\")\"},"
                + "{\"name\":\"来源\",\"value\":\"second, same name\"},{\"name\":\"\",\"value\":\"\"}]}}"), lines.get(3));
    }

    @org.junit.jupiter.api.Test
    void a_damaged_json_lines_file_is_refused_naming_the_record_and_field() {
        String file = """
                {"millis":1,"direction":"received","topic":"a","qos":0,"retain":false,"payload":"x"}
                {"millis":2,"direction":"received","topic":"a","qos":3,"retain":false,"payload":"x"}
                """;
        InvalidInputException e = assertThrows(InvalidInputException.class, () ->
                LogImport.read(new ByteArrayInputStream(utf8(file)), ExportFormat.JSON_LINES));
        assertEquals("log.import.badRecord", e.text().key());
        assertEquals(2L, e.text().args()[0]);
        assertTrue(e.text().resolve().contains("qos"), e.text().resolve());
    }

    @org.junit.jupiter.api.Test
    void a_csv_file_from_elsewhere_is_refused_by_its_header() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () ->
                LogImport.read(new ByteArrayInputStream(utf8("a,b\r\n1,2\r\n")), ExportFormat.CSV));
        assertEquals("log.import.badHeader", e.text().key());
    }

    @org.junit.jupiter.api.Test
    void a_csv_record_with_an_unclosed_quote_is_refused() {
        String csv = String.join(",", Fields.CSV_HEADER) + "\r\n1970-01-01T00:00:00Z,0,received,t,0,false,utf-8,\"open,\r\n";
        InvalidInputException e = assertThrows(InvalidInputException.class, () ->
                LogImport.read(new ByteArrayInputStream(utf8(csv)), ExportFormat.CSV));
        assertEquals("log.import.badRecord", e.text().key());
        assertEquals(2L, e.text().args()[0]);
    }

    @org.junit.jupiter.api.Test
    void the_file_name_decides_the_format() {
        assertEquals(ExportFormat.CSV, ExportFormat.forFile(Path.of("x/log.CSV")));
        assertEquals(ExportFormat.JSON_LINES, ExportFormat.forFile(Path.of("log.jsonl")));
        assertEquals("log.export.unknownFormat",
                assertThrows(InvalidInputException.class, () -> ExportFormat.forFile(Path.of("log.txt"))).text().key());
    }
}
