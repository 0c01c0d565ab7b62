package dev.mqttdesk.core.log.payload;

import dev.mqttdesk.core.i18n.Text;

/** A size in bytes for people: exact bytes, and KiB or MiB (powers of 1024) once it is large. */
public final class Sizes {

    private static final long KIB = 1024;
    private static final long MIB = 1024 * 1024;

    private Sizes() {
    }

    public static Text human(long bytes) {
        if (bytes < KIB) {
            return Text.of("log.size.bytes", bytes);
        }
        if (bytes < MIB) {
            return Text.of("log.size.kib", bytes / (double) KIB, bytes);
        }
        return Text.of("log.size.mib", bytes / (double) MIB, bytes);
    }
}
