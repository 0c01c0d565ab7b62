package dev.mqttdesk.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A tiny real HTTP server on loopback that answers every request with one status and closes, as a
 * web server does at a path it does not serve. It records each request line it reads.
 * <pre>{@code
 * try (RawHttpServer http = RawHttpServer.answering("404 Not Found")) { ... http.port() ... }
 * }</pre>
 */
public final class RawHttpServer implements AutoCloseable {

    private final ServerSocket server;
    private final String status;
    private final List<String> requestLines = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    private RawHttpServer(String status) throws IOException {
        this.status = status;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::acceptLoop, "raw-http " + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Starts a server answering every request with this status line's code and reason, e.g. {@code "404 Not Found"}. */
    public static RawHttpServer answering(String status) {
        try {
            return new RawHttpServer(status);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return server.getLocalPort();
    }

    /** The request lines read so far, e.g. {@code GET /mqtt HTTP/1.1}. */
    public List<String> requestLines() {
        return List.copyOf(requestLines);
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try (Socket s = server.accept()) {
                s.setSoTimeout(5_000);
                answer(s);
            } catch (IOException e) {
                // closed, or a client that went away: go on with the next one
            }
        }
    }

    private void answer(Socket s) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
        String first = in.readLine();
        if (first == null) {
            return;
        }
        requestLines.add(first);
        for (String header = in.readLine(); header != null && !header.isEmpty(); header = in.readLine()) {
            // read the headers to their end before answering
        }
        String body = status + "\n";
        String response = "HTTP/1.1 " + status + "\r\n"
                + "Content-Type: text/plain\r\n"
                + "Content-Length: " + body.length() + "\r\n"
                + "Connection: close\r\n\r\n" + body;
        OutputStream out = s.getOutputStream();
        out.write(response.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        s.shutdownOutput();
    }

    @Override
    public void close() {
        try {
            server.close();
            acceptor.join(5_000);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
