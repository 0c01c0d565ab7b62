package dev.mqttdesk.miniprogram;

import dev.mqttdesk.core.i18n.InputField;
import dev.mqttdesk.core.i18n.InvalidInputException;
import dev.mqttdesk.core.url.BrokerUrl;
import dev.mqttdesk.core.url.Transport;

import java.util.Locale;

/**
 * The broker a generated page connects to, read the way a mini-program reads a URL (no port means 443
 * for {@code wxs}/{@code wss}, 80 for {@code wx}/{@code ws}; a bare host means {@code wxs://host/mqtt}).
 * The readiness check reads URLs by the same rule; this reads them on the core's {@link BrokerUrl} so that
 * the page generator does not depend on the check.
 *
 * @param scheme {@code wxs} or {@code wx}: what MQTT.js needs inside WeChat to use {@code wx.connectSocket}
 */
public record PageTarget(String scheme, String host, int port, String path) {

    public static final String SECURE = "wxs";
    public static final String PLAIN = "wx";
    public static final int HTTPS_PORT = 443;
    public static final int HTTP_PORT = 80;

    /** Reads the URL; anything that is not a WebSocket address is refused with the sentence that says why. */
    public static PageTarget parse(String text) {
        String s = text == null ? "" : text.strip();
        if (s.isEmpty()) {
            throw new InvalidInputException(InputField.URL, "error.url.empty");
        }
        int schemeEnd = s.indexOf("://");
        String typed = schemeEnd >= 0 ? s.substring(0, schemeEnd).toLowerCase(Locale.ROOT) : SECURE;
        String rest = schemeEnd >= 0 ? s.substring(schemeEnd + 3) : s;
        if (typed.equals("http") || typed.equals("https")) {
            throw new InvalidInputException(InputField.URL, "miniprogram.error.http", typed);
        }
        BrokerUrl url = BrokerUrl.parse(typed + "://" + rest); // refuses unknown schemes, bad hosts and ports
        Transport transport = url.transport();
        if (!transport.webSocket()) {
            throw new InvalidInputException(InputField.URL, "miniprogram.error.notWebSocket", s);
        }
        int port = BrokerUrl.namesPort(rest) ? url.port() : transport.secure() ? HTTPS_PORT : HTTP_PORT;
        return new PageTarget(transport.secure() ? SECURE : PLAIN, url.host(), port, url.path());
    }

    /** The URL the page connects to: no port when it is the scheme's own (443 for wxs, 80 for wx). */
    public String pageUrl() {
        int schemePort = SECURE.equals(scheme) ? HTTPS_PORT : HTTP_PORT;
        String h = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return scheme + "://" + h + (port == schemePort ? "" : ":" + port) + path;
    }
}
