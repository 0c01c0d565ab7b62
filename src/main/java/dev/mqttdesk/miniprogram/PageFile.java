package dev.mqttdesk.miniprogram;

import java.nio.charset.StandardCharsets;

/** One file of a generated page: its path relative to the project folder (with '/') and its bytes. */
public record PageFile(String path, byte[] content) {

    public PageFile {
        content = content.clone();
    }

    public static PageFile text(String path, String text) {
        return new PageFile(path, text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    public String text() {
        return new String(content, StandardCharsets.UTF_8);
    }
}
