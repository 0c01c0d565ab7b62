package dev.mqttdesk.core.profile;

import java.nio.file.Path;
import java.util.Locale;

/** The folder for settings, profiles and history: {@code -Dmqttdesk.home}, else the OS's per-user config folder. */
public final class AppHome {

    public static final String PROPERTY = "mqttdesk.home";

    private AppHome() {
    }

    public static Path resolve() {
        String explicit = System.getProperty(PROPERTY);
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String home = System.getProperty("user.home");
        if (os.contains("win")) {
            String appData = System.getenv("APPDATA");
            return Path.of(appData != null ? appData : home, "mqtt-desk");
        }
        if (os.contains("mac")) {
            return Path.of(home, "Library", "Application Support", "mqtt-desk");
        }
        String xdg = System.getenv("XDG_CONFIG_HOME");
        return xdg != null && !xdg.isBlank() ? Path.of(xdg, "mqtt-desk") : Path.of(home, ".config", "mqtt-desk");
    }
}
