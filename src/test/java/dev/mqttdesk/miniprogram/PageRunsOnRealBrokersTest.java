package dev.mqttdesk.miniprogram;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mqttdesk.broker.LocalBroker;
import dev.mqttdesk.testing.Mosquitto;
import dev.mqttdesk.testing.Peer;
import dev.mqttdesk.testing.TestPki;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The generated native page, run for real: `mqtt-desk miniprogram` writes it, wechat.js runs it with its
 * MQTT.js on real WebSockets, and real peers (mosquitto_sub, mosquitto_pub) talk to it through the broker.
 * connect → subscribe → publish → the page receives its own message → mosquitto_sub sees it →
 * mosquitto_pub's message reaches the page → unsubscribe (nothing more arrives) → disconnect.
 */
class PageRunsOnRealBrokersTest {

    @TempDir
    Path dir;

    @Test
    void the_page_runs_against_mosquitto_over_wx() {
        try (Mosquitto m = Mosquitto.builder().webSockets().start()) {
            int ws = m.port("ws");
            run("wx://127.0.0.1:" + ws + "/mqtt", "ws://127.0.0.1:" + ws + "/mqtt", m.tcpPort(), null, Flavor.NATIVE);
            m.awaitLog(l -> l.contains("Client mqttdesk_") && l.contains(" disconnected"));
        }
    }

    @Test
    void the_page_runs_against_mosquitto_over_wxs_with_tls() {
        TestPki pki = TestPki.shared();
        try (Mosquitto m = Mosquitto.builder().wss(pki.good()).start()) {
            int wss = m.port("wss");
            run("wxs://localhost:" + wss + "/mqtt", "wss://localhost:" + wss + "/mqtt", m.tcpPort(), pki.caCert(), Flavor.NATIVE);
        }
    }

    @Test
    void the_page_runs_against_the_built_in_broker_on_its_websocket_path() {
        try (LocalBroker broker = LocalBroker.start(0, 0)) {
            String url = broker.wsUrl(); // ws://127.0.0.1:port/mqtt: the page writes wx:// for it
            run(url, url, broker.tcpPort(), null, Flavor.NATIVE);
        }
    }

