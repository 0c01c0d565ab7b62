package dev.mqttdesk.core.mqtt;

import dev.mqttdesk.core.message.UserProperty;
import dev.mqttdesk.broker.LocalBroker;
import dev.mqttdesk.core.url.BrokerUrl;
import dev.mqttdesk.testing.Mosquitto;
import dev.mqttdesk.testing.Peer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The CONNECT side of MQTT 5 against the built-in broker (HiveMQ CE), which answers differently from mosquitto. */
class ConnectOnBuiltInBrokerTest {

    static LocalBroker broker;

    @BeforeAll
    static void start() {
        broker = LocalBroker.start(0, 0);
    }

    @AfterAll
    static void stop() {
        broker.close();
    }

    private static ConnectionSettings settings() {
        return ConnectionSettings.defaults(BrokerUrl.parse(broker.tcpUrl())).withReconnectPeriod(0);
    }

    /** A mosquitto client program talking to the built-in broker, its output line by line. */
    private static Peer peer(String program, String... args) {
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/stdbuf"))) {
            command.addAll(List.of("/usr/bin/stdbuf", "-oL"));
        }
        command.addAll(List.of(Mosquitto.program(program), "-h", "127.0.0.1", "-p", String.valueOf(broker.tcpPort())));
        command.addAll(List.of(args));
        return Peer.start(command);
    }

    @Test
    void the_connack_of_the_built_in_broker_says_what_hivemq_says_and_differs_from_mosquitto() throws Exception {
        SessionProbe probe = new SessionProbe();
        probe.connect(settings().withClientId(""));
        ConnAck ack = probe.awaitState(SessionState.CONNECTED).connAck();
        assertEquals("SUCCESS", ack.reasonCode());
        // HiveMQ CE names the clients it names itself hmq_...; mosquitto names them auto-...
        assertTrue(ack.assignedClientId() != null && ack.assignedClientId().startsWith("hmq_"), ack.toString());
        assertEquals(10, ack.receiveMaximum(), "HiveMQ CE takes 10 messages in flight; mosquitto 20 unless told");
        assertEquals(5, ack.topicAliasMaximum(), "HiveMQ CE: 5; mosquitto: 10 unless told");
        assertNull(ack.serverKeepAliveSeconds(), "it takes our keep-alive as it is and sends none");
        assertEquals(2, ack.maximumQos());
        assertEquals(true, ack.retainAvailable());
        assertEquals(ConnectOptions.DEFAULT_MAXIMUM_PACKET_SIZE, ack.maximumPacketSize());
        probe.close();
    }

    @Test
    void the_will_with_its_properties_arrives_when_another_client_takes_the_session_over() throws Exception {
        String topic = "desk/will/" + System.nanoTime();
        ConnectionSettings s = settings().withWill(new Will(topic, "gone", 1, false, 0, 60L, "text/plain", "desk/reply",
                "c-1", List.of(new UserProperty("k", "1"), new UserProperty("k", "2"))));
        SessionProbe probe = new SessionProbe();
        probe.connect(s);
        try (Peer watcher = peer("mosquitto_sub", "-V", "5", "-d", "-q", "1", "-t", topic, "-F", "WILL|%t|%q|%C|%D|%R|%P|%p")
                .awaitSubscribed();
             Peer thief = peer("mosquitto_sub", "-V", "5", "-d", "-i", s.clientId(), "-t", "x/#")) {
            String line = watcher.awaitLine(l -> l.startsWith("WILL|"));
            assertEquals("WILL|" + topic + "|1|text/plain|c-1|desk/reply|k:1 k:2|gone", line);
            SessionEvent down = probe.awaitState(SessionState.DISCONNECTED);
            assertEquals("error.sessionTakenOver", down.detail().key(), "HiveMQ CE says so in its DISCONNECT");
        }
    }

    @Test
    void a_kept_session_receives_the_qos_1_messages_published_while_away() throws Exception {
        String topic = "desk/away/" + System.nanoTime();
        ConnectionSettings s = settings().withCleanStart(false).withConnect(ConnectOptions.DEFAULT.withSessionExpiry(60));
        SessionProbe first = new SessionProbe();
        first.connect(s);
        first.session.subscribe(topic + "/#", 1).get(10, TimeUnit.SECONDS);
        first.close();
        try (Peer pub = peer("mosquitto_pub", "-V", "5", "-q", "1", "-t", topic + "/1", "-m", "while away")) {
            assertEquals(0, pub.awaitExit().exitCode(), pub.toString());
        }
        SessionProbe back = new SessionProbe();
        back.connect(s);
        assertEquals(1, back.awaitMessage(m -> m.payloadText().equals("while away")).qos());
        assertTrue(back.awaitState(SessionState.CONNECTED).connAck().sessionPresent());
        back.close();
    }
}
