package dev.mqttdesk.core.mqtt;

import java.nio.file.Path;

/**
 * How a TLS connection trusts the broker: the system trust store, plus an optional CA file (PEM),
 * or, only when the user switches it on, no verification at all.
 */
public record TlsOptions(Path caFile, boolean skipVerification) {

    public static final TlsOptions SYSTEM = new TlsOptions(null, false);
}
