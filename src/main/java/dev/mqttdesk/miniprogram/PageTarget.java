package dev.mqttdesk.miniprogram;

import dev.mqttdesk.check.CheckTarget;
import dev.mqttdesk.core.i18n.InputField;
import dev.mqttdesk.core.i18n.InvalidInputException;
import dev.mqttdesk.core.url.Transport;

/**
 * The broker a generated page connects to, read the way a mini-program reads a URL (no port means 443
 * for {@code wxs}/{@code wss}, 80 for {@code wx}/{@code ws}; a bare host means {@code wxs://host/mqtt}).
 *
 * @param scheme {@code wxs} or {@code wx}: what MQTT.js needs inside WeChat to use {@code wx.connectSocket}
 */
public record PageTarget(String scheme, String host, int port, String path) {

    public static final String SECURE = "wxs";
    public static final String PLAIN = "wx";

    /** Reads the URL; anything that is not a WebSocket address is refused with the sentence that says why. */
    public static PageTarget parse(String text) {
        CheckTarget target = CheckTarget.parse(text);
        String typed = target.scheme();
        if (typed != null && (typed.equals("http") || typed.equals("https"))) {
            throw new InvalidInputException(InputField.URL, "miniprogram.error.http", typed);
        }
        Transport transport = target.url().transport();
        if (!transport.webSocket()) {
            throw new InvalidInputException(InputField.URL, "miniprogram.error.notWebSocket", target.entered());
        }
        return new PageTarget(transport.secure() ? SECURE : PLAIN, target.host(), target.port(), target.url().path());
    }

    /** The URL the page connects to: no port when it is the scheme's own (443 for wxs, 80 for wx). */
    public String pageUrl() {
        int schemePort = SECURE.equals(scheme) ? CheckTarget.HTTPS_PORT : CheckTarget.HTTP_PORT;
        String h = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return scheme + "://" + h + (port == schemePort ? "" : ":" + port) + path;
    }
}
