package dev.mqttdesk.testing;

import dev.mqttdesk.core.url.BrokerUrl;
import dev.mqttdesk.core.url.Transport;
import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A real {@code mosquitto} broker process on free loopback ports, for integration tests.
 * <pre>{@code
 * try (Mosquitto m = Mosquitto.builder().webSockets().tls(pki.good()).start()) {
 *     BrokerUrl url = m.url(Transport.TLS);
 *     m.pub("-t", "a/b", "-m", "hello");
 * }
 * }</pre>
 * Every broker has a plain TCP listener first (mosquitto 2.0 does not start with only websockets
 * listeners); the others are added by the builder, each bound to 127.0.0.1. Settings: anonymous
 * clients allowed unless users are given, no persistence (unless {@link Builder#persistence()}),
 * {@code max_queued_messages 0} (no limit)
 * so floods of messages to a slow subscriber are not dropped.
 * <p>
 * {@link #stop()} and {@link #start()} stop and start the same broker on the same ports, to test
 * reconnecting. The broker's own log is in {@link #log()} and in every start-up failure.
 */
public final class Mosquitto implements AutoCloseable {

    /** How long to wait for the broker to listen, for a peer to finish, and so on. */
    public static final Duration TIMEOUT = Duration.ofSeconds(20);

    /** The kinds of listener; TCP is always there and first. */
    public enum Kind { TCP, WEBSOCKETS, TLS, WSS }

    /** One listener: a name to find it by, its kind, its port and for TLS kinds its certificate. */
    public record Listener(String name, Kind kind, int port, TestPki.ServerCert cert) {

        public Transport transport() {
            return switch (kind) {
                case TCP -> Transport.TCP;
                case WEBSOCKETS -> Transport.WEBSOCKET;
                case TLS -> Transport.TLS;
                case WSS -> Transport.WEBSOCKET_TLS;
            };
        }
    }

    private static final String START_MARK = "---- start\n";

    private final Path dir;
    private final Path config;
    private final Path logFile;
    private final Map<String, Listener> listeners;
    private final Path caFile;
    private volatile Process process;

    private Mosquitto(Path dir, Map<String, Listener> listeners, Path caFile) {
        this.dir = dir;
        this.config = dir.resolve("mosquitto.conf");
        this.logFile = dir.resolve("mosquitto.log");
        this.listeners = listeners;
        this.caFile = caFile;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A broker with only the plain TCP listener, started. */
    public static Mosquitto startTcp() {
        return builder().start();
    }

    // ---------------------------------------------------------------- installation

    /**
     * The path of a program of the mosquitto packages. When it is missing, tests fail with a clear
     * message on CI (the environment variable {@code CI} is set) and are skipped elsewhere.
     */
    public static String program(String name) {
        Optional<Path> found = findProgram(name);
        if (found.isPresent()) {
            return found.get().toString();
        }
        String message = "'" + name + "' is not installed: apt-get install mosquitto mosquitto-clients";
        if (System.getenv("CI") != null) {
            throw new IllegalStateException(message + " (CI is set, so this test may not be skipped)");
        }
        Assumptions.abort(message);
        throw new AssertionError("unreachable");
    }

    /** Fails (on CI) or skips (elsewhere) unless mosquitto and its clients are installed. */
    public static void requireInstalled() {
        for (String p : List.of("mosquitto", "mosquitto_pub", "mosquitto_sub", "mosquitto_passwd")) {
            program(p);
        }
    }

    private static Optional<Path> findProgram(String name) {
        List<String> dirs = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)));
        // Debian puts the broker in /usr/sbin, which is not on a normal user's PATH.
        dirs.addAll(List.of("/usr/sbin", "/usr/local/sbin", "/usr/bin", "/usr/local/bin", "/opt/homebrew/sbin",
                "/opt/homebrew/bin"));
        return dirs.stream().filter(d -> !d.isBlank()).map(d -> Path.of(d, name))
                .filter(Files::isExecutable).findFirst();
    }

    // ---------------------------------------------------------------- the broker

    /** Starts (or starts again) the broker and waits until every listener accepts connections. */
    public synchronized Mosquitto start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("mosquitto is already running");
        }
        try {
            Files.writeString(logFile, START_MARK, StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            // Line-buffered: mosquitto does not flush its log to a pipe or file, and tests read it as it comes.
            List<String> command = new ArrayList<>();
            findProgram("stdbuf").ifPresent(stdbuf -> command.addAll(List.of(stdbuf.toString(), "-oL")));
            command.addAll(List.of(program("mosquitto"), "-c", config.toString()));
            process = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        for (Listener l : listeners.values()) {
            while (!accepts(l.port())) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("mosquitto exited with " + process.exitValue()
                            + " before listening on " + l + "\n" + describe());
                }
                if (System.nanoTime() > deadline) {
                    process.destroyForcibly();
                    throw new IllegalStateException("mosquitto did not listen on " + l + " within " + TIMEOUT
                            + "\n" + describe());
                }
                sleep(20);
            }
        }
        return this;
    }

    /** Stops the broker (SIGTERM, as a service manager would); the same ports are used by the next start. */
    public synchronized void stop() {
        Process p = process;
        if (p == null) {
            return;
        }
        p.destroy();
        try {
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /** Kills the broker with SIGKILL: no DISCONNECT, no goodbye, as when the machine dies. */
    public synchronized void kill() {
        Process p = process;
        if (p == null) {
            return;
        }
        p.destroyForcibly();
        try {
            p.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    public boolean isRunning() {
        Process p = process;
        return p != null && p.isAlive();
    }

    @Override
    public void close() {
        stop();
        TestPki.Files2.deleteTree(dir);
    }

    private static boolean accepts(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The broker's log so far (all starts), with the configuration, for failure messages. */
    public String describe() {
        return "---- " + config + "\n" + read(config) + "---- " + logFile + "\n" + log();
    }

    /** Everything mosquitto wrote so far. */
    public String log() {
        return read(logFile);
    }

    /** What mosquitto wrote since it was last started. */
    public String logSinceLastStart() {
        String log = log();
        return log.substring(log.lastIndexOf(START_MARK) + START_MARK.length());
    }

    /** The version mosquitto reports in its log, e.g. {@code 2.0.11}. */
    public String version() {
        return log().lines().filter(l -> l.contains("mosquitto version ") && l.endsWith(" starting")).findFirst()
                .map(l -> l.substring(l.indexOf("mosquitto version ") + 18, l.length() - " starting".length()))
                .orElseThrow(() -> new IllegalStateException("no version in mosquitto's log\n" + log()));
    }

    /** Whether mosquitto's version is at least this one, e.g. {@code atLeast(2, 0, 15)}. */
    public boolean versionAtLeast(int... wanted) {
        String[] parts = version().split("\\.");
        for (int i = 0; i < wanted.length; i++) {
            int have = i < parts.length ? Integer.parseInt(parts[i].replaceAll("\\D.*", "")) : 0;
            if (have != wanted[i]) {
                return have > wanted[i];
            }
        }
        return true;
    }

    /** Waits until a line of the broker's log (all starts) matches, and returns it. */
    public String awaitLog(Predicate<String> line) {
        return awaitLog(line, false);
    }

    /** Waits until a line the broker logged since it was last started matches, and returns it. */
    public String awaitLogSinceLastStart(Predicate<String> line) {
        return awaitLog(line, true);
    }

    private String awaitLog(Predicate<String> line, boolean sinceLastStart) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<String> hit = (sinceLastStart ? logSinceLastStart() : log()).lines().filter(line).findFirst();
            if (hit.isPresent()) {
                return hit.get();
            }
            sleep(20);
        }
        throw new AssertionError("no line of mosquitto's log matched within " + TIMEOUT + "\n" + log());
    }

    private static String read(Path p) {
        try {
            return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(cannot read " + p + ": " + e.getMessage() + ")";
        }
    }

    // ---------------------------------------------------------------- where it listens

    public Path dir() {
        return dir;
    }

    public Path config() {
        return config;
    }

    /** The CA that signed the TLS listeners' certificates (of the first TLS listener's PKI), or null. */
    public Path caFile() {
        return caFile;
    }

    public List<Listener> listeners() {
        return List.copyOf(listeners.values());
    }

    public Listener listener(String name) {
        Listener l = listeners.get(name);
        if (l == null) {
            throw new IllegalArgumentException("no listener named " + name + "; have " + listeners.keySet());
        }
        return l;
    }

    /** The first listener of a transport. */
    public Listener listener(Transport transport) {
        return listeners.values().stream().filter(l -> l.transport() == transport).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no " + transport + " listener; have " + listeners.keySet()));
    }

    public int tcpPort() {
        return listener("tcp").port();
    }

    public int port(String listenerName) {
        return listener(listenerName).port();
    }

    /** A URL for the first listener of a transport on 127.0.0.1 (WebSocket path {@code /mqtt}). */
    public BrokerUrl url(Transport transport) {
        return BrokerUrl.of(transport, "127.0.0.1", listener(transport).port());
    }

    /** A URL for a named listener on this host (WebSocket path {@code /mqtt}). */
    public BrokerUrl url(String listenerName, String host) {
        Listener l = listener(listenerName);
        return BrokerUrl.of(l.transport(), host, l.port());
    }

    // ---------------------------------------------------------------- real peers

    /**
     * Runs {@code mosquitto_pub -h 127.0.0.1 -p <tcp port>} with these arguments (later ones win, so
     * {@code -p} and {@code --cafile} may be given) to its end; fails with its output unless it exits 0.
     */
    public Peer.Result pub(String... args) {
        Peer.Result r = Peer.start(command("mosquitto_pub", args)).awaitExit();
        if (r.exitCode() != 0) {
            throw new IllegalStateException("mosquitto_pub failed: " + r + "\n" + describe());
        }
        return r;
    }

    /** Starts {@code mosquitto_pub -l ...}: every line written to its input is published as one message. */
    public Peer pubLines(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("-l");
        return Peer.start(command("mosquitto_pub", all.toArray(String[]::new)));
    }

    /**
     * Starts {@code mosquitto_sub -d -h 127.0.0.1 -p <tcp port> -F <format>} with these arguments.
     * {@code -d} lets {@link Peer#awaitSubscribed()} see the SUBACK; the format prints each message
     * so that {@link Peer#messages()} can read it. Give {@code -C n} to make it end after n messages.
     */
    public Peer sub(String... args) {
        List<String> all = new ArrayList<>(List.of("-d", "-F", Peer.MESSAGE_FORMAT));
        all.addAll(List.of(args));
        return Peer.start(command("mosquitto_sub", all.toArray(String[]::new)));
    }

    /**
     * Any mosquitto client program with {@code -h 127.0.0.1 -p <tcp port>} first. Its output is line
     * buffered through {@code stdbuf -oL} (coreutils) where there is one: the clients print their
     * debug lines without flushing, and to a pipe they would arrive only when the client ends.
     */
    public List<String> command(String program, String... args) {
        List<String> command = new ArrayList<>();
        findProgram("stdbuf").ifPresent(stdbuf -> command.addAll(List.of(stdbuf.toString(), "-oL")));
        command.addAll(List.of(program(program), "-h", "127.0.0.1", "-p", Integer.toString(tcpPort())));
        command.addAll(List.of(args));
        return command;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
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

    // ---------------------------------------------------------------- configuration

    public static final class Builder {

        private final Map<String, Listener> listeners = new LinkedHashMap<>();
        private final Map<String, String> users = new LinkedHashMap<>();
        private final List<String> extraLines = new ArrayList<>();
        private final List<String> listenerLines = new ArrayList<>();
        private Path caFile;
        private boolean requireClientCertificate;
        private boolean persistence;

        private Builder() {
            listeners.put("tcp", new Listener("tcp", Kind.TCP, 0, null));
        }

        /** A WebSocket listener named {@code ws}. */
        public Builder webSockets() {
            return listener("ws", Kind.WEBSOCKETS, null);
        }

        /** A TLS listener named {@code tls} with this certificate. */
        public Builder tls(TestPki.ServerCert cert) {
            return listener("tls", Kind.TLS, cert);
        }

        /** A WebSocket-over-TLS listener named {@code wss} with this certificate. */
        public Builder wss(TestPki.ServerCert cert) {
            return listener("wss", Kind.WSS, cert);
        }

        /** Another listener, named to be found by {@link Mosquitto#listener(String)}. */
        public Builder listener(String name, Kind kind, TestPki.ServerCert cert) {
            if (listeners.containsKey(name)) {
                throw new IllegalArgumentException("two listeners named " + name);
            }
            if ((kind == Kind.TLS || kind == Kind.WSS) != (cert != null)) {
                throw new IllegalArgumentException("a certificate is for TLS and WSS listeners only, and they need one");
            }
            if (cert != null && caFile == null) {
                caFile = cert.cert().resolveSibling("ca.pem");
            }
            listeners.put(name, new Listener(name, kind, 0, cert)); // the port is chosen on start
            return this;
        }

        /** A user in a password file (made with mosquitto_passwd); anonymous clients are then refused. */
        public Builder user(String name, String password) {
            users.put(name, password);
            return this;
        }

        /**
         * Keeps sessions, subscriptions and queued messages on disk (in the broker's folder), saved
         * every second, so that they outlive a restart. A SIGKILL ({@link Mosquitto#kill()}) takes the
         * broker back to its last save: what changed since is lost.
         */
        public Builder persistence() {
            persistence = true;
            return this;
        }

        /** Every TLS listener asks for a client certificate signed by the CA file and refuses clients without one. */
        public Builder requireClientCertificate() {
            requireClientCertificate = true;
            return this;
        }

        /** A line added as it is to the global part of the configuration. */
        public Builder configLine(String line) {
            extraLines.add(line);
            return this;
        }

        /** A line added as it is under every listener (options mosquitto reads per listener, such as {@code max_qos}). */
        public Builder listenerLine(String line) {
            listenerLines.add(line);
            return this;
        }

        /**
         * Writes the configuration and starts the broker on free ports. A port taken by someone else
         * between choosing it and binding it (other builds run alongside) means new ports and another try.
         */
        public Mosquitto start() {
            requireInstalled();
            for (int attempt = 1; ; attempt++) {
                try {
                    return startOnFreePorts();
                } catch (IllegalStateException e) {
                    if (attempt == 3 || e.getMessage() == null || !e.getMessage().contains("Address already in use")) {
                        throw e;
                    }
                }
            }
        }

        private Mosquitto startOnFreePorts() {
            Path dir = TestPki.Files2.tempDir("mqttdesk-mosquitto");
            // The listeners stay in the builder's order, TCP first.
            Map<String, Listener> bound = new LinkedHashMap<>();
            for (Listener l : listeners.values()) {
                bound.put(l.name(), new Listener(l.name(), l.kind(), freePort(), l.cert()));
            }
            Mosquitto ordered = new Mosquitto(dir, bound, caFile);
            try {
                StringBuilder conf = new StringBuilder("# Written by dev.mqttdesk.testing.Mosquitto\n");
                if (persistence) {
                    Path db = dir.resolve("db");
                    Files.createDirectories(db);
                    // Started as root, mosquitto writes as the mosquitto user.
                    try {
                        Files.setPosixFilePermissions(db, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
                    } catch (UnsupportedOperationException notPosix) {
                        // no user switch there
                    }
                    conf.append("persistence true\n");
                    conf.append("persistence_location ").append(db).append("/\n");
                    conf.append("autosave_on_changes false\n");
                    conf.append("autosave_interval 1\n"); // seconds
                } else {
                    conf.append("persistence false\n");
                }
                conf.append("log_dest stdout\n");
                conf.append("log_type error\nlog_type warning\nlog_type notice\nlog_type information\n");
                conf.append("log_type subscribe\nlog_type unsubscribe\n");
                conf.append("connection_messages true\n");
                conf.append("max_queued_messages 0\n");
                if (users.isEmpty()) {
                    conf.append("allow_anonymous true\n");
                } else {
                    Path passwords = dir.resolve("passwords");
                    Files.writeString(passwords, "");
                    for (Map.Entry<String, String> u : users.entrySet()) {
                        Peer.Result r = Peer.start(List.of(program("mosquitto_passwd"), "-b", passwords.toString(),
                                u.getKey(), u.getValue())).awaitExit();
                        if (r.exitCode() != 0) {
                            throw new IllegalStateException("mosquitto_passwd failed: " + r);
                        }
                    }
                    TestPki.Files2.makeReadableByAll(passwords);
                    conf.append("allow_anonymous false\n");
                    conf.append("password_file ").append(passwords).append('\n');
                }
                extraLines.forEach(l -> conf.append(l).append('\n'));
                for (Listener l : bound.values()) {
                    conf.append('\n').append("listener ").append(l.port()).append(" 127.0.0.1\n");
                    listenerLines.forEach(line -> conf.append(line).append('\n'));
                    if (l.kind() == Kind.WEBSOCKETS || l.kind() == Kind.WSS) {
                        conf.append("protocol websockets\n");
                        // Without it a websockets listener binds every interface, IPv6 too.
                        conf.append("socket_domain ipv4\n");
                    }
                    if (l.cert() != null) {
                        conf.append("certfile ").append(l.cert().cert()).append('\n');
                        conf.append("keyfile ").append(l.cert().key()).append('\n');
                        if (requireClientCertificate) {
                            conf.append("cafile ").append(caFile).append('\n');
                            conf.append("require_certificate true\n");
                        }
                    }
                }
                Files.writeString(ordered.config, conf.toString(), StandardCharsets.UTF_8);
                TestPki.Files2.makeReadableByAll(ordered.config);
            } catch (IOException e) {
                TestPki.Files2.deleteTree(dir);
                throw new UncheckedIOException(e);
            }
            try {
                ordered.start();
            } catch (RuntimeException e) {
                ordered.close();
                throw e;
            }
            Runtime.getRuntime().addShutdownHook(new Thread(ordered::kill));
            return ordered;
        }
    }
}
