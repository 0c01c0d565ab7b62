package dev.mqttdesk.broker;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * Which web pages may open the built-in broker's WebSocket: pages served from this machine
 * (http or https on localhost, 127.0.0.1 or [::1], any port). No Origin at all means no browser
 * (MQTT.js under Node, HiveMQ's client, mosquitto's tools), and is let through too.
 */
final class LocalOrigins {

    private static final Set<String> HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");

    private LocalOrigins() {
    }

    /** Whether an upgrade with this Origin header value (null when the request had none) may go on. */
    static boolean allowed(String origin) {
        if (origin == null) {
            return true;
        }
        try {
            URI uri = new URI(origin.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
            boolean bare = uri.getRawUserInfo() == null && (uri.getRawPath() == null || uri.getRawPath().isEmpty())
                    && uri.getRawQuery() == null && uri.getRawFragment() == null;
            return (scheme.equals("http") || scheme.equals("https")) && HOSTS.contains(host) && bare;
        } catch (URISyntaxException e) {
            return false; // "null" (a sandboxed or file page) and anything malformed
        }
    }
}
