package dev.mqttdesk.check;

import dev.mqttdesk.core.i18n.Text;

import javax.net.ssl.SSLSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The HTTP upgrade at the URL's path, asking for the {@code mqtt} subprotocol as MQTT.js does:
 * anything but 101 with {@code mqtt} echoed is a connection the mini-program will not get.
 */
final class WebSocketStep implements CheckStep {

    @Override
    public CheckId id() {
        return CheckId.WEBSOCKET;
    }

    @Override
    public boolean network() {
        return true;
    }

    @Override
    public int timeouts() {
        return 2; // the handshake, then the answer
    }

    @Override
    public StepResult run(CheckContext context) throws Exception {
        CheckTarget target = context.target();
        if (!target.url().transport().webSocket()) {
            return StepResult.skip(id(), Text.of("check.websocket.notWebSocket", target.url().transport().scheme()));
        }
        String path = target.url().path();
        boolean secure = target.url().transport().secure();
        WebSocketUpgrade upgrade = new WebSocketUpgrade();
        WebSocketUpgrade.Answer answer;
        long millis;
        try (Socket socket = secure ? Sockets.tls(context, context.trust().verifyingContext()) : Sockets.plain(context)) {
            if (socket instanceof SSLSocket tls) {
                tls.startHandshake();
            }
            long start = System.nanoTime();
            answer = upgrade.send(socket, hostHeader(target, secure), path);
            millis = (System.nanoTime() - start) / 1_000_000;
        } catch (SocketTimeoutException e) {
            return StepResult.fail(id(), Text.of("check.websocket.noAnswer", path, context.options().timeoutSeconds()),
                    Text.of("check.websocket.fix.path", path));
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("path", path);
        data.put("statusLine", answer.statusLine());
        if (answer.header("server") != null) {
            data.put("server", answer.header("server"));
        }
        if (answer.silent()) {
            return StepResult.fail(id(), Text.of("check.websocket.closed", path), Text.of("check.websocket.fix.path", path)).with(data);
        }
        if (answer.status() < 0) {
            return StepResult.fail(id(), Text.of("check.websocket.notHttp", abbreviate(answer.statusLine())),
                    Text.of("check.websocket.fix.notHttp")).with(data);
        }
        data.put("status", answer.status());
        if (answer.status() != 101) {
            return StepResult.fail(id(), Text.of("check.websocket.status", answer.statusLine(), path),
                    Text.of("check.websocket.fix.path", path)).with(data);
        }
        String accept = answer.header("sec-websocket-accept");
        if (!upgrade.expectedAccept().equals(accept)) {
            return StepResult.fail(id(), Text.of("check.websocket.badAccept", String.valueOf(accept)),
                    Text.of("check.websocket.fix.proxy")).with(data);
        }
        String echoed = answer.header("sec-websocket-protocol");
        data.put("subprotocol", echoed == null ? "" : echoed);
        if (echoed == null || echoed.isEmpty()) {
            return StepResult.fail(id(), Text.of("check.websocket.noSubprotocol", WebSocketUpgrade.SUBPROTOCOL),
                    Text.of("check.websocket.fix.subprotocol")).with(data);
        }
        if (!echoed.equalsIgnoreCase(WebSocketUpgrade.SUBPROTOCOL)) {
            return StepResult.fail(id(), Text.of("check.websocket.wrongSubprotocol", echoed, WebSocketUpgrade.SUBPROTOCOL),
                    Text.of("check.websocket.fix.subprotocol")).with(data);
        }
        data.put("millis", millis);
        return StepResult.pass(id(), Text.of("check.websocket.ok", path, echoed, millis)).with(data);
    }

    private static String hostHeader(CheckTarget target, boolean secure) {
        String host = target.host().indexOf(':') >= 0 ? "[" + target.host() + "]" : target.host();
        int defaultPort = secure ? CheckTarget.HTTPS_PORT : CheckTarget.HTTP_PORT;
        return target.port() == defaultPort ? host : host + ":" + target.port();
    }

    private static String abbreviate(String s) {
        String printable = s.replaceAll("[^\\x20-\\x7e]", "?");
        return printable.length() > 60 ? printable.substring(0, 60) + "…" : printable;
    }
}
