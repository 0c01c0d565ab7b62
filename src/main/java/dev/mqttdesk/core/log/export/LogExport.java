package dev.mqttdesk.core.log.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import dev.mqttdesk.core.log.Cancellation;
import dev.mqttdesk.core.log.Message;
import dev.mqttdesk.core.log.Progress;
import dev.mqttdesk.core.message.MessageProperties;
import dev.mqttdesk.core.message.UserProperty;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CancellationException;

/**
 * Writes messages to JSON Lines or CSV, with progress and cancellation; the tests' {@code LogImport} reads
 * them back equal. Each message carries its time (ISO-8601 UTC and epoch milliseconds), direction
 * ({@code received} or {@code sent}), topic, QoS, retain flag, payload and MQTT 5 properties. The
 * payload is written as text when it is valid UTF-8 ({@code "encoding": "utf-8"}), else as base64
 * ({@code "encoding": "base64"}). In CSV the properties are one cell holding a JSON object, empty
 * when there are none. The properties object holds only those the message carries: {@code contentType},
 * {@code payloadFormat} (0 or 1), {@code messageExpiry} (seconds), {@code responseTopic},
 * {@code correlationData} with its {@code correlationDataEncoding} (as the payload's), {@code userProperties}
 * as a list of {@code {"name", "value"}} in their order (repeated names kept).
 * Slow for big logs: run it off the UI thread.
 */
public final class LogExport {

    private static final JsonFactory JSON = JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();
    private static final int REPORT_EVERY = 4_096;
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private LogExport() {
    }

    /**
     * Writes to {@code file} through a temporary file beside it, moved into place only when all is
     * written: a cancelled or failed export leaves no half file and keeps an older one intact.
     *
     * @throws CancellationException when cancelled
     */
    public static void toFile(List<Message> messages, ExportFormat format, Path file, Progress progress,
                              Cancellation cancel) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path temp = Files.createTempFile(dir, "." + file.getFileName(), ".part");
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                write(messages, format, out, progress, cancel);
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Writes to a stream, which stays open. @throws CancellationException when cancelled */
    public static void write(List<Message> messages, ExportFormat format, OutputStream out, Progress progress,
                             Cancellation cancel) throws IOException {
        BufferedOutputStream buffered = new BufferedOutputStream(new NonClosing(out), 1 << 16);
        if (format == ExportFormat.JSON_LINES) {
            writeJsonLines(messages, buffered, progress, cancel);
        } else {
            writeCsv(messages, buffered, progress, cancel);
        }
        buffered.flush();
    }

    private static void writeJsonLines(List<Message> messages, OutputStream out, Progress progress,
                                       Cancellation cancel) throws IOException {
        int total = messages.size();
        try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            g.setRootValueSeparator(null);
            for (int i = 0; i < total; i++) {
                step(i, total, progress, cancel);
                Message m = messages.get(i);
                if (m == null) {
                    continue; // evicted from the log while the export ran
                }
                String encoding = Fields.encoding(m.payload());
                g.writeStartObject();
                g.writeStringField(Fields.TIME, Instant.ofEpochMilli(m.timestampMillis()).toString());
                g.writeNumberField(Fields.MILLIS, m.timestampMillis());
                g.writeStringField(Fields.DIRECTION, Fields.direction(m.direction()));
                g.writeStringField(Fields.TOPIC, m.topic());
                g.writeNumberField(Fields.QOS, m.qos());
                g.writeBooleanField(Fields.RETAIN, m.retain());
                g.writeStringField(Fields.ENCODING, encoding);
                g.writeStringField(Fields.PAYLOAD, Fields.encode(m.payload(), encoding));
                g.writeFieldName(Fields.PROPERTIES);
                writeProperties(g, m.properties());
                g.writeEndObject();
                g.writeRaw('\n');
            }
        }
        progress.update(total, total);
    }

    private static void writeCsv(List<Message> messages, OutputStream out, Progress progress,
                                 Cancellation cancel) throws IOException {
        int total = messages.size();
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write(BYTE_ORDER_MARK);
        CsvWriter csv = new CsvWriter(w);
        csv.record(Fields.CSV_HEADER);
        for (int i = 0; i < total; i++) {
            step(i, total, progress, cancel);
            Message m = messages.get(i);
            if (m == null) {
                continue; // evicted from the log while the export ran
            }
            String encoding = Fields.encoding(m.payload());
            csv.record(Instant.ofEpochMilli(m.timestampMillis()).toString(),
                    Long.toString(m.timestampMillis()),
                    Fields.direction(m.direction()),
                    m.topic(),
                    Integer.toString(m.qos()),
                    Boolean.toString(m.retain()),
                    encoding,
                    Fields.encode(m.payload(), encoding),
                    m.properties().isEmpty() ? "" : propertiesJson(m.properties()));
        }
        w.flush();
        progress.update(total, total);
    }

    private static void step(int i, int total, Progress progress, Cancellation cancel) {
        if (i % REPORT_EVERY == 0) {
            if (cancel != null && cancel.isCancelled()) {
                throw new CancellationException();
            }
            progress.update(i, total);
        }
    }

    private static void writeProperties(JsonGenerator g, MessageProperties p) throws IOException {
        g.writeStartObject();
        if (p.contentType() != null) {
            g.writeStringField(Fields.CONTENT_TYPE, p.contentType());
        }
        if (p.payloadFormat() != null) {
            g.writeNumberField(Fields.PAYLOAD_FORMAT, p.payloadFormat().code());
        }
        if (p.messageExpirySeconds() != null) {
            g.writeNumberField(Fields.MESSAGE_EXPIRY, p.messageExpirySeconds());
        }
        if (p.responseTopic() != null) {
            g.writeStringField(Fields.RESPONSE_TOPIC, p.responseTopic());
        }
        byte[] correlation = p.correlationData();
        if (correlation != null) {
            String encoding = Fields.encoding(correlation);
            g.writeStringField(Fields.CORRELATION_DATA, Fields.encode(correlation, encoding));
            g.writeStringField(Fields.CORRELATION_DATA_ENCODING, encoding);
        }
        if (!p.userProperties().isEmpty()) {
            g.writeArrayFieldStart(Fields.USER_PROPERTIES);
            for (UserProperty u : p.userProperties()) {
                g.writeStartObject();
                g.writeStringField(Fields.NAME, u.name());
                g.writeStringField(Fields.VALUE, u.value());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private static String propertiesJson(MessageProperties properties) throws IOException {
        java.io.StringWriter s = new java.io.StringWriter();
        try (JsonGenerator g = JSON.createGenerator(s)) {
            writeProperties(g, properties);
        }
        return s.toString();
    }

    /** Lets the generator and writers close without closing the caller's stream. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
