package dev.mqttdesk.broker;

import com.hivemq.embedded.EmbeddedHiveMQ;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The built-in broker: HiveMQ Community Edition embedded in this JVM, on 127.0.0.1 only, with a
 * TCP listener and a WebSocket listener at {@code /mqtt}, MQTT 3.1.1 and 5.0, nothing written to
 * disk that outlives it. It takes the conventional ports when they are free, else free ones.
 * The public WebSocket port is an {@link OriginGate} that refuses web pages from elsewhere; HiveMQ's
 * own WebSocket listener sits behind it on a free loopback port.
 */
public final class LocalBroker implements AutoCloseable {

    public static final int PREFERRED_TCP_PORT = 1883;
    public static final int PREFERRED_WS_PORT = 8083;
    public static final String WS_PATH = "/mqtt";

    private final EmbeddedHiveMQ hivemq;
    private final OriginGate gate;
    private final Path home;
    private final int tcpPort;

    private LocalBroker(EmbeddedHiveMQ hivemq, OriginGate gate, Path home, int tcpPort) {
        this.hivemq = hivemq;
        this.gate = gate;
        this.home = home;
        this.tcpPort = tcpPort;
    }

    /** Starts on the conventional ports if free, else on free ones; blocks until it listens. */
    public static LocalBroker start() {
        try {
            return start(portOrFree(PREFERRED_TCP_PORT), portOrFree(PREFERRED_WS_PORT));
        } catch (IllegalStateException takenMeanwhile) {
            // Another program bound a port between our look and the broker's bind: any free ones will do.
            return startOnFreePorts();
        }
    }

    private static LocalBroker startOnFreePorts() {
        IllegalStateException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                return start(0, 0);
            } catch (IllegalStateException e) {
                last = e;
            }
        }
        throw last;
    }

    /** Starts on these ports (0 = any free one). */
    public static LocalBroker start(int tcpPort, int wsPort) {
        int tcp = tcpPort == 0 ? freePort() : tcpPort;
        int ws = freePort(); // HiveMQ's own, behind the gate
        OriginGate gate;
        try {
            gate = OriginGate.open(wsPort, ws);
        } catch (IOException e) {
            throw new IllegalStateException("built-in broker's WebSocket port " + wsPort + " is taken", e);
        }
        Path home;
        try {
            home = Files.createTempDirectory("mqttdesk-broker");
            Path conf = Files.createDirectories(home.resolve("conf"));
            Files.createDirectories(home.resolve("data"));
            Files.createDirectories(home.resolve("extensions"));
            Files.writeString(conf.resolve("config.xml"), config(tcp, ws), StandardCharsets.UTF_8);
            Files.writeString(conf.resolve("logback.xml"), LOGBACK, StandardCharsets.UTF_8);
        } catch (IOException e) {
            gate.close();
            throw new UncheckedIOException(e);
        }
        EmbeddedHiveMQ hivemq = EmbeddedHiveMQ.builder()
                .withConfigurationFolder(home.resolve("conf"))
                .withDataFolder(home.resolve("data"))
                .withExtensionsFolder(home.resolve("extensions"))
                .build();
        try {
            hivemq.start().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            gate.close();
            closeQuietly(hivemq);
            deleteTree(home);
            throw new IllegalStateException("built-in broker did not start on ports " + tcp + "/" + gate.port(), e);
        }
        return new LocalBroker(hivemq, gate, home, tcp);
    }

    public int tcpPort() {
        return tcpPort;
    }

    public int wsPort() {
        return gate.port();
    }

    public String tcpUrl() {
        return "mqtt://127.0.0.1:" + tcpPort;
    }

    public String wsUrl() {
        return "ws://127.0.0.1:" + gate.port() + WS_PATH;
    }

    @Override
    public void close() {
        gate.close();
        closeQuietly(hivemq);
        deleteTree(home);
    }

    private static void closeQuietly(EmbeddedHiveMQ hivemq) {
        try {
            hivemq.stop().get(30, TimeUnit.SECONDS);
        } catch (Exception ignored) {
            // Stopping at exit: nothing left to tell the user.
        }
        try {
            hivemq.close();
        } catch (Exception ignored) {
            // as above
        }
    }

    private static int portOrFree(int preferred) {
        try (ServerSocket s = new ServerSocket(preferred, 1, InetAddress.getLoopbackAddress())) {
            s.setReuseAddress(true);
            return preferred;
        } catch (IOException taken) {
            return freePort();
        }
    }

    /** A port nothing listens on right now, on the loopback address. */
    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp folder left behind is harmless
        }
    }

    private static String config(int tcp, int ws) {
        return """
                <?xml version="1.0"?>
                <hivemq>
                    <listeners>
                        <tcp-listener>
                            <port>%d</port>
                            <bind-address>127.0.0.1</bind-address>
                        </tcp-listener>
                        <websocket-listener>
                            <port>%d</port>
                            <bind-address>127.0.0.1</bind-address>
                            <path>%s</path>
                            <subprotocols>
                                <subprotocol>mqttv3.1</subprotocol>
                                <subprotocol>mqtt</subprotocol>
                            </subprotocols>
                            <allow-extensions>true</allow-extensions>
                        </websocket-listener>
                    </listeners>
                    <persistence>
                        <mode>in-memory</mode>
                    </persistence>
                    <anonymous-usage-statistics>
                        <enabled>false</enabled>
                    </anonymous-usage-statistics>
                </hivemq>
                """.formatted(tcp, ws, WS_PATH);
    }

    private static final String LOGBACK = """
            <configuration scan="false">
                <appender name="CONSOLE" class="ch.qos.logback.core.ConsoleAppender">
                    <encoder><pattern>%-30(%d %level)- [broker] %msg%n</pattern></encoder>
                </appender>
                <root level="WARN"><appender-ref ref="CONSOLE"/></root>
                <logger name="oshi" level="OFF"/>
                <logger name="jetbrains.exodus" level="OFF"/>
            </configuration>
            """;
}