    /**
     * Two phones with the same page: each connect takes a fresh client id, so neither throws the other
     * off the broker (the demo's pitfall with a fixed id). Both stay connected while the second talks.
     */
    @Test
    void two_copies_of_the_page_connect_with_their_own_client_ids_and_both_stay_on() throws Exception {
        try (Mosquitto m = Mosquitto.builder().webSockets().start()) {
            Path project = dir.resolve("twice");
            String topic = "mqttdesk/page/" + UUID.randomUUID();
            assertEquals(MiniProgramCommand.OK, MiniProgramCommand.run(new String[]{"wx://127.0.0.1:" + m.port("ws") + "/mqtt",
                    "--out", project.toString(), "--topic", topic},
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), System.err, "test"));
            try (WeChatPage first = WeChatPage.open(project, null); WeChatPage second = WeChatPage.open(project, null)) {
                for (WeChatPage page : List.of(first, second)) {
                    page.await("page", e -> true);
                    page.call("connect");
                    page.awaitToast("连接成功");
                }
                assertFalse(first.data("clientId").equals(second.data("clientId")), first.data("clientId"));
                first.call("subscribe");
                first.awaitToast("订阅成功");
                second.call("publish");
                second.awaitToast("发布成功");
                first.awaitData("receivedMsg", v -> v.contains(topic + ": "));
                for (WeChatPage page : List.of(first, second)) {
                    assertTrue(page.events().stream().noneMatch(e -> e.path("event").asText().equals("socketClose")), page.transcript());
                    assertEquals(1, page.events().stream().filter(e -> e.path("event").asText().equals("connectSocket")).count());
                }
            }
        }
    }

    /** The uni-app page, as uni-app's WeChat build runs it (wechat.js: conditional compilation, data to setData). */
    @Test
    void the_uniapp_page_runs_against_mosquitto_over_wx() {
        try (Mosquitto m = Mosquitto.builder().webSockets().start()) {
            int ws = m.port("ws");
            run("ws://127.0.0.1:" + ws + "/mqtt", "ws://127.0.0.1:" + ws + "/mqtt", m.tcpPort(), null, Flavor.UNIAPP);
        }
    }

    /**
     * Why the page ships 4.1.0: the same page with MQTT.js 4.2.8 (installed for this test only, as the
     * devDependency mqtt-4.2.8) fails in the emulation as it does in WeChat (MQTT.js #1163, #1202): it
     * never opens a socket. This also shows the emulation lends the page nothing of Node's.
     */
    @Test
    void the_same_page_with_mqtt_js_4_2_fails_as_it_does_inside_wechat() throws Exception {
        Path project = dir.resolve("page42");
        assertEquals(MiniProgramCommand.OK, MiniProgramCommand.run(new String[]{"wx://127.0.0.1:" + Mosquitto.freePort() + "/mqtt",
                "--out", project.toString()}, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), System.err, "test"));
        Path mqtt42 = WeChatPage.nodeModules().resolve("mqtt-4.2.8/dist/mqtt.min.js");
        assertTrue(Files.exists(mqtt42), mqtt42 + " (npm ci of src/main/miniprogram)");
        Files.copy(mqtt42, project.resolve(MqttJs.PAGE_PATH), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        try (WeChatPage page = WeChatPage.open(project, null)) {
            page.await("page", e -> true);
            page.call("connect");
            page.awaitToast("连接失败");
            page.await("log", e -> e.path("text").asText().contains("createConnection is not a function"));
            page.await("called", e -> e.path("method").asText().equals("connect"));
            assertTrue(page.events().stream().noneMatch(e -> e.path("event").asText().equals("connectSocket")), page.transcript());
            assertEquals("连接", page.data("connectBtnText"));
        }
    }

    private void run(String url, String socketUrl, int tcpPort, Path ca, Flavor flavor) {
        String topic = "mqttdesk/page/" + UUID.randomUUID();
        Path project = dir.resolve("page");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = MiniProgramCommand.run(new String[]{url, "--out", project.toString(), "--topic", topic, "--flavor", flavor.id()},
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err, "test");
        assertEquals(MiniProgramCommand.OK, code, out.toString(StandardCharsets.UTF_8));
        assertTrue(Files.exists(project.resolve(MqttJs.PAGE_PATH)), "the page ships MQTT.js");

        try (WeChatPage page = WeChatPage.open(project, ca)) {
            JsonNode loaded = page.await("page", e -> true);
            List<String> methods = new ArrayList<>();
            loaded.path("methods").forEach(n -> methods.add(n.asText()));
            assertTrue(methods.containsAll(List.of("connect", "subscribe", "publish", "unsubscribe", "disconnect")), methods.toString());
            assertEquals("连接", page.data("connectBtnText"));
            String message = page.data("msg");

            page.call("connect");
            page.awaitData("connectBtnText", "连接中..."::equals);
            JsonNode socket = page.await("connectSocket", e -> true);
            assertEquals(socketUrl, socket.path("url").asText(), "MQTT.js opened wx.connectSocket on the page's URL");
            assertEquals("[\"mqtt\"]", socket.path("protocols").toString());
            page.awaitData("connectBtnText", "连接成功"::equals);
            page.awaitToast("连接成功");
            String clientId = page.data("clientId");
            assertTrue(clientId.startsWith("mqttdesk_"), clientId);

            page.call("subscribe");
            page.awaitToast("订阅成功");

            try (Peer sub = sub(tcpPort, topic)) {
                sub.awaitSubscribed();
                page.call("publish");
                page.awaitToast("发布成功");
                page.awaitData("receivedMsg", v -> v.contains(topic + ": " + message));
                assertEquals(message, sub.awaitMessage(r -> r.topic().equals(topic)).payload(), "mosquitto_sub saw the page's publish");
            }

            pub(tcpPort, topic, "from mosquitto_pub");
            page.await("setData", e -> e.path("data").path("receivedMsg").asText().endsWith(topic + ": from mosquitto_pub"));

            page.call("unsubscribe");
            page.awaitToast("取消订阅成功");
            // Nothing on the old topic arrives any more: a message to a second topic the page then
            // subscribes to comes after the one sent to the first, and only it is shown.
            String second = topic + "/second";
            if (flavor == Flavor.NATIVE) {
                page.input("setTopic", second); // the topic field's bindinput
            } else {
                page.set("topic", second); // the topic field's v-model
            }
            page.call("subscribe");
            page.awaitToast("订阅成功");
            pub(tcpPort, topic, "after unsubscribe");
            pub(tcpPort, second, "sentinel");
            page.awaitData("receivedMsg", v -> v.contains(second + ": sentinel"));
            assertFalse(page.data("receivedMsg").contains("after unsubscribe"), page.data("receivedMsg"));

            page.call("disconnect");
            page.awaitToast("已断开连接");
            page.awaitData("connectBtnText", "连接"::equals);
            page.await("socketClose", e -> true);

            List<JsonNode> errors = page.events().stream().filter(e -> e.path("event").asText().equals("error")).toList();
            assertEquals(List.of(), errors, page.transcript());
            long sockets = page.events().stream().filter(e -> e.path("event").asText().equals("connectSocket")).count();
            assertEquals(1, sockets, "one socket for the whole session: no reconnects\n" + page.transcript());
        }
    }

    private static Peer sub(int tcpPort, String topic) {
        List<String> command = new ArrayList<>();
        // Line-buffered, or mosquitto_sub's debug lines reach the pipe only when it ends (as in testing/Mosquitto).
        if (Files.isExecutable(Path.of("/usr/bin/stdbuf"))) {
            command.addAll(List.of("/usr/bin/stdbuf", "-oL"));
        }
        command.addAll(List.of(Mosquitto.program("mosquitto_sub"), "-h", "127.0.0.1", "-p", Integer.toString(tcpPort),
                "-d", "-F", Peer.MESSAGE_FORMAT, "-t", topic, "-C", "1"));
        return Peer.start(command);
    }

    private static void pub(int tcpPort, String topic, String message) {
        Peer.Result r = Peer.start(List.of(Mosquitto.program("mosquitto_pub"), "-h", "127.0.0.1", "-p",
                Integer.toString(tcpPort), "-t", topic, "-m", message)).awaitExit();
        assertEquals(0, r.exitCode(), r.toString());
    }

}
