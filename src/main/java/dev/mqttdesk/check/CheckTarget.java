package dev.mqttdesk.check;

import dev.mqttdesk.core.i18n.InvalidInputException;
import dev.mqttdesk.core.url.BrokerUrl;
import dev.mqttdesk.core.url.Transport;

import java.util.Locale;
import java.util.Map;

/**
 * The address a readiness check looks at, read the way a mini-program reads it: no port means the
 * scheme's web port (443 for wss, 80 for ws), not the broker's conventional one; a bare host means
 * {@code wss://host/mqtt}; {@code http(s)://} is taken as the {@code ws(s)://} its author meant, and
 * the scheme step fails it.
 *
 * @param entered      the text as the user entered it, trimmed
 * @param scheme       the scheme as typed, lower case, or null for a bare host
 * @param explicitPort whether the text named a port
 * @param url          where the network steps connect
 */
public record CheckTarget(String entered, String scheme, boolean explicitPort, BrokerUrl url) {

    public static final int HTTPS_PORT = 443;
    public static final int HTTP_PORT = 80;

    private static final Map<String, Transport> SCHEMES = Map.ofEntries(
            Map.entry("wss", Transport.WEBSOCKET_TLS), Map.entry("wxs", Transport.WEBSOCKET_TLS),
            Map.entry("https", Transport.WEBSOCKET_TLS),
            Map.entry("ws", Transport.WEBSOCKET), Map.entry("wx", Transport.WEBSOCKET), Map.entry("http", Transport.WEBSOCKET),
            Map.entry("mqtt", Transport.TCP), Map.entry("tcp", Transport.TCP),
            Map.entry("mqtts", Transport.TLS), Map.entry("ssl", Transport.TLS), Map.entry("tls", Transport.TLS));

    /** Reads what the user entered; throws {@link InvalidInputException} when it is no address at all. */
    public static CheckTarget parse(String text) {
        String s = text == null ? "" : text.strip();
        if (s.isEmpty()) {
            throw new InvalidInputException("error.url.empty");
        }
        String scheme = null;
        String rest = s;
        int schemeEnd = s.indexOf("://");
        if (schemeEnd >= 0) {
            scheme = s.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
            rest = s.substring(schemeEnd + 3);
        }
        Transport transport = scheme == null ? Transport.WEBSOCKET_TLS : SCHEMES.get(scheme);
        if (transport == null) {
            throw new InvalidInputException("error.url.scheme", scheme);
        }
        boolean explicitPort = BrokerUrl.namesPort(rest);
        BrokerUrl parsed = BrokerUrl.parse(transport.scheme() + "://" + rest);
        BrokerUrl url = explicitPort ? parsed : new BrokerUrl(transport, parsed.host(), webPort(transport), parsed.path());
        return new CheckTarget(s, scheme, explicitPort, url);
    }

    /** The port when the URL names none: what a mini-program (or a browser) would connect to. */
    private static int webPort(Transport transport) {
        return switch (transport) {
            case WEBSOCKET_TLS -> HTTPS_PORT;
            case WEBSOCKET -> HTTP_PORT;
            default -> transport.defaultPort();
        };
    }

    public String host() {
        return url.host();
    }

    public int port() {
        return url.port();
    }

    /** The address checked, as a URL with its port. */
    public String describe() {
        return url.toString();
    }
}
