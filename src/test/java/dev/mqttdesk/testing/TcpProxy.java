package dev.mqttdesk.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real TCP proxy on loopback between a client and a broker, whose link can be made to misbehave:
 * <ul>
 * <li>{@link Mode#FORWARD}: bytes go both ways as they come;</li>
 * <li>{@link Mode#HOLD_TO_CLIENT}: what the broker sends is kept back (nothing lost) until the mode
 *     goes back to FORWARD, as on a link that stalls;</li>
 * <li>{@link Mode#BLACKHOLE}: bytes both ways are silently dropped and the sockets stay open, as on a
 *     dead link (a cable pulled, a NAT that forgot us); new connections are accepted and ignored;</li>
 * <li>{@link Mode#REFUSE}: open links are cut and every new connection is closed at once.</li>
 * </ul>
 * Every accepted connection's time is recorded.
 */
public final class TcpProxy implements AutoCloseable {

    public enum Mode { FORWARD, HOLD_TO_CLIENT, BLACKHOLE, REFUSE }

    private final ServerSocket server;
    private final int brokerPort;
    private final Thread acceptor;
    private final List<Long> acceptedAtMillis = new CopyOnWriteArrayList<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();
    private volatile Mode mode = Mode.FORWARD;
    /** Broker-to-client bytes held back, per client socket, in order. */
    private final java.util.Map<Socket, ByteArrayOutputStream> held = new java.util.concurrent.ConcurrentHashMap<>();

    public TcpProxy(int brokerPort) {
        this.brokerPort = brokerPort;
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        acceptor = new Thread(this::acceptLoop, "proxy " + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    public List<Long> acceptedAtMillis() {
        return List.copyOf(acceptedAtMillis);
    }

    public void mode(Mode next) {
        synchronized (lock) {
            mode = next;
            if (next == Mode.REFUSE) {
                open.forEach(TcpProxy::closeQuietly);
                open.clear();
            }
            if (next == Mode.FORWARD) {
                // Hand on what was held back, in order, before anything newer.
                held.forEach((client, bytes) -> {
                    try {
                        client.getOutputStream().write(bytes.toByteArray());
                        client.getOutputStream().flush();
                    } catch (IOException e) {
                        closeQuietly(client);
                    }
                });
                held.clear();
            }
        }
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return;
            }
            acceptedAtMillis.add(System.currentTimeMillis());
            Mode now = mode;
            if (now == Mode.REFUSE) {
                closeQuietly(client);
                continue;
            }
            if (now == Mode.BLACKHOLE) {
                open.add(client);
                pump(client, null, true); // read and drop
                continue;
            }
            try {
                Socket broker = new Socket();
                broker.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), brokerPort), 5_000);
                open.add(client);
                open.add(broker);
                pump(client, broker, true);
                pump(broker, client, false);
            } catch (IOException e) {
                closeQuietly(client);
            }
        }
    }

    /** Copies from one socket to the other as the mode says; a null target only drops. */
    private void pump(Socket from, Socket to, boolean towardBroker) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[16 * 1024];
            try {
                InputStream in = from.getInputStream();
                for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                    if (to == null) {
                        continue;
                    }
                    synchronized (lock) {
                        Mode m = mode;
                        if (m == Mode.BLACKHOLE) {
                            continue;
                        }
                        if (m == Mode.HOLD_TO_CLIENT && !towardBroker) {
                            held.computeIfAbsent(to, k -> new ByteArrayOutputStream()).write(buf, 0, n);
                            continue;
                        }
                        OutputStream out = to.getOutputStream();
                        out.write(buf, 0, n);
                        out.flush();
                    }
                }
            } catch (IOException e) {
                // closed
            } finally {
                if (mode != Mode.BLACKHOLE) {
                    closeQuietly(from);
                    if (to != null) {
                        closeQuietly(to);
                    }
                }
            }
        }, "proxy pump " + from.getPort());
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        open.forEach(TcpProxy::closeQuietly);
    }
}
