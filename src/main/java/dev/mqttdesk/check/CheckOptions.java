package dev.mqttdesk.check;

import dev.mqttdesk.core.i18n.InvalidInputException;

import java.nio.file.Path;

/**
 * How to run a check.
 *
 * @param caFile         a PEM file of CAs to trust besides the system's (for private test PKIs), or null
 * @param timeoutSeconds how long each network step may wait for the other side
 * @param resolver       how host names become addresses (the system's DNS outside tests)
 */
public record CheckOptions(Path caFile, int timeoutSeconds, HostResolver resolver) {

    public static final int DEFAULT_TIMEOUT_SECONDS = 10;
    public static final int MAX_TIMEOUT_SECONDS = 300;

    public CheckOptions {
        if (timeoutSeconds < 1 || timeoutSeconds > MAX_TIMEOUT_SECONDS) {
            throw new InvalidInputException("check.error.timeoutRange", String.valueOf(timeoutSeconds), MAX_TIMEOUT_SECONDS);
        }
        resolver = resolver == null ? HostResolver.SYSTEM : resolver;
    }

    public static CheckOptions defaults() {
        return new CheckOptions(null, DEFAULT_TIMEOUT_SECONDS, HostResolver.SYSTEM);
    }

    public CheckOptions withCaFile(Path file) {
        return new CheckOptions(file, timeoutSeconds, resolver);
    }

    public CheckOptions withTimeout(int seconds) {
        return new CheckOptions(caFile, seconds, resolver);
    }

    public CheckOptions withResolver(HostResolver r) {
        return new CheckOptions(caFile, timeoutSeconds, r);
    }

    public int timeoutMillis() {
        return timeoutSeconds * 1000;
    }
}
