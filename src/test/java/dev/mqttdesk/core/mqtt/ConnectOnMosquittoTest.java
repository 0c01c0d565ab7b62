package dev.mqttdesk.core.mqtt;

import dev.mqttdesk.core.message.UserProperty;
import dev.mqttdesk.core.i18n.Text;
import dev.mqttdesk.core.log.Direction;
import dev.mqttdesk.core.log.Message;
import dev.mqttdesk.core.url.Transport;
import dev.mqttdesk.testing.Mosquitto;
import dev.mqttdesk.testing.Peer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The CONNECT side of MQTT 5 against a real mosquitto and its clients: the last will with its
 * properties, a kept session, what the broker says in its CONNACK (configured to say a lot), and its refusals.
 */
class ConnectOnMosquittoTest {

    /** What mosquitto_sub prints of a will: topic, QoS, retain, content type, correlation data, expiry, response topic, user properties, payload. */
    private static final String WILL_FORMAT = "WILL|%t|%q|%r|%C|%D|%E|%R|%P|%p";

    static Mosquitto broker;
    static Mosquitto secured;

    @BeforeAll
    static void start() {
        broker = Mosquitto.builder()
                .configLine("max_keepalive 30")
                .listenerLine("max_qos 1")
                .configLine("retain_available false")
                .listenerLine("max_topic_alias 4")
                .configLine("max_inflight_messages 7")
                .configLine("max_packet_size 1048576")
                .start();
        secured = Mosquitto.builder().user("desk", "s3cret").start();
    }

    @AfterAll
    static void stop() {
        if (broker != null) {
            broker.close();
        }
        if (secured != null) {
            secured.close();
        }
    }

    private static ConnectionSettings settings(Mosquitto m, MqttVersion v) {
        // No automatic reconnect: a session taken over must stay down, not kick the other client off in turn.
        return ConnectionSettings.defaults(m.url(Transport.TCP)).withVersion(v).withReconnectPeriod(0);
    }

    private static Peer willWatcher(String topic) {
        return Peer.start(broker.command("mosquitto_sub", "-V", "5", "-d", "-q", "1", "-t", topic, "-F", WILL_FORMAT))
                .awaitSubscribed();
    }

    @Test
    void the_will_arrives_with_every_property_when_another_client_takes_the_session_over() throws Exception {
        String topic = "desk/will/" + System.nanoTime();
        Will will = new Will(topic, "离线 offline", 1, false, 0, 120L, "text/plain; charset=utf-8", "desk/reply/1",
                "corr-42", List.of(new UserProperty("why", "takeover"), new UserProperty("why", "test"),
                new UserProperty("site", "上海")));
        ConnectionSettings s = settings(broker, MqttVersion.MQTT_5_0).withWill(will);
        SessionProbe probe = new SessionProbe();
        probe.connect(s);
        try (Peer watcher = willWatcher(topic);
             Peer thief = Peer.start(broker.command("mosquitto_sub", "-V", "5", "-d", "-i", s.clientId(), "-t", "x/#"))) {
            String line = watcher.awaitLine(l -> l.startsWith("WILL|"));
            String[] f = line.split("\\|", -1);
            assertEquals(topic, f[1], line);
            assertEquals("1", f[2], "QoS as asked (the broker allows 1): " + line);
            assertEquals("0", f[3], "not retained: " + line);
            assertEquals("text/plain; charset=utf-8", f[4], line);
            assertEquals("corr-42", f[5], line);
            long expiry = Long.parseLong(f[6]);
            assertTrue(expiry > 100 && expiry <= 120, "the expiry left of 120 s: " + line);
            assertEquals("desk/reply/1", f[7], line);
            assertTrue(f[8].contains("why:takeover") && f[8].contains("why:test") && f[8].contains("site:上海"), line);
            assertTrue(f[8].indexOf("why:takeover") < f[8].indexOf("why:test"), "repeated names in order: " + line);
            assertEquals("离线 offline", f[9], line);
            probe.awaitState(SessionState.DISCONNECTED);
        }
    }

