package dev.mqttdesk.core.mqtt;

import dev.mqttdesk.core.i18n.InputField;
import dev.mqttdesk.core.i18n.InvalidInputException;

/** A proxy the connection goes through: HTTP CONNECT or SOCKS5, with an optional user name and password. */
public record ProxyOptions(Type type, String host, int port, String username, String password) {

    public static final ProxyOptions NONE = new ProxyOptions(Type.NONE, null, 0, null, null);

    public enum Type { NONE, HTTP, SOCKS5 }

    public ProxyOptions {
        type = type == null ? Type.NONE : type;
        host = host == null ? null : host.strip();
        username = username == null || username.isEmpty() ? null : username;
        password = password == null || password.isEmpty() ? null : password;
        if (type != Type.NONE) {
            if (host == null || host.isEmpty() || host.chars().anyMatch(Character::isWhitespace)) {
                throw new InvalidInputException(InputField.PROXY_HOST, "error.proxy.host");
            }
            if (port < 1 || port > 65_535) {
                throw new InvalidInputException(InputField.PROXY_PORT, "error.proxy.port");
            }
        }
    }

    /** The password never shows (settings end up in logs and test reports). */
    @Override
    public String toString() {
        return "ProxyOptions[" + type + (type == Type.NONE ? "" : " " + host + ":" + port + ", username=" + username
                + ", password=" + (password == null ? "none" : "(hidden)")) + "]";
    }
}
