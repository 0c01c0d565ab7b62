package dev.mqttdesk.core.profile.store;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/** Reads a saved file and says exactly why when it cannot: empty, cut short, not JSON, newer, forbidden, a folder. */
final class JsonReading {

    private JsonReading() {
    }

    static <T> FileRead<T> read(Path file, JsonFormat<T> format) {
        if (!Files.isRegularFile(file)) {
            return FileRead.failed(Problem.NOT_A_FILE, Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS) ? "directory" : "");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (AccessDeniedException e) {
            return FileRead.failed(Problem.NO_PERMISSION, e.getMessage());
        } catch (IOException | OutOfMemoryError e) {
            return FileRead.failed(Problem.READ_ERROR, e.getMessage());
        }
        return parse(bytes, format);
    }

    /** A token cut off by the end of the file ({@code tr} of {@code true}) is a file cut short, not garbage. */
    private static boolean endsInside(JsonParseException e, byte[] bytes) {
        long at = e.getLocation() == null ? -1 : e.getLocation().getByteOffset();
        int end = bytes.length;
        while (end > 0 && Character.isWhitespace(bytes[end - 1])) {
            end--;
        }
        return at >= end;
    }

    static <T> FileRead<T> parse(byte[] bytes, JsonFormat<T> format) {
        if (new String(bytes, StandardCharsets.UTF_8).isBlank()) {
            return FileRead.failed(Problem.EMPTY, bytes.length + " bytes");
        }
        JsonNode tree;
        try {
            tree = Json.MAPPER.readTree(bytes);
        } catch (JsonEOFException e) {
            return FileRead.failed(Problem.TRUNCATED, e.getOriginalMessage());
        } catch (JsonParseException e) {
            return FileRead.failed(endsInside(e, bytes) ? Problem.TRUNCATED : Problem.NOT_JSON, e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            return FileRead.failed(Problem.NOT_JSON, e.getOriginalMessage());
        } catch (IOException e) {
            return FileRead.failed(Problem.READ_ERROR, e.getMessage());
        }
        try {
            T value = format.fromTree(tree);
            return value == null ? FileRead.failed(Problem.NOT_OURS, "null") : FileRead.ok(value, bytes);
        } catch (JsonFormat.NewerSchemaException e) {
            return FileRead.failed(Problem.NEWER_SCHEMA, e.getMessage());
        } catch (JsonProcessingException e) {
            return FileRead.failed(Problem.NOT_OURS, e.getOriginalMessage());
        } catch (IllegalArgumentException | NullPointerException e) {
            return FileRead.failed(Problem.NOT_OURS, String.valueOf(e.getMessage()));
        }
    }
}
