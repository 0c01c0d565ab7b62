package dev.mqttdesk.miniprogram;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * The MQTT.js build the generated pages use. The Maven build fetches it from the npm registry by name and
 * exact version (src/main/miniprogram/package-lock.json, integrity checked by {@code npm ci}) and puts it
 * beside these classes; a build without npm has none, and the command says how to add it.
 */
public final class MqttJs {

    /**
     * 4.1.0: the version the known-good WeChat pages use; 4.2.x fails in WeChat with
     * {@code net.createConnection is not a function} (MQTT.js #1163, #1202). Kept in step with
     * src/main/miniprogram/package.json by a test.
     */
    public static final String VERSION = "4.1.0";

    /** Where the page requires it from, relative to the project folder. */
    public static final String PAGE_PATH = "utils/mqtt.min.js";

    private static final String RESOURCE = "mqtt.min.js";

    private MqttJs() {
    }

    /** Whether this build has it, without reading it. */
    public static boolean isBundled() {
        return MqttJs.class.getResource(RESOURCE) != null;
    }

    /** The bundled {@code dist/mqtt.min.js}, when the build had npm. */
    public static Optional<byte[]> bundled() {
        try (InputStream in = MqttJs.class.getResourceAsStream(RESOURCE)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