    @Test
    void an_mqtt_3_1_1_will_arrives_with_its_topic_message_qos_and_no_mqtt_5_properties() throws Exception {
        String topic = "desk/will3/" + System.nanoTime();
        ConnectionSettings s = settings(broker, MqttVersion.MQTT_3_1_1).withWill(Will.of(topic, "bye"));
        SessionProbe probe = new SessionProbe();
        probe.connect(s);
        try (Peer watcher = willWatcher(topic);
             Peer thief = Peer.start(broker.command("mosquitto_sub", "-V", "mqttv311", "-d", "-i", s.clientId(), "-t", "x/#"))) {
            String[] f = watcher.awaitLine(l -> l.startsWith("WILL|")).split("\\|", -1);
            assertEquals(List.of(topic, "0", "0", "", "", "", "", "", "bye"), List.of(f).subList(1, 10));
            probe.awaitState(SessionState.DISCONNECTED);
        }
    }

    @Test
    void a_normal_disconnect_publishes_no_will() throws Exception {
        String topic = "desk/nowill/" + System.nanoTime();
        SessionProbe probe = new SessionProbe();
        probe.connect(settings(broker, MqttVersion.MQTT_5_0).withWill(Will.of(topic + "/will", "should not come")));
        try (Peer watcher = willWatcher(topic + "/#")) {
            probe.close();
            broker.pub("-t", topic + "/marker", "-m", "marker", "-q", "1");
            watcher.awaitLine(l -> l.startsWith("WILL|" + topic + "/marker|"));
            assertTrue(watcher.lines().stream().noneMatch(l -> l.contains("should not come")), watcher.lines().toString());
        }
    }

    @Test
    void with_clean_start_off_and_a_session_expiry_the_qos_1_messages_published_while_away_arrive_on_return()
            throws Exception {
        String topic = "desk/away/" + System.nanoTime();
        ConnectionSettings s = settings(broker, MqttVersion.MQTT_5_0).withCleanStart(false)
                .withConnect(ConnectOptions.DEFAULT.withSessionExpiry(300));
        SessionProbe first = new SessionProbe();
        first.connect(s);
        first.session.subscribe(topic + "/#", 1).get(10, TimeUnit.SECONDS);
        first.close();
        for (int i = 1; i <= 3; i++) {
            broker.pub("-t", topic + "/" + i, "-m", "while away " + i, "-q", "1");
        }
        SessionProbe back = new SessionProbe();
        back.connect(s);
        for (int i = 1; i <= 3; i++) {
            String payload = "while away " + i;
            Message m = back.awaitMessage(x -> x.payloadText().equals(payload));
            assertEquals(1, m.qos());
        }
        assertTrue(back.events.stream().filter(e -> e.state() == SessionState.CONNECTED).findFirst().orElseThrow()
                .connAck().sessionPresent(), "the broker kept the session");
        back.close();
    }

    @Test
    void with_a_session_expiry_of_0_the_session_ends_with_the_connection_and_nothing_waits() throws Exception {
        String topic = "desk/gone/" + System.nanoTime();
        ConnectionSettings s = settings(broker, MqttVersion.MQTT_5_0).withCleanStart(false);
        assertEquals(0, s.connect().sessionExpirySeconds());
        SessionProbe first = new SessionProbe();
        first.connect(s);
        first.session.subscribe(topic + "/#", 1).get(10, TimeUnit.SECONDS);
        first.close();
        broker.pub("-t", topic + "/1", "-m", "while away", "-q", "1");
        SessionProbe back = new SessionProbe();
        back.connect(s);
        assertFalse(back.awaitState(SessionState.CONNECTED).connAck().sessionPresent());
        back.session.subscribe(topic + "/marker", 1).get(10, TimeUnit.SECONDS);
        broker.pub("-t", topic + "/marker", "-m", "marker", "-q", "1");
        back.awaitMessage(m -> m.payloadText().equals("marker"));
        assertTrue(back.messages.stream().noneMatch(m -> m.payloadText().equals("while away")), back.messages.toString());
        back.close();
    }

