package dev.mqttdesk.testing;

import com.hivemq.embedded.EmbeddedExtension;
import com.hivemq.embedded.EmbeddedHiveMQ;
import com.hivemq.extension.sdk.api.ExtensionMain;
import com.hivemq.extension.sdk.api.auth.SimpleAuthenticator;
import com.hivemq.extension.sdk.api.packets.connect.ConnackReasonCode;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartOutput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopOutput;
import com.hivemq.extension.sdk.api.services.Services;
import dev.mqttdesk.broker.LocalBroker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * HiveMQ CE embedded with an embedded extension whose authenticator refuses the user {@link #REFUSED_USER}
 * with NOT_AUTHORIZED and {@link #REASON}, and admits everyone else with the CONNACK user property
 * {@link #USER_PROPERTY}={@link #USER_VALUE}: a real broker that sends what mosquitto and the plain
 * built-in broker never send. Test-only; the product's built-in broker has no extension.
 */
public final class GatekeeperHiveMq implements AutoCloseable {

    public static final String REFUSED_USER = "intruder";
    public static final String REASON = "intruders are not welcome here";
    public static final String USER_PROPERTY = "served-by";
    public static final String USER_VALUE = "gatekeeper";

    private final EmbeddedHiveMQ hivemq;
    private final Path home;
    private final int port;

    private GatekeeperHiveMq(EmbeddedHiveMQ hivemq, Path home, int port) {
        this.hivemq = hivemq;
        this.home = home;
        this.port = port;
    }

    public static GatekeeperHiveMq start() {
        return start("");
    }

    /** With this {@code <mqtt>...</mqtt>} section in its config.xml (what the broker allows), or "" for none. */
    public static GatekeeperHiveMq start(String mqttSection) {
        int port = LocalBroker.freePort();
        Path home;
        try {
            home = Files.createTempDirectory("mqttdesk-gatekeeper");
            Path conf = Files.createDirectories(home.resolve("conf"));
            Files.createDirectories(home.resolve("data"));
            Files.createDirectories(home.resolve("extensions"));
            Files.writeString(conf.resolve("config.xml"), """
                    <?xml version="1.0"?>
                    <hivemq>
                        <listeners><tcp-listener><port>%d</port><bind-address>127.0.0.1</bind-address></tcp-listener></listeners>
                        <persistence><mode>in-memory</mode></persistence>
                        <anonymous-usage-statistics><enabled>false</enabled></anonymous-usage-statistics>
                        %s
                    </hivemq>
                    """.formatted(port, mqttSection), StandardCharsets.UTF_8);
            Files.writeString(conf.resolve("logback.xml"), """
                    <configuration scan="false">
                        <appender name="CONSOLE" class="ch.qos.logback.core.ConsoleAppender">
                            <encoder><pattern>%-30(%d %level)- [broker] %msg%n</pattern></encoder>
                        </appender>
                        <root level="WARN"><appender-ref ref="CONSOLE"/></root>
                        <logger name="oshi" level="OFF"/>
                    </configuration>
                    """, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        EmbeddedExtension gatekeeper = EmbeddedExtension.builder()
                .withId("gatekeeper").withName("gatekeeper").withVersion("1").withAuthor("MQTT Desk tests")
                .withPriority(0).withStartPriority(0).withExtensionMain(new Gatekeeper()).build();
        EmbeddedHiveMQ hivemq = EmbeddedHiveMQ.builder()
                .withConfigurationFolder(home.resolve("conf"))
                .withDataFolder(home.resolve("data"))
                .withExtensionsFolder(home.resolve("extensions"))
                .withEmbeddedExtension(gatekeeper)
                .build();
        try {
            hivemq.start().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("HiveMQ with the gatekeeper extension did not start on " + port, e);
        }
        return new GatekeeperHiveMq(hivemq, home, port);
    }

    public int tcpPort() {
        return port;
    }

    public String tcpUrl() {
        return "mqtt://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        try {
            hivemq.stop().get(30, TimeUnit.SECONDS);
            hivemq.close();
        } catch (Exception ignored) {
            // stopping after the tests: nothing to report
        }
        try (Stream<Path> paths = Files.walk(home)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp folder left behind is harmless
        }
    }

    private static final class Gatekeeper implements ExtensionMain {
        @Override
        public void extensionStart(ExtensionStartInput in, ExtensionStartOutput out) {
            SimpleAuthenticator auth = (input, output) -> {
                boolean refused = input.getConnectPacket().getUserName()
                        .map(REFUSED_USER::equals).orElse(false);
                if (refused) {
                    output.failAuthentication(ConnackReasonCode.NOT_AUTHORIZED, REASON);
                } else {
                    output.getOutboundUserProperties().addUserProperty(USER_PROPERTY, USER_VALUE);
                    output.authenticateSuccessfully();
                }
            };
            Services.securityRegistry().setAuthenticatorProvider(providerInput -> auth);
        }

        @Override
        public void extensionStop(ExtensionStopInput in, ExtensionStopOutput out) {
        }
    }
}
