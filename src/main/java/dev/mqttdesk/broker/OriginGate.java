package dev.mqttdesk.broker;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The built-in broker's public WebSocket port, on loopback: reads the head of each HTTP request and
 * answers {@code 403 Forbidden} when a web page that is not local opened it (HiveMQ checks no Origin,
 * and any page in a browser could otherwise reach ws://127.0.0.1:8083/mqtt); otherwise hands the
 * bytes both ways to HiveMQ's own WebSocket listener on a loopback port of its own.
 */
final class OriginGate implements AutoCloseable {

    static final byte[] FORBIDDEN = ("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);
    private static final int HEAD_TIMEOUT_MILLIS = 10_000;
    /** Its threads are named this, the public port, a dash and a number. */
    static final String THREAD_PREFIX = "mqttdesk-broker-ws-gate-";
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final ServerSocket server;
    private final InetSocketAddress inner;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final ExecutorService threads;
    private volatile boolean closed;

    private OriginGate(ServerSocket server, int innerPort) {
        this.server = server;
        this.inner = new InetSocketAddress(InetAddress.getLoopbackAddress(), innerPort);
        String name = THREAD_PREFIX + server.getLocalPort() + "-";
        this.threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, name + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Binds the public port on loopback now (0 = any free one), to let through to the inner port. */
    static OriginGate open(int publicPort, int innerPort) throws IOException {
        ServerSocket server = new ServerSocket();
        try {
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), publicPort), 50);
        } catch (IOException e) {
            server.close();
            throw e;
        }
        OriginGate gate = new OriginGate(server, innerPort);
        gate.threads.execute(gate::accept);
        return gate;
    }

    int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!closed) {
            try {
                Socket client = server.accept();
                track(client);
                threads.execute(() -> serve(client));
            } catch (RejectedExecutionException | IOException e) {
                if (closed || server.isClosed()) {
                    return;
                }
                // one failed accept (a peer that vanished) does not stop the port
            }
        }
    }

    private void serve(Socket client) {
        Socket broker = null;
        try {
            client.setSoTimeout(HEAD_TIMEOUT_MILLIS);
            UpgradeHead head = UpgradeHead.read(client.getInputStream());
            if (head == null) {
                return;
            }
            if (head.severalOrigins() || !LocalOrigins.allowed(head.origin())) {
                client.getOutputStream().write(FORBIDDEN);
                client.getOutputStream().flush();
                return;
            }
            client.setSoTimeout(0);
            broker = new Socket();
            track(broker);
            broker.connect(inner, HEAD_TIMEOUT_MILLIS);
            broker.getOutputStream().write(head.bytes());
            Socket back = broker;
            threads.execute(() -> pump(back, client));
            pump(client, broker);
        } catch (IOException | RejectedExecutionException e) {
            // the peer went away or the broker is closing: nothing to tell anyone
        } finally {
            if (broker == null) {
                close(client);
            }
        }
    }

    /** Copies one way until either side ends, then closes both, which ends the other way's copy too. */
    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // a reset or a close from the other direction ends this one
        } finally {
            close(from);
            close(to);
        }
    }

    private void track(Socket s) throws SocketException {
        open.add(s);
        if (closed) {
            close(s);
            throw new SocketException("closed");
        }
    }

    private void close(Socket s) {
        open.remove(s);
        try {
            s.close();
        } catch (IOException ignored) {
            // already gone
        }
    }

    /** Open connections through the gate, counted by their sockets on both sides. */
    int openSockets() {
        return open.size();
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // closing at the broker's end
        }
        for (Socket s : open) {
            close(s);
        }
        threads.shutdownNow();
    }
}
