package dev.mqttdesk.miniprogram;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mqttdesk.core.i18n.Messages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code mqtt-desk miniprogram}: what it writes for each URL and option, and what it refuses. */
class MiniProgramCommandTest {

    @TempDir
    Path tmp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return MiniProgramCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), "test");
    }

    private String indexJs(Path dir) throws IOException {
        return Files.readString(dir.resolve("pages/index/index.js"), StandardCharsets.UTF_8);
    }

    private Path out(String name) {
        return tmp.resolve(name);
    }

    @Test
    void a_native_page_has_the_page_files_the_project_files_and_the_five_actions() throws IOException {
        Path dir = out("native");
        assertEquals(0, run("wxs://broker.example.com:8084/mqtt", "--out", dir.toString()), err.toString());
        for (String f : List.of("pages/index/index.js", "pages/index/index.wxml", "pages/index/index.wxss",
                "pages/index/index.json", "app.js", "app.json", "project.config.json")) {
            assertTrue(Files.exists(dir.resolve(f)), f);
        }
        String js = indexJs(dir);
        assertTrue(js.contains("Page({"), js);
        for (String method : List.of("connect()", "subscribe()", "publish()", "unsubscribe()", "disconnect()")) {
            assertTrue(js.contains("  " + method + " {"), method);
        }
        for (String field : List.of("host: 'broker.example.com'", "port: 8084", "path: '/mqtt'", "clientId: ''",
                "topic: 'testtopic/miniprogram'", "msg: ", "receivedMsg: ''", "connectBtnText: '连接'")) {
            assertTrue(js.contains(field), field);
        }
        assertTrue(js.contains("reconnectPeriod: 1000") && js.contains("connectTimeout: 30 * 1000"), js);
        assertTrue(js.contains("MQTT.js " + MqttJs.VERSION), "the comment says which MQTT.js");
        assertTrue(js.contains("require('../../utils/mqtt.min.js')"), js);
        String wxml = Files.readString(dir.resolve("pages/index/index.wxml"), StandardCharsets.UTF_8);
        assertTrue(wxml.contains("{{connectBtnText}}") && wxml.contains("{{receivedMsg}}"), wxml);
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("pages/index/index.js"));
    }

    @Test
    void wss_is_written_as_wxs_and_ws_as_wx_for_wechat() throws IOException {
        assertEquals(0, run("wss://b.example.com:8084/mqtt", "--out", out("a").toString()));
        assertTrue(indexJs(out("a")).contains("scheme: 'wxs'"));
        assertEquals(0, run("ws://127.0.0.1:8083/mqtt", "--out", out("b").toString()));
        assertTrue(indexJs(out("b")).contains("scheme: 'wx'"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("wx://127.0.0.1:8083/mqtt"));
    }

    @Test
    void a_broker_on_443_is_connected_to_without_a_port_in_the_url() {
        assertEquals("wxs://b.example.com/mqtt", PageTarget.parse("wxs://b.example.com/mqtt").pageUrl());
        assertEquals("wxs://b.example.com/mqtt", PageTarget.parse("wss://b.example.com:443/mqtt").pageUrl());
        assertEquals("wxs://b.example.com/mqtt", PageTarget.parse("b.example.com").pageUrl());
        assertEquals("wxs://b.example.com:8084/mqtt", PageTarget.parse("wxs://b.example.com:8084/mqtt").pageUrl());
        assertEquals("wx://127.0.0.1:8083/ws", PageTarget.parse("ws://127.0.0.1:8083/ws").pageUrl());
        assertEquals(443, PageTarget.parse("wxs://b.example.com/mqtt").port());
    }

    @Test
    void the_page_leaves_the_port_out_of_the_url_itself_when_it_is_443() throws IOException {
        assertEquals(0, run("wxs://b.example.com/mqtt", "--out", out("p").toString()));
        String js = indexJs(out("p"));
        assertTrue(js.contains("port: 443"), js);
        assertTrue(js.contains("Number(port) === defaultPort ? '' : ':' + port"), js);
    }

    @Test
    void the_password_is_written_only_when_given() throws IOException {
        assertEquals(0, run("wxs://b.example.com/mqtt", "--out", out("u").toString(), "--username", "alice"));
        String withoutPassword = indexJs(out("u"));
        assertTrue(withoutPassword.contains("username: 'alice'"), withoutPassword);
        assertFalse(withoutPassword.contains("password"), withoutPassword);
        assertFalse(out.toString(StandardCharsets.UTF_8).contains(Messages.get("miniprogram.cli.passwordWritten")));

        assertEquals(0, run("wxs://b.example.com/mqtt", "--out", out("p").toString(), "--username", "alice",
                "--password", "s3cr'et"));
        assertTrue(indexJs(out("p")).contains("password: 's3cr\\'et'"), indexJs(out("p")));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains(Messages.get("miniprogram.cli.passwordWritten")));
    }

    @Test
    void the_uniapp_flavour_writes_one_vue_page_and_the_same_mqtt_js() throws IOException {
        Path dir = out("uni");
        assertEquals(0, run("wxs://b.example.com/mqtt", "--out", dir.toString(), "--flavor", "uniapp", "--topic", "a/b"));
        try (Stream<Path> files = Files.walk(dir)) {
            List<String> written = files.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
            List<String> expected = MqttJs.bundled().isPresent()
                    ? List.of("pages/index/index.vue", MqttJs.PAGE_PATH) : List.of("pages/index/index.vue");
            assertEquals(expected, written);
        }
        String vue = Files.readString(dir.resolve("pages/index/index.vue"), StandardCharsets.UTF_8);
        assertTrue(vue.contains("<template>") && vue.contains("<script>") && vue.contains("import mqtt from '@/utils/mqtt.min.js'"));
        assertTrue(vue.contains("topic: 'a/b'") && vue.contains("scheme: 'wxs'") && vue.contains("uni.showToast"), vue);
        assertTrue(vue.contains("reconnectPeriod: 1000") && vue.contains("connectTimeout: 30 * 1000"), vue);
        assertFalse(vue.contains("@@"), "every placeholder filled");
        assertFalse(vue.contains("password"), "no password unless asked");

        assertEquals(0, run("wxs://b.example.com/mqtt", "--out", out("uni2").toString(), "--flavor", "uniapp",
                "--username", "bob", "--password", "pw"));
        String withAuth = Files.readString(out("uni2").resolve("pages/index/index.vue"), StandardCharsets.UTF_8);
        assertTrue(withAuth.contains("          username: 'bob',\n          password: 'pw',\n          clientId: this.clientId,"), withAuth);
    }

    @Test
    void the_shipped_mqtt_js_is_said_or_how_to_add_it() {
        assertEquals(0, run("wxs://b.example.com/mqtt", "--out", out("lib").toString()));
        String said = out.toString(StandardCharsets.UTF_8);
        if (MqttJs.bundled().isPresent()) {
            assertTrue(Files.exists(out("lib").resolve(MqttJs.PAGE_PATH)));
            assertTrue(said.contains(Messages.format("miniprogram.cli.library", MqttJs.VERSION, MqttJs.PAGE_PATH)), said);
        } else {
            assertTrue(said.contains("npm i mqtt@" + MqttJs.VERSION), said);
        }
    }

    @Test
    void bad_usage_exits_2_and_writes_nothing() {
        List<String[]> bad = List.of(
                new String[]{},
                new String[]{"wxs://b.example.com/mqtt"},
                new String[]{"mqtt://b.example.com:1883", "--out", out("x").toString()},
                new String[]{"https://b.example.com/mqtt", "--out", out("x").toString()},
                new String[]{"wxs://", "--out", out("x").toString()},
                new String[]{"wxs://b.example.com:99999/mqtt", "--out", out("x").toString()},
                new String[]{"wxs://b.example.com/mqtt", "--out", out("x").toString(), "--flavor", "taro"},
                new String[]{"wxs://b.example.com/mqtt", "--out", out("x").toString(), "--topic", "a/#"},
                new String[]{"wxs://b.example.com/mqtt", "--out", out("x").toString(), "--bogus"},
                new String[]{"wxs://b.example.com/mqtt", "--out", out("x").toString(), "--topic"},
                new String[]{"wxs://a/mqtt", "wxs://b/mqtt", "--out", out("x").toString()});
        for (String[] args : bad) {
            err.reset();
            assertEquals(2, run(args), String.join(" ", args));
            String said = err.toString(StandardCharsets.UTF_8);
            assertTrue(said.contains(Messages.get("miniprogram.cli.usage")), said);
            assertFalse(said.lines().findFirst().orElse("").startsWith("miniprogram."), "words, not a key: " + said);
            assertFalse(Files.exists(out("x")), "nothing written for " + String.join(" ", args));
        }
    }

    @Test
    void a_url_that_is_not_websocket_is_refused_with_words_that_say_so() {
        assertEquals(2, run("mqtt://b.example.com:1883", "--out", out("x").toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith(
                Messages.format("miniprogram.error.notWebSocket", "mqtt://b.example.com:1883")), err.toString());
    }

    @Test
    void a_folder_that_holds_files_is_refused_unless_forced() throws IOException {
        Path dir = Files.createDirectories(out("full"));
        Files.writeString(dir.resolve("mine.txt"), "keep me");
        assertEquals(1, run("wxs://b.example.com/mqtt", "--out", dir.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains(Messages.format("miniprogram.error.outNotEmpty", dir)));
        assertFalse(Files.exists(dir.resolve("pages")));
        assertEquals(0, run("wxs://b.example.com/mqtt", "--out", dir.toString(), "--force"));
        assertTrue(Files.exists(dir.resolve("pages/index/index.js")));
        assertEquals("keep me", Files.readString(dir.resolve("mine.txt")));
    }

    @Test
    void help_prints_the_usage_and_exits_0_and_the_app_help_names_the_command() {
        assertEquals(0, run("--help"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("--flavor native|uniapp"));
        assertTrue(Messages.format("cli.help", "x").contains("mqtt-desk miniprogram URL --out DIR"));
    }

    @Test
    void the_project_files_are_json_that_wechat_devtools_reads() throws IOException {
        Path dir = out("json");
        assertEquals(0, run("wxs://b.example.com/mqtt", "--out", dir.toString()));
        ObjectMapper json = new ObjectMapper();
        assertEquals("pages/index/index", json.readTree(dir.resolve("app.json").toFile()).path("pages").path(0).asText());
        assertEquals("miniprogram", json.readTree(dir.resolve("project.config.json").toFile()).path("compileType").asText());
        json.readTree(dir.resolve("pages/index/index.json").toFile());
        json.readTree(dir.resolve("sitemap.json").toFile());
    }

    @Test
    void the_version_the_pages_name_is_the_one_the_build_fetches() throws IOException {
        String pkg = Files.readString(Path.of("src/main/miniprogram/package.json"), StandardCharsets.UTF_8);
        assertTrue(pkg.contains("\"mqtt\": \"" + MqttJs.VERSION + "\""), pkg);
        String lock = Files.readString(Path.of("src/main/miniprogram/package-lock.json"), StandardCharsets.UTF_8);
        int entry = lock.indexOf("\"node_modules/mqtt\": {");
        assertTrue(entry >= 0, "the lock pins mqtt");
        String block = lock.substring(entry, lock.indexOf('}', entry));
        assertTrue(block.contains("\"version\": \"" + MqttJs.VERSION + "\"") && block.contains("\"integrity\": \"sha512-"), block);
    }

    @Test
    void values_are_written_as_javascript_strings_whatever_they_hold() {
        assertEquals("'a\\'b\\\\c\\n<\\/script>'", JsLiteral.of("a'b\\c\n</script>"));
    }
}
