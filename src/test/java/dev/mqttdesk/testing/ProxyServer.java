package dev.mqttdesk.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A real proxy started for a test on a free loopback port with its own configuration (no system service):
 * tinyproxy for HTTP CONNECT, microsocks for SOCKS5, both asking for a user name and password.
 * Debian packages: {@code apt-get install tinyproxy microsocks} (.ci/run installs them).
 */
public final class ProxyServer implements AutoCloseable {

    public static final String USER = "proxyuser";
    public static final String PASSWORD = "proxy-s3cret";

    private final Process process;
    private final int port;
    private final Path dir;

    private ProxyServer(List<String> command, int port, Path dir) {
        this.port = port;
        this.dir = dir;
        try {
            process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("proxy.log").toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitListening();
    }

    /** tinyproxy in the foreground with Basic authentication, any CONNECT port allowed. */
    public static ProxyServer http() {
        return http(List.of());
    }

    /** tinyproxy as {@link #http()} with more lines of its configuration, e.g. {@code ConnectPort 443}. */
    public static ProxyServer http(List<String> moreConfig) {
        int port = Mosquitto.freePort();
        Path dir = TestPki.Files2.tempDir("mqttdesk-tinyproxy");
        String conf = String.join("\n",
                "Port " + port, "Listen 127.0.0.1", "Timeout 60", "MaxClients 20", "LogLevel Info",
                "Allow 127.0.0.1", "DisableViaHeader Yes", "BasicAuth " + USER + " " + PASSWORD, String.join("\n", moreConfig), "");
        try {
            Files.writeString(dir.resolve("tinyproxy.conf"), conf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ProxyServer(List.of(Mosquitto.program("tinyproxy"), "-d", "-c", dir.resolve("tinyproxy.conf").toString()),
                port, dir);
    }

    /** microsocks with user name and password authentication. */
    public static ProxyServer socks5() {
        int port = Mosquitto.freePort();
        Path dir = TestPki.Files2.tempDir("mqttdesk-microsocks");
        return new ProxyServer(new ArrayList<>(List.of(Mosquitto.program("microsocks"), "-i", "127.0.0.1",
                "-p", String.valueOf(port), "-u", USER, "-P", PASSWORD)), port, dir);
    }

    public int port() {
        return port;
    }

    public String log() {
        try {
            return Files.readString(dir.resolve("proxy.log"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private void awaitListening() {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the proxy exited (" + process.exitValue() + "): " + log());
            }
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
        close();
        throw new IllegalStateException("the proxy did not listen on " + port + " within 10 s: " + log());
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(Duration.ofSeconds(5).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        TestPki.Files2.deleteTree(dir);
    }
}
