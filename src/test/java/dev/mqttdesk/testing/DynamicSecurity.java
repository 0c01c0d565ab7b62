package dev.mqttdesk.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * mosquitto with its dynamic security plugin, which refuses subscriptions and publishes in their
 * acknowledgements (its ACL file only filters deliveries). Anonymous clients may subscribe to
 * {@code open/#} only, may not unsubscribe from {@code open/locked}, and may not publish to {@code secret/#}.
 */
public final class DynamicSecurity implements AutoCloseable {

    private static final String CONFIG = """
            {"defaultACLAccess": {"publishClientSend": true, "publishClientReceive": true, "subscribe": false,
                                  "unsubscribe": true},
             "clients": [], "anonymousGroup": "anon",
             "groups": [{"groupname": "anon", "roles": [{"rolename": "open"}], "clients": []}],
             "roles": [{"rolename": "open", "acls": [
                 {"acltype": "subscribePattern", "topic": "open/#", "allow": true},
                 {"acltype": "unsubscribePattern", "topic": "open/locked", "allow": false},
                 {"acltype": "publishClientSend", "topic": "secret/#", "allow": false}]}]}
            """;

    public final Mosquitto broker;
    private final Path dir;

    private DynamicSecurity(Mosquitto broker, Path dir) {
        this.broker = broker;
        this.dir = dir;
    }

    public static DynamicSecurity start() {
        try {
            Path plugin;
            try (var found = Files.find(Path.of("/usr/lib"), 3,
                    (path, attributes) -> path.getFileName().toString().equals("mosquitto_dynamic_security.so"))) {
                plugin = found.findFirst().orElseThrow(() -> new IllegalStateException(
                        "mosquitto's dynamic security plugin is not installed (Debian package mosquitto)"));
            }
            Path dir = Files.createTempDirectory("mqttdesk-dynsec");
            // Started as root, mosquitto reads (and may rewrite) the file as the mosquitto user.
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
            Path config = dir.resolve("dynamic-security.json");
            Files.writeString(config, CONFIG);
            Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-rw-rw-"));
            Mosquitto broker = Mosquitto.builder().configLine("plugin " + plugin)
                    .configLine("plugin_opt_config_file " + config).start();
            return new DynamicSecurity(broker, dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        broker.close();
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