    @Test
    void the_connack_carries_what_this_mosquitto_is_configured_to_say() throws Exception {
        SessionProbe probe = new SessionProbe();
        probe.connect(settings(broker, MqttVersion.MQTT_5_0).withClientId(""));
        ConnAck ack = probe.awaitState(SessionState.CONNECTED).connAck();
        assertNotNull(ack, probe.events.toString());
        assertEquals("SUCCESS", ack.reasonCode());
        assertFalse(ack.refused());
        assertFalse(ack.sessionPresent());
        assertTrue(ack.assignedClientId() != null && ack.assignedClientId().startsWith("auto-"), ack.toString());
        assertEquals(30, ack.serverKeepAliveSeconds(), "max_keepalive 30 caps our 60");
        assertEquals(1, ack.maximumQos(), "max_qos 1");
        assertEquals(false, ack.retainAvailable(), "retain_available false");
        assertEquals(4, ack.topicAliasMaximum(), "max_topic_alias 4");
        assertEquals(7, ack.receiveMaximum(), "max_inflight_messages 7");
        assertEquals(1_048_576, ack.maximumPacketSize(), "max_packet_size 1048576");
        assertNull(ack.responseInformation());
        assertNull(ack.serverReference());
        assertEquals(List.of(), ack.userProperties());
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.ENGLISH);
        try {
            List<String> lines = ack.fields().stream().map(f -> f.labelKey() + "=" + f.value().resolve()).toList();
            assertTrue(lines.contains("connack.field.reasonCode=accepted (0x00)"), lines.toString());
            assertTrue(lines.contains("connack.field.retainAvailable=no"), lines.toString());
            assertTrue(lines.contains("connack.field.serverKeepAlive=30 s"), lines.toString());
        } finally {
            Locale.setDefault(before);
        }
        probe.close();
    }

    @Test
    void an_mqtt_3_1_1_connack_has_only_its_return_code_and_session_present() throws Exception {
        SessionProbe probe = new SessionProbe();
        probe.connect(settings(broker, MqttVersion.MQTT_3_1_1));
        ConnAck ack = probe.awaitState(SessionState.CONNECTED).connAck();
        assertEquals(MqttVersion.MQTT_3_1_1, ack.version());
        assertEquals(List.of("connack.field.reasonCode", "connack.field.sessionPresent"),
                ack.fields().stream().map(ConnAck.Field::labelKey).toList());
        probe.close();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(MqttVersion.class)
    void a_refused_connack_is_on_the_event_with_its_reason_in_words(MqttVersion v) throws Exception {
        SessionProbe probe = new SessionProbe();
        ConnectionSettings s = settings(secured, v).withCredentials("desk", "wrong");
        ExecutionException e = assertThrows(ExecutionException.class, () -> probe.session.connect(s).get(20, TimeUnit.SECONDS));
        SessionEvent down = probe.awaitEvent(x -> x.state() == SessionState.DISCONNECTED && x.connAck() != null);
        ConnAck ack = down.connAck();
        assertTrue(ack.refused());
        assertEquals(v, ack.version());
        // mosquitto 2.0 says "not authorized" in both versions: 0x87 in MQTT 5, return code 5 in MQTT 3.1.1.
        assertEquals("NOT_AUTHORIZED", ack.reasonCode());
        assertEquals(v == MqttVersion.MQTT_5_0 ? 0x87 : 5, ack.code());
        assertEquals(Text.of("reason.withCode", Text.of("connack.reason.NOT_AUTHORIZED"),
                v == MqttVersion.MQTT_5_0 ? "0x87" : "0x05"), ack.reasonWords());
        assertEquals(down.detail(), ((MqttActionException) e.getCause()).text(), "the form says the same");
    }

    @Test
    void an_mqtt_3_1_1_password_without_a_user_name_is_refused_before_anything_is_sent() {
        var e = assertThrows(dev.mqttdesk.core.i18n.InvalidInputException.class,
                () -> settings(secured, MqttVersion.MQTT_3_1_1).withCredentials(null, "s3cret"));
        assertEquals(dev.mqttdesk.core.i18n.InputField.PASSWORD, e.field());
        assertEquals("error.password.withoutUser311", e.text().key());
        // MQTT 5 may send a password alone; mosquitto refuses it for want of a user, in words.
        SessionProbe probe = new SessionProbe();
        ExecutionException refused = assertThrows(ExecutionException.class, () -> probe.session
                .connect(settings(secured, MqttVersion.MQTT_5_0).withCredentials(null, "s3cret")).get(20, TimeUnit.SECONDS));
        assertEquals("error.connack", ((MqttActionException) refused.getCause()).text().key());
        assertTrue(probe.messages.stream().noneMatch(m -> m.direction() == Direction.SENT));
    }

    @Test
    void a_server_disconnect_is_told_with_its_reason_in_words() throws Exception {
        SessionProbe probe = new SessionProbe();
        probe.connect(settings(broker, MqttVersion.MQTT_5_0));
        // This broker said "retain available: no" in its CONNACK; a retained message anyway makes it hang up.
        // The session now refuses that publish up front (SessionRefusesWhatTheBrokerDisallowsTest), so the
        // test makes it forget the CONNACK's limits to get the broker's DISCONNECT, the subject here.
        forgetConnAck(probe.session);
        probe.session.publish("desk/retained", 0, true, "r".getBytes()).get(10, TimeUnit.SECONDS);
        SessionEvent down = probe.awaitState(SessionState.DISCONNECTED);
        assertEquals(Text.of("error.serverDisconnect", Text.of("reason.withCode", Text.of("disconnect.reason.RETAIN_NOT_SUPPORTED"),
                "0x9A"), ""), down.detail());
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.ENGLISH);
            assertTrue(down.detail().resolve().contains("retain not supported (0x9A)"), down.detail().resolve());
            Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
            assertTrue(down.detail().resolve().contains("不支持保留消息（0x9A）"), down.detail().resolve());
        } finally {
            Locale.setDefault(before);
        }
    }

    private static void forgetConnAck(MqttSession session) throws ReflectiveOperationException {
        java.lang.reflect.Field current = MqttSession.class.getDeclaredField("current");
        current.setAccessible(true);
        Object attempt = current.get(session);
        java.lang.reflect.Field connAck = attempt.getClass().getDeclaredField("connAck");
        connAck.setAccessible(true);
        connAck.set(attempt, null);
    }

    @Test
    void a_will_this_broker_cannot_take_is_refused_in_its_connack_in_words() throws Exception {
        // retain_available false and max_qos 1: a retained will, and a will at QoS 2, are refused in the CONNACK.
        for (var refusal : List.of(
                java.util.Map.entry(new Will("desk/w", "x", 0, true, 0, null, null, null, null, List.of()), "RETAIN_NOT_SUPPORTED"),
                java.util.Map.entry(new Will("desk/w", "x", 2, false, 0, null, null, null, null, List.of()), "QOS_NOT_SUPPORTED"))) {
            SessionProbe probe = new SessionProbe();
            ExecutionException e = assertThrows(ExecutionException.class, () -> probe.session
                    .connect(settings(broker, MqttVersion.MQTT_5_0).withWill(refusal.getKey())).get(20, TimeUnit.SECONDS));
            ConnAck ack = probe.awaitEvent(x -> x.connAck() != null).connAck();
            assertTrue(ack.refused());
            assertEquals(refusal.getValue(), ack.reasonCode());
            Text why = ((MqttActionException) e.getCause()).text();
            assertEquals(Text.of("error.connack", ack.reasonWords(), "", ""), why);
            Locale before = Locale.getDefault();
            try {
                Locale.setDefault(Locale.ENGLISH);
                assertTrue(why.resolve().contains(refusal.getValue().equals("QOS_NOT_SUPPORTED")
                        ? "will QoS not supported (0x9B)"
                        : "will retain not supported (0x9A)"), why.resolve());
            } finally {
                Locale.setDefault(before);
            }
        }
    }
}
