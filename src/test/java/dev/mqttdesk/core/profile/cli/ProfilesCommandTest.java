package dev.mqttdesk.core.profile.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mqttdesk.core.i18n.Messages;
import dev.mqttdesk.core.i18n.Text;
import dev.mqttdesk.core.profile.ProfilesDocument;
import dev.mqttdesk.core.profile.SavedConnection;
import dev.mqttdesk.core.profile.store.Documents;
import dev.mqttdesk.core.profile.store.Json;
import dev.mqttdesk.core.profile.store.Loaded;
import dev.mqttdesk.core.profile.store.ProfileStore;
import dev.mqttdesk.core.profile.store.SerialFileWriter;
import dev.mqttdesk.core.profile.transfer.ProfileExport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code mqtt-desk profiles list|import|export} through the real command on a temporary {@code mqttdesk.home}
 * (ui-contract "Workspace", command line): exit 0 ok, 1 failed, 2 bad usage; a file that cannot be imported
 * changes nothing.
 */
class ProfilesCommandTest {

    @TempDir
    Path home;
    @TempDir
    Path files;

    record Run(int exit, String out, String err) {
    }

    private Run profiles(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = ProfilesCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), home);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private void saved(SavedConnection... connections) {
        List<Text> failures = new CopyOnWriteArrayList<>();
        try (SerialFileWriter writer = new SerialFileWriter(failures::add)) {
            new ProfileStore(home, writer).save(ProfilesDocument.of(List.of(), List.of(connections), null));
        }
        assertEquals(List.of(), failures);
    }

    private Loaded<ProfilesDocument> load() {
        try (SerialFileWriter writer = new SerialFileWriter(t -> { })) {
            return new ProfileStore(home, writer).load();
        }
    }

    private List<String> homeFiles() throws IOException {
        try (Stream<Path> list = Files.list(home)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private Path file(String name, String content) throws IOException {
        return Files.writeString(files.resolve(name), content);
    }

    private static Path sample(String name) throws URISyntaxException {
        return Path.of(ProfilesCommandTest.class.getResource("/dev/mqttdesk/core/profile/transfer/" + name).toURI());
    }

    @Test
    void list_on_a_first_run_shows_the_built_in_broker_and_writes_nothing() throws IOException {
        Run run = profiles("list");
        assertEquals(0, run.exit(), run.err());
        assertEquals(List.of(Messages.format("profiles.cli.listLine", Messages.get("profiles.builtinName"), "mqtt://127.0.0.1:1883"),
                Messages.format("profiles.cli.listCount", 1)), run.out().lines().toList());
        assertEquals("", run.err());
        assertEquals(List.of(), homeFiles());
    }

    @Test
    void list_names_each_saved_connection_with_its_folder_and_url() {
        saved(Documents.connection("c1", "Office", "secret"), Documents.connection("c2", "办公室", null));
        Run run = profiles("list");
        assertEquals(0, run.exit(), run.err());
        assertEquals(List.of("lab/Office  mqtts://broker.example.com:8883", "lab/办公室  mqtts://broker.example.com:8883",
                Messages.format("profiles.cli.listCount", 2)), run.out().lines().toList());
    }

    @Test
    void list_as_json_has_every_connection_and_no_password() throws IOException {
        saved(Documents.connection("c1", "Office", "secret"));
        Run run = profiles("list", "--json");
        assertEquals(0, run.exit(), run.err());
        JsonNode list = Json.MAPPER.readTree(run.out());
        assertEquals(1, list.size());
        assertEquals("Office", list.get(0).path("name").asText());
        assertEquals("c1", list.get(0).path("id").asText());
        assertFalse(run.out().contains("secret"), run.out());
    }

    @Test
    void list_of_a_profiles_file_that_cannot_be_read_fails_and_says_where_the_file_was_kept() throws IOException {
        Files.writeString(home.resolve("profiles.json"), "{ broken");
        Run run = profiles("list");
        assertEquals(1, run.exit());
        assertTrue(run.err().contains("profiles.json.unreadable-"), run.err());
        assertTrue(homeFiles().stream().anyMatch(f -> f.startsWith("profiles.json.unreadable-")), homeFiles()::toString);
    }

    @Test
    void import_of_our_own_export_adds_its_connections_and_says_which() throws IOException {
        saved(Documents.connection("c1", "Office", null));
        Path export = files.resolve("export.json");
        Files.write(export, ProfileExport.toBytes(List.of(Documents.connection("c1", "Office", "pw"),
                Documents.connection("n2", "New one", null)), true));
        Run run = profiles("import", export.toString());
        assertEquals(0, run.exit(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals(Messages.format("profiles.cli.imported", 2, export, Messages.get("profiles.source.MQTT_DESK"),
                home.resolve("profiles.json")), lines.get(0));
        assertEquals(List.of(Messages.format("profiles.cli.importedLine", "Office (2)", "mqtts://broker.example.com:8883"),
                Messages.get("profiles.cli.importedPassword"),
                Messages.format("profiles.cli.importedLine", "New one", "mqtts://broker.example.com:8883")), lines.subList(1, 4));
        assertEquals(4, lines.size(), run.out());
        List<SavedConnection> now = load().value().connections();
        assertEquals(List.of("Office", "Office (2)", "New one"), now.stream().map(SavedConnection::name).toList());
        assertEquals("pw", now.get(1).password());
    }

    @Test
    void import_of_an_mqttx_export_prints_per_connection_what_could_not_be_mapped() throws Exception {
        Run run = profiles("import", sample("mqttx-1.13-one-connection.json").toString());
        assertEquals(0, run.exit(), run.err());
        List<String> lines = run.out().lines().toList();
        assertTrue(lines.get(0).contains(Messages.get("profiles.source.MQTTX")), lines.get(0));
        assertEquals(Messages.format("profiles.cli.importedLine", "Old PLC (MQTT 3.1)", "mqtt://10.0.0.7:1884"), lines.get(1));
        assertTrue(lines.contains(Messages.format("profiles.cli.notMapped", Messages.format("profiles.notMapped.mqtt31"))), run.out());
        assertTrue(lines.contains(Messages.format("profiles.cli.notMapped",
                Messages.format("profiles.notMapped.badSubscription", "plant/#/raw"))), run.out());
        List<SavedConnection> now = load().value().connections();
        assertEquals("Old PLC (MQTT 3.1)", now.get(now.size() - 1).name());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{ not json", "", "[1, 2]", "{\"format\":\"something-else\"}",
            "{\"format\":\"mqtt-desk-profiles\",\"schemaVersion\":99,\"connections\":[]}",
            "{\"format\":\"mqtt-desk-profiles\",\"schemaVersion\":1,\"connections\":[null]}",
            "{\"format\":\"mqtt-desk-profiles\",\"schemaVersion\":1,\"connections\":[{\"id\":\"x\",\"name\":\"no form\"}]}"})
    void import_of_a_bad_file_fails_with_a_sentence_and_leaves_the_profiles_untouched(String content) throws IOException {
        saved(Documents.connection("c1", "Office", null));
        saved(Documents.connection("c1", "Office renamed", null));
        byte[] main = Files.readAllBytes(home.resolve("profiles.json"));
        byte[] backup = Files.readAllBytes(home.resolve("profiles.json.bak"));
        List<String> before = homeFiles();
        Run run = profiles("import", file("bad.json", content).toString());
        assertEquals(1, run.exit(), run.out() + run.err());
        assertFalse((run.out() + run.err()).isBlank(), "says why");
        assertFalse(run.err().contains("Exception"), run.err());
        assertArrayEquals(main, Files.readAllBytes(home.resolve("profiles.json")));
        assertArrayEquals(backup, Files.readAllBytes(home.resolve("profiles.json.bak")));
        assertEquals(before, homeFiles());
    }

    @Test
    void import_of_a_file_that_is_not_there_fails_and_names_it() throws IOException {
        Path missing = files.resolve("missing.json");
        Run run = profiles("import", missing.toString());
        assertEquals(1, run.exit());
        assertTrue(run.err().contains(missing.toString()), run.err());
        assertEquals(List.of(), homeFiles());
    }

    @Test
    void export_writes_every_connection_without_passwords_unless_asked() throws IOException {
        saved(Documents.connection("c1", "Office", "secret"), Documents.connection("c2", "Lab", "other"));
        Path plain = files.resolve("out/plain.json");
        Run run = profiles("export", plain.toString());
        assertEquals(0, run.exit(), run.err());
        assertEquals(Messages.format("profiles.cli.exported", 2, plain), run.out().strip());
        String json = Files.readString(plain);
        assertFalse(json.contains("secret") || json.contains("other"), json);

        Path with = files.resolve("with.json");
        run = profiles("export", with.toString(), "--with-passwords");
        assertEquals(0, run.exit(), run.err());
        assertEquals(Messages.format("profiles.cli.exportedWithPasswords", 2, with), run.out().strip());
        json = Files.readString(with);
        assertTrue(json.contains("secret") && json.contains("other"), json);
    }

    @Test
    void export_of_named_connections_writes_only_those_and_an_unknown_name_writes_nothing() throws IOException {
        saved(Documents.connection("c1", "Office", null), Documents.connection("c2", "Lab", null));
        Path some = files.resolve("some.json");
        Run run = profiles("export", some.toString(), "Lab");
        assertEquals(0, run.exit(), run.err());
        JsonNode connections = Json.MAPPER.readTree(some.toFile()).path("connections");
        assertEquals(1, connections.size());
        assertEquals("Lab", connections.get(0).path("name").asText());

        Path none = files.resolve("none.json");
        run = profiles("export", none.toString(), "Lab", "Nope");
        assertEquals(1, run.exit());
        assertEquals(Messages.format("profiles.cli.unknownNames", "Nope"), run.err().strip());
        assertFalse(Files.exists(none));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "frobnicate", "import", "import a.json b.json", "list extra", "list --with-passwords",
            "import a.json --json", "export", "list --colour"})
    void bad_usage_exits_2_with_a_sentence_and_the_usage_and_touches_nothing(String line) throws IOException {
        String[] args = line.isEmpty() ? new String[0] : line.split(" ");
        Run run = profiles(args);
        assertEquals(2, run.exit(), run.err());
        List<String> err = new ArrayList<>(run.err().lines().toList());
        assertTrue(err.size() > 1 && !err.get(0).isBlank(), run.err());
        assertTrue(run.err().contains(Messages.get("profiles.cli.usage")), run.err());
        assertEquals("", run.out());
        assertEquals(List.of(), homeFiles());
    }

    @Test
    void help_prints_the_usage_and_exits_0() {
        Run run = profiles("--help");
        assertEquals(0, run.exit());
        assertEquals(Messages.get("profiles.cli.usage"), run.out().strip());
    }
}
