package dev.mqttdesk.core.mqtt;

import com.hivemq.client.mqtt.exceptions.ConnectionClosedException;
import com.hivemq.client.mqtt.exceptions.MqttClientStateException;
import com.hivemq.client.mqtt.exceptions.MqttEncodeException;
import com.hivemq.client.mqtt.mqtt3.exceptions.Mqtt3ConnAckException;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5DisconnectException;
import com.hivemq.client.mqtt.mqtt5.message.disconnect.Mqtt5DisconnectReasonCode;
import dev.mqttdesk.core.i18n.InvalidInputException;
import dev.mqttdesk.core.i18n.Text;
import dev.mqttdesk.core.tls.RecordingKeys;
import dev.mqttdesk.core.url.BrokerUrl;
import io.netty.handler.proxy.ProxyConnectException;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakeException;
import io.netty.handler.codec.http.websocketx.WebSocketHandshakeException;

import javax.net.ssl.SSLException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.util.Objects;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/** Turns what the network and the client library throw into a sentence a user can act on. */
public final class Failures {

    private Failures() {
    }

    /** Whether the broker ended the session because another client connected with our client id. */
    public static boolean isSessionTakenOver(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof Mqtt5DisconnectException d
                    && d.getMqttMessage().getReasonCode() == Mqtt5DisconnectReasonCode.SESSION_TAKEN_OVER) {
                return true;
            }
        }
        return false;
    }

    /** Whether the broker just closed the socket, with no reason (what MQTT 3.1.1 brokers do on a duplicate id). */
    public static boolean isClosedWithoutReason(Throwable t) {
        return unwrap(t) instanceof ConnectionClosedException;
    }

    private static final java.util.regex.Pattern PACKET_SIZES =
            java.util.regex.Pattern.compile("exceeded maximum packet size, minimal possible encoded length: (\\d+), maximum: (\\d+)");

    public static Text explain(Throwable error, BrokerUrl url) {
        return explain(error, url, RecordingKeys.ClientCertificate.NOT_ASKED, ProxyOptions.NONE, url.host());
    }

    /**
     * A connection's failure, with what it was set up with: the proxy it went through (then the socket went to
     * it, not to the broker) and the host the certificate was checked against (the SNI host when there is one).
     *
     * @param clientCertificate whether the broker asked the last handshake for a client certificate, and whether one went
     */
    static Text explain(Throwable error, ConnectionSettings settings, RecordingKeys.ClientCertificate clientCertificate) {
        String checked = settings.tls().sniHost() != null ? settings.tls().sniHost() : settings.url().host();
        return explain(error, settings.url(), clientCertificate, settings.proxy(), checked);
    }

    private static Text explain(Throwable error, BrokerUrl url, RecordingKeys.ClientCertificate clientCertificate,
                                ProxyOptions proxy, String checkedHost) {
        Throwable t = unwrap(error);
        String where = url.host() + ":" + url.port();
        if (t instanceof MqttActionException a) {
            return a.text();
        }
        if (t instanceof InvalidInputException i) {
            return i.text();
        }
        if (t instanceof Mqtt5ConnAckException c) {
            var ack = c.getMqttMessage();
            return Text.of("error.connack", ReasonWords.connAck(ack.getReasonCode().name(), ack.getReasonCode().getCode()),
                    reasonString(ack.getReasonString()), connAckHint(ack.getReasonCode().name()));
        }
        if (t instanceof Mqtt3ConnAckException c) {
            var code = c.getMqttMessage().getReturnCode();
            return Text.of("error.connack", ReasonWords.connAck(code.name(), code.getCode()), "", connAckHint(code.name()));
        }
        if (isSessionTakenOver(t)) {
            return Text.of("error.sessionTakenOver");
        }
        if (t instanceof Mqtt5DisconnectException d) {
            var msg = d.getMqttMessage();
            return Text.of("error.serverDisconnect", ReasonWords.disconnect(msg.getReasonCode().name(), msg.getReasonCode().getCode()),
                    reasonString(msg.getReasonString()));
        }
        // Look through the causes for the first that we can name.
        for (Throwable c = t; c != null; c = c.getCause()) {
            // Before ConnectException, which it extends: the proxy answered, the broker may be fine.
            if (c instanceof ProxyConnectException p) {
                return proxyFailure(p, where);
            }
            // Through a proxy the broker's name is resolved and its port reached by the proxy, which then answers
            // in words (above); a socket that failed on our side failed to reach the proxy itself.
            if (proxy.type() != ProxyOptions.Type.NONE) {
                if (c instanceof UnknownHostException || c instanceof UnresolvedAddressException) {
                    return Text.of("error.unknownHost", proxy.host());
                }
                if (c instanceof ConnectException || c instanceof NoRouteToHostException
                        || c instanceof ConnectTimeoutException) {
                    return Text.of("error.proxyUnreachable", proxy.host() + ":" + proxy.port());
                }
            }
            if (c instanceof WebSocketClientHandshakeException ws) {
                String status = ws.response() != null ? ws.response().status().toString() : ws.getMessage();
                return Text.of("error.websocketHandshake", status, url.path());
            }
            if (c instanceof WebSocketHandshakeException) {
                // Some brokers (HiveMQ among them) never answer an upgrade at a path they do not serve.
                return Text.of("error.websocketNoUpgrade", where, url.path());
            }
            if (c instanceof UnknownHostException || c instanceof UnresolvedAddressException) {
                return Text.of("error.unknownHost", url.host());
            }
            if (c instanceof ConnectTimeoutException || c instanceof TimeoutException) {
                return Text.of("error.timeout", where);
            }
            if (c instanceof ConnectException || c instanceof NoRouteToHostException) {
                return Text.of("error.refused", where);
            }
            if (c instanceof CertificateException || c instanceof SSLException) {
                return Text.of("error.tls", tlsReason(c, checkedHost, clientCertificate));
            }
            if (c instanceof MqttEncodeException) {
                // The client refuses locally what the broker's CONNACK said it takes no more of; the sizes are
                // only in the message ("... minimal possible encoded length: N, maximum: M.").
                java.util.regex.Matcher m = PACKET_SIZES.matcher(String.valueOf(c.getMessage()));
                if (m.find()) {
                    return Text.of("error.packetTooLarge", m.group(1), m.group(2));
                }
            }
        }
        if (t instanceof ConnectionClosedException) {
            return Text.of("error.closedByServer");
        }
        String message = t.getMessage() == null ? "" : t.getMessage();
        if (message.toLowerCase().contains("timeout") || message.toLowerCase().contains("timed out")) {
            return Text.of("error.timeout", where);
        }
        if (t instanceof MqttClientStateException) {
            return Text.of("error.notConnected");
        }
        return Text.of("error.unexpected", t.getClass().getSimpleName(), message);
    }

    /** The broker's own reason string, quoted as it said it; nothing when it sent none. */
    private static Object reasonString(java.util.Optional<com.hivemq.client.mqtt.datatypes.MqttUtf8String> said) {
        return said.map(r -> (Object) Text.of("reason.string", r.toString())).orElse("");
    }

    /** The CONNACK a refused connection got, or null when it failed otherwise. */
    static ConnAck refusal(Throwable error) {
        Throwable t = unwrap(error);
        if (t instanceof Mqtt5ConnAckException c) {
            return ConnAck.of(c.getMqttMessage());
        }
        if (t instanceof Mqtt3ConnAckException c) {
            return ConnAck.of(c.getMqttMessage());
        }
        return null;
    }

    private static String connAckHint(String code) {
        return switch (code) {
            case "BAD_USER_NAME_OR_PASSWORD", "NOT_AUTHORIZED" -> Text.of("hint.credentials").resolve();
            case "CLIENT_IDENTIFIER_NOT_VALID", "IDENTIFIER_REJECTED" -> Text.of("hint.clientId").resolve();
            case "UNSUPPORTED_PROTOCOL_VERSION" -> Text.of("hint.protocolVersion").resolve();
            default -> "";
        };
    }

    private static final java.util.regex.Pattern PROXY_STATUS = java.util.regex.Pattern.compile("status: (\\S+)(?: (.*))?");
    private static final java.util.regex.Pattern SOCKS_STATUS = java.util.regex.Pattern.compile("([A-Z_]+)\\((\\d+)\\)");

    /**
     * What a proxy said. Netty's messages read "http, basic, /127.0.0.1:3128 =&gt; host:port, status: 407 ..." and
     * "socks5, password, /127.0.0.1:1080 =&gt; ..., status: CONNECTION_REFUSED(5)" (or "authStatus: FAILURE"); the
     * proxy's address is their third part, its answer the fourth.
     */
    private static Text proxyFailure(ProxyConnectException p, String broker) {
        String m = String.valueOf(p.getMessage());
        String[] parts = m.split(", ", 4);
        String proxy = parts.length > 2 ? parts[2].split(" => ")[0].replaceFirst("^[^/]*/", "") : "";
        // 407 is the standard answer, tinyproxy sends 401; in SOCKS5 any status but 0 refuses (RFC 1929).
        if (m.contains("status: 407") || m.contains("status: 401") || m.contains("authStatus: ")) {
            return Text.of("error.proxyAuth", proxy);
        }
        String said = parts.length > 3 ? parts[3] : m;
        java.util.regex.Matcher status = PROXY_STATUS.matcher(said);
        if (m.startsWith("http") && status.matches()) {
            // The proxy's HTTP answer, as it said it: "403 Access violation", "500 Unable to connect".
            return Text.of("error.proxyHttp", proxy, broker, (status.group(1) + " " + Objects.toString(status.group(2), "")).strip());
        }
        java.util.regex.Matcher socks = status.matches() ? SOCKS_STATUS.matcher(status.group(1)) : null;
        if (m.startsWith("socks5") && socks != null && socks.matches()) {
            // RFC 1928's reply codes, in words: "connection refused (5)".
            int code = Integer.parseInt(socks.group(2));
            Object words = code >= 1 && code <= 8 ? Text.of("proxy.socks.reply." + code) : socks.group(1);
            return Text.of("error.proxySocks", proxy, broker, words, String.valueOf(code));
        }
        if (m.contains("timeout")) {
            return Text.of("error.proxyTimeout", proxy, broker);
        }
        return Text.of("error.proxy", proxy, said);
    }

    /** Why the handshake failed, in words for the common causes; else the JDK's words. */
    private static Object tlsReason(Throwable t, String checkedHost, RecordingKeys.ClientCertificate clientCertificate) {
        String alert = rootMessage(t);
        // TLS 1.3 names the cause; TLS 1.2 says only handshake_failure, and the key managers saw the request.
        if (alert.contains("certificate_required") || (clientCertificate == RecordingKeys.ClientCertificate.ASKED_NONE_SENT
                && alert.startsWith("Received fatal alert"))) {
            return Text.of("tls.reason.clientCertificateRequired");
        }
        if (clientCertificate == RecordingKeys.ClientCertificate.SENT && (alert.contains("unknown_ca")
                || alert.contains("bad_certificate") || alert.contains("certificate_unknown") || alert.contains("access_denied"))) {
            return Text.of("tls.reason.clientCertificateRefused");
        }
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof CertificateExpiredException || c instanceof CertificateNotYetValidException) {
                return Text.of("tls.reason.expired", c.getMessage());
            }
        }
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof CertPathBuilderException) {
                return Text.of("tls.reason.untrusted");
            }
            // The JDK's HostnameChecker says so only in its message.
            String m = c.getMessage();
            if (c instanceof CertificateException && m != null
                    && (m.startsWith("No subject alternative") || m.startsWith("No name matching"))) {
                return Text.of("tls.reason.wrongHost", checkedHost);
            }
        }
        return rootMessage(t);
    }

    private static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        String m = c.getMessage();
        return m == null || m.isBlank() ? c.getClass().getSimpleName() : m;
    }

    static Throwable unwrap(Throwable t) {
        Throwable c = t;
        while ((c instanceof CompletionException || c instanceof ExecutionException) && c.getCause() != null) {
            c = c.getCause();
        }
        return c;
    }
}
