package dev.mqttdesk.core.log.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mqttdesk.core.i18n.InvalidInputException;
import dev.mqttdesk.core.i18n.Text;
import dev.mqttdesk.core.log.Direction;
import dev.mqttdesk.core.log.Message;
import dev.mqttdesk.core.message.MessageProperties;
import dev.mqttdesk.core.message.PayloadFormat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads back what {@link LogExport} wrote: every field as it was, the payload's bytes exact.
 * A record that is not a logged message stops the read with an {@link InvalidInputException}
 * that names the record and the field.
 */
public final class LogImport {

    private static final ObjectMapper JSON = new ObjectMapper();

    private LogImport() {
    }

    public static List<Message> fromFile(Path file) throws IOException {
        ExportFormat format = ExportFormat.forFile(file);
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, format);
        }
    }

    public static List<Message> read(InputStream in, ExportFormat format) throws IOException {
        // Strict UTF-8: a damaged file is refused rather than read back with replaced characters.
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
        return format == ExportFormat.JSON_LINES ? readJsonLines(new BufferedReader(reader, 1 << 16)) : readCsv(reader);
    }

    private static List<Message> readJsonLines(BufferedReader in) throws IOException {
        List<Message> out = new ArrayList<>();
        long lineNumber = 0;
        for (String line; (line = in.readLine()) != null; ) {
            lineNumber++;
            if (lineNumber == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
                line = line.substring(1);
            }
            if (line.isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = JSON.readTree(line);
            } catch (JsonProcessingException e) {
                throw bad(lineNumber, Text.of("log.import.notJson", e.getOriginalMessage()));
            }
            if (node == null || !node.isObject()) {
                throw bad(lineNumber, Text.of("log.import.notJson", "{ }"));
            }
            try {
                out.add(message(
                        text(node, Fields.MILLIS, false), text(node, Fields.TIME, false),
                        text(node, Fields.DIRECTION, true), text(node, Fields.TOPIC, true),
                        text(node, Fields.QOS, true), text(node, Fields.RETAIN, true),
                        text(node, Fields.ENCODING, false), text(node, Fields.PAYLOAD, true),
                        properties(node.get(Fields.PROPERTIES))));
            } catch (BadField e) {
                throw bad(lineNumber, e.why);
            }
        }
        return out;
    }

    private static List<Message> readCsv(Reader reader) throws IOException {
        CsvReader csv = new CsvReader(reader);
        List<String> header = csv.next();
        if (header != null && !header.isEmpty() && header.get(0).startsWith("\uFEFF")) {
            header.set(0, header.get(0).substring(1));
        }
        if (header == null || !header.equals(Arrays.asList(Fields.CSV_HEADER))) {
            throw new InvalidInputException("log.import.badHeader", String.join(",", Fields.CSV_HEADER));
        }
        List<Message> out = new ArrayList<>();
        for (List<String> r; (r = readRecord(csv)) != null; ) {
            try {
                if (r.size() != Fields.CSV_HEADER.length) {
                    throw new BadField(Text.of("log.import.columns", Fields.CSV_HEADER.length, r.size()));
                }
                MessageProperties props = MessageProperties.NONE;
                if (!r.get(8).isEmpty()) {
                    try {
                        props = properties(JSON.readTree(r.get(8)));
                    } catch (JsonProcessingException e) {
                        throw new BadField(Text.of("log.import.badValue", Fields.PROPERTIES, r.get(8)));
                    }
                }
                out.add(message(r.get(1), r.get(0), r.get(2), r.get(3), r.get(4), r.get(5), r.get(6), r.get(7), props));
            } catch (BadField e) {
                throw bad(csv.recordNumber(), e.why);
            }
        }
        return out;
    }

    private static List<String> readRecord(CsvReader csv) throws IOException {
        try {
            return csv.next();
        } catch (CsvReader.CsvException e) {
            throw bad(csv.recordNumber(), Text.of("log.import.csv", e.getMessage()));
        }
    }

    private static Message message(String millis, String time, String direction, String topic, String qos,
                                   String retain, String encoding, String payload, MessageProperties properties) {
        long at = timestamp(millis, time);
        Direction d = switch (direction) {
            case "received" -> Direction.RECEIVED;
            case "sent" -> Direction.SENT;
            default -> throw new BadField(Text.of("log.import.badValue", Fields.DIRECTION, direction));
        };
        int q = switch (qos) {
            case "0" -> 0;
            case "1" -> 1;
            case "2" -> 2;
            default -> throw new BadField(Text.of("log.import.badValue", Fields.QOS, qos));
        };
        boolean r = switch (retain) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new BadField(Text.of("log.import.badValue", Fields.RETAIN, retain));
        };
        return new Message(at, d, topic, q, r, payload(encoding, payload), properties, Message.NO_COLOUR);
    }

    private static long timestamp(String millis, String time) {
        try {
            if (millis != null && !millis.isEmpty()) {
                return Long.parseLong(millis);
            }
            if (time != null && !time.isEmpty()) {
                return Instant.parse(time).toEpochMilli();
            }
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new BadField(Text.of("log.import.badValue", Fields.MILLIS, millis == null ? time : millis));
        }
        throw new BadField(Text.of("log.import.missing", Fields.MILLIS));
    }

    private static byte[] payload(String encoding, String payload) {
        if (encoding == null || encoding.isEmpty() || encoding.equals(Fields.UTF8)) {
            return payload.getBytes(StandardCharsets.UTF_8);
        }
        if (!encoding.equals(Fields.BASE64)) {
            throw new BadField(Text.of("log.import.badValue", Fields.ENCODING, encoding));
        }
        try {
            return Base64.getDecoder().decode(payload);
        } catch (IllegalArgumentException e) {
            throw new BadField(Text.of("log.import.badValue", Fields.PAYLOAD, shorten(payload)));
        }
    }

    private static String text(JsonNode node, String field, boolean required) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw new BadField(Text.of("log.import.missing", field));
            }
            return null;
        }
        if (v.isContainerNode()) {
            throw new BadField(Text.of("log.import.badValue", field, shorten(v.toString())));
        }
        return v.asText();
    }

    private static MessageProperties properties(JsonNode node) {
        if (node == null || node.isNull()) {
            return MessageProperties.NONE;
        }
        if (!node.isObject()) {
            throw badProperties(node);
        }
        MessageProperties.Builder b = MessageProperties.builder();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            switch (e.getKey()) {
                case Fields.CONTENT_TYPE -> b.contentType(textual(v, node));
                case Fields.RESPONSE_TOPIC -> b.responseTopic(textual(v, node));
                case Fields.PAYLOAD_FORMAT -> b.payloadFormat(switch (v.asText()) {
                    case "0" -> PayloadFormat.UNSPECIFIED;
                    case "1" -> PayloadFormat.UTF_8;
                    default -> throw badProperties(node);
                });
                case Fields.MESSAGE_EXPIRY -> {
                    if (!v.isIntegralNumber()) {
                        throw badProperties(node);
                    }
                    b.messageExpirySeconds(v.longValue());
                }
                case Fields.CORRELATION_DATA -> b.correlationData(payload(
                        textual(node.get(Fields.CORRELATION_DATA_ENCODING), node), textual(v, node)));
                case Fields.CORRELATION_DATA_ENCODING -> { }
                case Fields.USER_PROPERTIES -> {
                    if (!v.isArray()) {
                        throw badProperties(node);
                    }
                    for (JsonNode u : v) {
                        b.userProperty(textual(u.get(Fields.NAME), node), textual(u.get(Fields.VALUE), node));
                    }
                }
                default -> throw badProperties(node);
            }
        }
        return b.build();
    }

    private static String textual(JsonNode v, JsonNode properties) {
        if (v == null || !v.isTextual()) {
            throw badProperties(properties);
        }
        return v.textValue();
    }

    private static BadField badProperties(JsonNode node) {
        return new BadField(Text.of("log.import.badValue", Fields.PROPERTIES, shorten(node.toString())));
    }

    private static String shorten(String s) {
        return s.length() <= 80 ? s : s.substring(0, 80) + "\u2026";
    }

    private static InvalidInputException bad(long record, Text why) {
        return new InvalidInputException("log.import.badRecord", record, why);
    }

    /** One field of a record that is not what the export writes. */
    private static final class BadField extends RuntimeException {
        final transient Text why;

        BadField(Text why) {
            super(why.toString(), null, false, false);
            this.why = why;
        }
    }
}
