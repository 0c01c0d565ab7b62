package dev.mqttdesk.core.profile.store;

/**
 * The outcome of reading one saved file: its value and the bytes it came from, or why it could not be read.
 *
 * @param detail what the parser or the operating system said, for the curious; never routed on
 */
public record FileRead<T>(T value, byte[] bytes, Problem problem, String detail) {

    static <T> FileRead<T> ok(T value, byte[] bytes) {
        return new FileRead<>(value, bytes, null, null);
    }

    static <T> FileRead<T> failed(Problem problem, String detail) {
        return new FileRead<>(null, null, problem, detail == null ? "" : detail);
    }

    public boolean ok() {
        return problem == null;
    }
}
