package dev.mqttdesk.check;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** One HTTP/1.1 WebSocket upgrade request, written by hand so that every byte of the answer can be judged. */
final class WebSocketUpgrade {

    static final String SUBPROTOCOL = "mqtt";
    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private static final int MAX_HEAD_BYTES = 16 * 1024;
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * The answer's head.
     *
     * @param statusLine the first line, or "" when the server closed without a word
     * @param status     the status code, or -1 when the first line is no HTTP status line
     * @param headers    header names in lower case
     */
    record Answer(String statusLine, int status, Map<String, String> headers) {

        boolean silent() {
            return statusLine.isEmpty();
        }

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final String key;

    WebSocketUpgrade() {
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        this.key = Base64.getEncoder().encodeToString(nonce);
    }

    /** The Sec-WebSocket-Accept a server must send back for our key (RFC 6455, 4.2.2). */
    String expectedAccept() {
        try {
            byte[] sha1 = MessageDigest.getInstance("SHA-1").digest((key + GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(sha1);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
    }

    /** Sends the upgrade and reads the answer's head; a silent server ends in a SocketTimeoutException. */
    Answer send(Socket socket, String hostHeader, String path) throws IOException {
        String request = "GET " + path + " HTTP/1.1\r\n"
                + "Host: " + hostHeader + "\r\n"
                + "Upgrade: websocket\r\n"
                + "Connection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + key + "\r\n"
                + "Sec-WebSocket-Version: 13\r\n"
                + "Sec-WebSocket-Protocol: " + SUBPROTOCOL + "\r\n"
                + "User-Agent: mqtt-desk-check\r\n"
                + "\r\n";
        OutputStream out = socket.getOutputStream();
        out.write(request.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return parse(readHead(socket.getInputStream()));
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (head.size() < MAX_HEAD_BYTES) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
            if (matched == end.length) {
                break;
            }
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    static Answer parse(String head) {
        String[] lines = head.split("\r\n");
        String statusLine = lines.length == 0 ? "" : lines[0].strip();
        int status = -1;
        String[] parts = statusLine.split(" ", 3);
        if (parts.length >= 2 && parts[0].startsWith("HTTP/") && parts[1].matches("\\d{3}")) {
            status = Integer.parseInt(parts[1]);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
            }
        }
        return new Answer(statusLine, status, headers);
    }
}
