package dev.mqttdesk.core.url;

import dev.mqttdesk.core.i18n.InputField;
import dev.mqttdesk.core.i18n.InvalidInputException;

import java.util.Locale;
import java.util.Map;

/**
 * A broker address: transport, host, port and (for WebSocket) path. Parses every spelling our
 * users paste, including the mini-program's {@code wx://} and {@code wxs://}.
 */
public record BrokerUrl(Transport transport, String host, int port, String path) {

    public static final String DEFAULT_WS_PATH = "/mqtt";

    private static final Map<String, Transport> SCHEMES = Map.of(
            "mqtt", Transport.TCP, "tcp", Transport.TCP,
            "mqtts", Transport.TLS, "ssl", Transport.TLS, "tls", Transport.TLS,
            "ws", Transport.WEBSOCKET, "wx", Transport.WEBSOCKET,
            "wss", Transport.WEBSOCKET_TLS, "wxs", Transport.WEBSOCKET_TLS);

    public BrokerUrl {
        if (transport == null) {
            throw new InvalidInputException(InputField.URL, "error.url.transport");
        }
        host = validateHost(host);
        validatePort(port);
        path = transport.webSocket() ? normalizePath(path) : "";
    }

    public static BrokerUrl of(Transport transport, String host, int port) {
        return new BrokerUrl(transport, host, port, DEFAULT_WS_PATH);
    }

    /** Parses a URL such as {@code wxs://broker.emqx.io:8084/mqtt}; a bare host means {@code mqtt://}. */
    /** Whether the address after {@code scheme://} writes a port ({@code host:1234}, {@code [::1]:1234}). */
    public static boolean namesPort(String afterScheme) {
        int slash = afterScheme.indexOf('/');
        String authority = slash >= 0 ? afterScheme.substring(0, slash) : afterScheme;
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            return close >= 0 && authority.startsWith(":", close + 1);
        }
        return authority.indexOf(':') >= 0;
    }

    public static BrokerUrl parse(String text) {
        String s = text == null ? "" : text.strip();
        if (s.isEmpty()) {
            throw new InvalidInputException(InputField.URL, "error.url.empty");
        }
        Transport transport = Transport.TCP;
        int schemeEnd = s.indexOf("://");
        if (schemeEnd >= 0) {
            String scheme = s.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
            transport = SCHEMES.get(scheme);
            if (transport == null) {
                throw new InvalidInputException(InputField.URL, "error.url.scheme", scheme);
            }
            s = s.substring(schemeEnd + 3);
        }
        int slash = s.indexOf('/');
        String authority = slash >= 0 ? s.substring(0, slash) : s;
        String path = slash >= 0 ? s.substring(slash) : null;
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            throw new InvalidInputException(InputField.URL, "error.url.userinfo");
        }
        String host;
        String portText = null;
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            if (close < 0) {
                throw new InvalidInputException(InputField.HOST, "error.url.host", authority);
            }
            host = authority.substring(1, close);
            String rest = authority.substring(close + 1);
            if (rest.startsWith(":")) {
                portText = rest.substring(1);
            } else if (!rest.isEmpty()) {
                throw new InvalidInputException(InputField.HOST, "error.url.host", authority);
            }
        } else {
            int colon = authority.indexOf(':');
            if (colon >= 0 && authority.indexOf(':', colon + 1) >= 0) {
                throw new InvalidInputException(InputField.HOST, "error.url.ipv6Brackets");
            }
            host = colon >= 0 ? authority.substring(0, colon) : authority;
            portText = colon >= 0 ? authority.substring(colon + 1) : null;
        }
        int port = portText == null ? transport.defaultPort() : parsePort(portText);
        if (path == null || path.equals("/")) {
            path = DEFAULT_WS_PATH;
        }
        return new BrokerUrl(transport, host, port, path);
    }

    /** Reads a port the user typed: a whole number from 1 to 65535. */
    public static int parsePort(String text) {
        String s = text == null ? "" : text.strip();
        if (s.isEmpty() || !s.chars().allMatch(c -> c >= '0' && c <= '9') || s.length() > 6) {
            throw new InvalidInputException(InputField.PORT, "error.port.invalid", s);
        }
        int port = Integer.parseInt(s);
        validatePort(port);
        return port;
    }

    private static void validatePort(int port) {
        if (port < 1 || port > 65535) {
            throw new InvalidInputException(InputField.PORT, "error.port.range", String.valueOf(port));
        }
    }

    private static String validateHost(String host) {
        String h = host == null ? "" : host.strip();
        if (h.isEmpty()) {
            throw new InvalidInputException(InputField.HOST, "error.url.hostEmpty");
        }
        for (int i = 0; i < h.length(); i++) {
            char c = h.charAt(i);
            boolean ok = Character.isLetterOrDigit(c) || c == '-' || c == '.' || c == '_' || c == ':' || c == '%';
            if (!ok) {
                throw new InvalidInputException(InputField.HOST, "error.url.host", h);
            }
        }
        return h;
    }

    private static String normalizePath(String path) {
        String p = path == null ? "" : path.strip();
        // "/" alone means the default path, as parse() reads it: else "ws://h:1/" would print and read back as /mqtt.
        if (p.isEmpty() || p.equals("/")) {
            return DEFAULT_WS_PATH;
        }
        if (p.chars().anyMatch(c -> c <= ' ' || c == '#')) {
            throw new InvalidInputException(InputField.PATH, "error.url.path", p);
        }
        return p.startsWith("/") ? p : "/" + p;
    }

    /** The same broker with another transport: the port follows when it was the old default. */
    public BrokerUrl withTransport(Transport next) {
        int nextPort = port == transport.defaultPort() ? next.defaultPort() : port;
        return new BrokerUrl(next, host, nextPort, path.isEmpty() ? DEFAULT_WS_PATH : path);
    }

    /** Whether the host must be written in brackets (an IPv6 literal). */
    private boolean ipv6Literal() {
        return host.indexOf(':') >= 0;
    }

    @Override
    public String toString() {
        String h = ipv6Literal() ? "[" + host + "]" : host;
        return transport.scheme() + "://" + h + ":" + port + path;
    }
}
