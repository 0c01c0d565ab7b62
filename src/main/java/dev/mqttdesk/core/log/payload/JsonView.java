package dev.mqttdesk.core.log.payload;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import dev.mqttdesk.core.i18n.Text;

import java.io.ByteArrayOutputStream;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A payload as pretty-printed JSON, or the reason it is not JSON. Strict JSON (RFC 8259): one
 * value, no comments, no trailing content. Token by token, never a tree, so a 10 MB document costs
 * about its pretty size in memory; numbers are copied as written, never rounded through a double.
 * Linear in the size: run it off the UI thread for big payloads.
 */
public final class JsonView {

    private static final JsonFactory FACTORY = new JsonFactory();
    private static final DefaultIndenter INDENT = new DefaultIndenter("  ", "\n");

    private final TextLines lines;
    private final Text problem;

    private JsonView(TextLines lines, Text problem) {
        this.lines = lines;
        this.problem = problem;
    }

    public static JsonView of(byte[] payload) {
        if (isBlank(payload)) {
            return new JsonView(null, Text.of("log.json.empty"));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(payload.length + payload.length / 2 + 16);
        try (JsonParser in = FACTORY.createParser(payload);
             JsonGenerator gen = FACTORY.createGenerator(out).setPrettyPrinter(prettyPrinter())) {
            if (in.nextToken() == null) {
                return new JsonView(null, Text.of("log.json.empty"));
            }
            copyValue(in, gen);
            gen.flush();
            JsonLocation end = in.currentLocation();
            JsonToken more;
            try {
                more = in.nextToken();
            } catch (JsonProcessingException e) {
                more = JsonToken.NOT_AVAILABLE;
            }
            if (more != null) {
                return new JsonView(null, Text.of("log.json.trailing", end.getLineNr(), end.getColumnNr()));
            }
        } catch (JsonEOFException e) {
            return new JsonView(null, Text.of("log.json.truncated"));
        } catch (StreamConstraintsException e) {
            return new JsonView(null, Text.of("log.json.tooDeep", e.getOriginalMessage()));
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            return new JsonView(null, Text.of("log.json.invalid", e.getOriginalMessage(),
                    at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr()));
        } catch (CharConversionException e) {
            return new JsonView(null, Text.of("log.json.encoding", e.getMessage()));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in-memory input and output: not expected
        }
        return new JsonView(TextLines.of(out.toByteArray()), null);
    }

    public boolean isJson() {
        return lines != null;
    }

    /** The pretty-printed document; null when {@link #isJson()} is false. */
    public TextLines lines() {
        return lines;
    }

    /** Why the payload is not JSON; null when it is. */
    public Text problem() {
        return problem;
    }

    private static DefaultPrettyPrinter prettyPrinter() {
        DefaultPrettyPrinter p = new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER));
        p.indentArraysWith(INDENT);
        p.indentObjectsWith(INDENT);
        return p;
    }

    /** Copies the value the parser stands on, numbers as their exact text. */
    private static void copyValue(JsonParser in, JsonGenerator gen) throws IOException {
        int depth = 0;
        JsonToken t = in.currentToken();
        while (true) {
            switch (t) {
                case START_OBJECT -> { gen.writeStartObject(); depth++; }
                case START_ARRAY -> { gen.writeStartArray(); depth++; }
                case END_OBJECT -> { gen.writeEndObject(); depth--; }
                case END_ARRAY -> { gen.writeEndArray(); depth--; }
                case FIELD_NAME -> gen.writeFieldName(in.currentName());
                case VALUE_STRING -> gen.writeString(in.getTextCharacters(), in.getTextOffset(), in.getTextLength());
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> gen.writeNumber(in.getText());
                case VALUE_TRUE -> gen.writeBoolean(true);
                case VALUE_FALSE -> gen.writeBoolean(false);
                case VALUE_NULL -> gen.writeNull();
                default -> throw new IllegalStateException("unexpected token " + t);
            }
            if (depth == 0) {
                return;
            }
            t = in.nextToken();
            if (t == null) {
                throw new JsonEOFException(in, null, "end of input inside a value");
            }
        }
    }

    private static boolean isBlank(byte[] b) {
        for (byte c : b) {
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return false;
            }
        }
        return true;
    }
}
