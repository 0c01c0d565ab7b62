package dev.mqttdesk.core.profile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonFileTest {

    @TempDir
    Path home;

    @Test
    void a_saved_profile_loads_back_equal_and_leaves_no_temporary_file() throws Exception {
        JsonFile<ConnectionProfile> store = JsonFile.lastConnection(home.resolve("nested"));
        ConnectionProfile p = new ConnectionProfile("wss://broker.emqx.io:8084/mqtt", "MQTT_3_1_1", "desk_1", "alice",
                "30", false, "10", "0", false, "/tmp/ca.pem", true);
        store.save(p);
        assertEquals(p, store.load().orElseThrow());
        // (Whether a typed password stays out of saved files is tested where one can be typed: DemoFlowUiTest and
        // WorkspaceUiTest type a secret into the form and search profiles.json for it.)
        try (var files = Files.list(store.file().getParent())) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void a_missing_or_broken_file_loads_as_nothing() throws Exception {
        JsonFile<ConnectionProfile> store = JsonFile.lastConnection(home);
        assertTrue(store.load().isEmpty());
        Files.writeString(store.file(), "{ not json");
        assertTrue(store.load().isEmpty());
    }

    @Test
    void settings_out_of_range_fall_back_to_the_default() throws Exception {
        JsonFile<AppSettings> settings = JsonFile.settings(home);
        settings.save(new AppSettings(5_000));
        assertEquals(5_000, settings.load().orElseThrow().logCapacity());
        Files.writeString(settings.file(), "{\"logCapacity\": -3}");
        assertEquals(AppSettings.DEFAULT_LOG_CAPACITY, settings.load().orElseThrow().logCapacity());
    }
}
