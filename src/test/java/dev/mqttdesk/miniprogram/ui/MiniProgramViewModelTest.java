package dev.mqttdesk.miniprogram.ui;

import dev.mqttdesk.core.i18n.Messages;
import dev.mqttdesk.miniprogram.Flavor;
import dev.mqttdesk.miniprogram.PageRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The "Mini-program code…" dialog's model, as plain JUnit. */
class MiniProgramViewModelTest {

    @TempDir
    Path tmp;

    @Test
    void the_preview_is_the_page_for_the_connection_and_follows_url_topic_and_flavour() {
        MiniProgramViewModel m = new MiniProgramViewModel("test", "wss://b.example.com:8084/mqtt", "a/b", "alice");
        assertTrue(m.readyProperty().get());
        assertEquals("pages/index/index.js", m.previewNameProperty().get());
        String js = m.previewProperty().get();
        assertTrue(js.contains("scheme: 'wxs'") && js.contains("host: 'b.example.com'") && js.contains("topic: 'a/b'"), js);
        assertTrue(js.contains("username: 'alice'") && !js.contains("password"), "the user name, never the password");

        m.topicProperty().set("c/d");
        assertTrue(m.previewProperty().get().contains("topic: 'c/d'"));
        m.flavorProperty().set(Flavor.UNIAPP);
        assertEquals("pages/index/index.vue", m.previewNameProperty().get());
        assertTrue(m.previewProperty().get().contains("<template>"));
    }

    @Test
    void a_url_a_mini_program_cannot_use_shows_why_and_nothing_can_be_saved() {
        MiniProgramViewModel m = new MiniProgramViewModel("test", "mqtt://127.0.0.1:1883", "", "");
        assertFalse(m.readyProperty().get());
        assertEquals("", m.previewProperty().get());
        assertEquals(Messages.format("miniprogram.error.notWebSocket", "mqtt://127.0.0.1:1883"), m.errorProperty().get());
        assertFalse(m.save(tmp.resolve("x")));
        assertFalse(Files.exists(tmp.resolve("x")));

        m.urlProperty().set("ws://127.0.0.1:8083/mqtt");
        assertTrue(m.readyProperty().get());
        assertEquals("", m.errorProperty().get());
    }

    @Test
    void saving_writes_the_page_into_an_empty_folder_and_refuses_one_that_holds_files() throws IOException {
        MiniProgramViewModel m = new MiniProgramViewModel("test", "wxs://b.example.com/mqtt", "", "");
        Path dir = tmp.resolve("page");
        assertTrue(m.save(dir));
        assertTrue(Files.exists(dir.resolve("pages/index/index.js")));
        assertEquals(Messages.format("miniprogram.dialog.saved", dir), m.statusProperty().get());
        assertFalse(m.save(dir), "the folder now holds the page");
        assertEquals(Messages.format("miniprogram.error.outNotEmpty", dir), m.statusProperty().get());
    }

    @Test
    void the_topic_is_the_first_subscription_a_page_can_publish_to() {
        assertEquals("room/1", MiniProgramViewModel.topicFrom(List.of("room/#", "room/1", "room/2")));
        assertEquals(PageRequest.DEFAULT_TOPIC, MiniProgramViewModel.topicFrom(List.of("#")));
        assertEquals(PageRequest.DEFAULT_TOPIC, MiniProgramViewModel.topicFrom(List.of()));
    }
}
