package dev.mqttdesk.core.profile.store;

import dev.mqttdesk.core.i18n.Text;
import dev.mqttdesk.core.profile.ConnectionProfile;
import dev.mqttdesk.core.profile.JsonFile;
import dev.mqttdesk.core.profile.ProfilesDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class ProfileStoreTest {

    @TempDir
    Path home;

    private final List<Text> failures = new CopyOnWriteArrayList<>();
    private SerialFileWriter writer;
    private ProfileStore store;

    @BeforeEach
    void open() {
        writer = new SerialFileWriter(failures::add);
        store = new ProfileStore(home, writer);
    }

    @AfterEach
    void close() {
        writer.close();
    }

    private Path main() {
        return home.resolve("profiles.json");
    }

    private Path backup() {
        return home.resolve("profiles.json.bak");
    }

    private void saveAndFlush(long n) {
        store.save(Documents.numbered(n));
        writer.flush();
    }

    private List<Path> setAside(String prefix) throws IOException {
        try (Stream<Path> files = Files.list(home)) {
            return files.filter(p -> p.getFileName().toString().startsWith(prefix + ".unreadable-")).sorted().toList();
        }
    }

    /** Two good saves, then the main file replaced by {@code bad}: the second save stays in the backup. */
    private byte[] goodBackupThenBadMain(byte[] bad) throws IOException {
        saveAndFlush(1);
        saveAndFlush(2);
        byte[] good = Files.readAllBytes(backup());
        Files.write(main(), bad);
        return good;
    }

    private void assertBadMainSetAsideAndBackupLoaded(byte[] bad, Problem... expected) throws IOException {
        Loaded<ProfilesDocument> loaded = new ProfileStore(home, writer).load();
        assertEquals(1, Documents.numberOf(loaded.value()), "the backup (save 1) loaded");
        assertTrue(loaded.hadUnreadableFile());
        LoadNotice setAside = loaded.notices().get(0);
        assertEquals(LoadNotice.Kind.SET_ASIDE, setAside.kind());
        assertTrue(List.of(expected).contains(setAside.problem()), "problem " + setAside.problem());
        assertEquals(main(), setAside.file());
        assertEquals(List.of(setAside.keptAs()), setAside("profiles.json"));
        assertArrayEquals(bad, Files.readAllBytes(setAside.keptAs()), "kept byte for byte");
        assertFalse(Files.exists(main()), "nothing written over it");
        assertEquals(LoadNotice.Kind.LOADED_BACKUP, loaded.notices().get(1).kind());
        assertTrue(loaded.messages().get(0).resolve().contains(setAside.keptAs().toString()), "the sentence says where it is");
    }

    @Test
    void a_save_is_written_and_loads_back_equal() {
        ProfilesDocument d = Documents.numbered(7);
        store.save(d);
        writer.flush();
        Loaded<ProfilesDocument> loaded = new ProfileStore(home, writer).load();
        assertEquals(d, loaded.value());
        assertTrue(loaded.notices().isEmpty());
        assertTrue(failures.isEmpty(), failures::toString);
    }

    @Test
    void a_file_from_before_the_log_byte_bound_loads_with_the_default_bound_and_the_bound_round_trips() throws IOException {
        saveAndFlush(1);
        String json = Files.readString(main());
        assertTrue(json.contains("\"logMaxMb\" : 64"), json);
        Files.writeString(main(), json.replace("\"logMaxMb\" : 64,", "").replace(",\n    \"logMaxMb\" : 64", ""));
        assertFalse(Files.readString(main()).contains("logMaxMb"), "the field is gone, as in an older file");
        Loaded<ProfilesDocument> older = new ProfileStore(home, writer).load();
        assertTrue(older.notices().isEmpty(), older.notices()::toString);
        assertEquals(0, older.value().connections().get(0).logMaxMb(), "0: the default bound, derived from the heap");
        assertEquals(5000, older.value().connections().get(0).logCapacity(), "the rest as saved");
        assertEquals(64, Documents.numbered(1).connections().get(0).logMaxMb());
    }

    @Test
    void a_reading_begun_ahead_is_what_the_next_load_gets_and_only_that_one() {
        saveAndFlush(4);
        ProfileStore.readAhead(home).join();
        saveAndFlush(5);
        assertEquals(4, Documents.numberOf(new ProfileStore(home, writer).load().value()), "the reading taken ahead");
        assertEquals(5, Documents.numberOf(new ProfileStore(home, writer).load().value()), "a later load reads the file again");
    }

    @Test
    void the_file_has_a_top_level_schema_version_and_the_password_only_when_asked() throws IOException {
        saveAndFlush(1);
        String json = Files.readString(main());
        assertTrue(json.contains("\"schemaVersion\" : 1"), json);
        assertTrue(json.contains("secret"), "savePassword was on");
        store.save(ProfilesDocument.of(List.of(), List.of(Documents.connection("c1", "x", null)), null));
        writer.flush();
        assertFalse(Files.readString(main()).contains("\"password\""));
    }

    @Test
    void the_backup_holds_the_version_before_the_last_save() throws IOException {
        saveAndFlush(1);
        assertFalse(Files.exists(backup()), "no backup before a second save");
        saveAndFlush(2);
        saveAndFlush(3);
        ProfileStore reader = new ProfileStore(home, writer);
        assertEquals(3, Documents.numberOf(reader.load().value()));
        Files.delete(main());
        Loaded<ProfilesDocument> fromBackup = new ProfileStore(home, writer).load();
        assertEquals(2, Documents.numberOf(fromBackup.value()));
        assertEquals(LoadNotice.Kind.LOADED_BACKUP_OF_MISSING, fromBackup.notices().get(0).kind());
    }

    @Test
    void saving_the_same_document_again_keeps_the_backup_of_the_real_change() throws IOException {
        saveAndFlush(1);
        saveAndFlush(2);
        saveAndFlush(2);
        assertEquals(2, Documents.numberOf(new ProfileStore(home, writer).load().value()));
        assertEquals(1, Documents.numberOf(readBackup()));
    }

    @Test
    void files_are_readable_by_their_owner_only() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX permissions only");
        saveAndFlush(1);
        saveAndFlush(2);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(main())));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(backup())));
    }

    @Test
    void no_temporary_file_is_left_behind() throws IOException {
        for (int i = 0; i < 5; i++) {
            saveAndFlush(i);
        }
        try (Stream<Path> files = Files.list(home)) {
            assertEquals(List.of("profiles.json", "profiles.json.bak"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void a_main_file_that_is_not_json_is_kept_aside_and_the_backup_loads() throws IOException {
        byte[] bad = "this is { not json".getBytes(StandardCharsets.UTF_8);
        goodBackupThenBadMain(bad);
        assertBadMainSetAsideAndBackupLoaded(bad, Problem.NOT_JSON);
    }

    @Test
    void a_truncated_main_file_is_kept_aside_and_the_backup_loads() throws IOException {
        saveAndFlush(1);
        saveAndFlush(2);
        byte[] whole = Files.readAllBytes(main());
        for (int cut : new int[] {1, whole.length / 3, whole.length / 2, whole.length - 3}) {
            byte[] bad = java.util.Arrays.copyOf(whole, cut);
            Files.write(main(), bad);
            Loaded<ProfilesDocument> loaded = new ProfileStore(home, writer).load();
            assertEquals(Problem.TRUNCATED, loaded.notices().get(0).problem(), "cut at " + cut);
            assertEquals(1, Documents.numberOf(loaded.value()));
            assertArrayEquals(bad, Files.readAllBytes(loaded.notices().get(0).keptAs()));
        }
        assertEquals(4, setAside("profiles.json").size(), "each one kept under its own name");
    }

    @Test
    void an_empty_main_file_is_kept_aside_and_the_backup_loads() throws IOException {
        goodBackupThenBadMain(new byte[0]);
        assertBadMainSetAsideAndBackupLoaded(new byte[0], Problem.EMPTY);
    }

    @Test
    void a_file_of_a_newer_schema_is_kept_aside_and_the_backup_loads() throws IOException {
        byte[] newer = "{\"schemaVersion\": 2, \"connections\": [], \"somethingNew\": true}".getBytes(StandardCharsets.UTF_8);
        goodBackupThenBadMain(newer);
        assertBadMainSetAsideAndBackupLoaded(newer, Problem.NEWER_SCHEMA);
    }

    @Test
    void json_that_is_not_a_profiles_document_is_kept_aside() throws IOException {
        byte[] other = "{\"schemaVersion\": 1, \"connections\": [{\"name\": \"no id\"}]}".getBytes(StandardCharsets.UTF_8);
        goodBackupThenBadMain(other);
        assertBadMainSetAsideAndBackupLoaded(other, Problem.NOT_OURS);
    }

    @Test
    void a_file_the_system_will_not_let_us_read_is_kept_aside_and_the_backup_loads() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX permissions only");
        byte[] content = "{\"schemaVersion\": 1}".getBytes(StandardCharsets.UTF_8);
        goodBackupThenBadMain(content);
        Files.setPosixFilePermissions(main(), PosixFilePermissions.fromString("---------"));
        // root (as in our CI containers) reads a mode-000 file anyway: the case cannot be made there.
        assumeFalse(Files.isReadable(main()), "running as root: chmod 000 does not stop root from reading, so no unreadable file can be made");
        assertBadMainSetAsideAndBackupLoaded(content, Problem.NO_PERMISSION);
    }

    @Test
    void a_folder_in_place_of_the_file_is_renamed_aside_with_its_content() throws IOException {
        saveAndFlush(1);
        saveAndFlush(2);
        Files.delete(main());
        Files.createDirectory(main());
        Files.writeString(main().resolve("inside.txt"), "mine");
        Loaded<ProfilesDocument> loaded = new ProfileStore(home, writer).load();
        LoadNotice notice = loaded.notices().get(0);
        assertEquals(Problem.NOT_A_FILE, notice.problem());
        assertEquals("mine", Files.readString(notice.keptAs().resolve("inside.txt")));
        assertEquals(1, Documents.numberOf(loaded.value()));
        new ProfileStore(home, writer).save(loaded.value());
        writer.flush();
        assertTrue(Files.isRegularFile(main()), "the next save writes a file again");
        assertTrue(failures.isEmpty(), failures::toString);
    }

    @Test
    void when_neither_file_reads_the_app_starts_empty_and_says_so() throws IOException {
        Files.writeString(main(), "garbage");
        Files.writeString(backup(), "{\"schemaVersion\": 1, \"connections\": [");
        Loaded<ProfilesDocument> loaded = store.load();
        assertTrue(loaded.value().connections().isEmpty());
        assertEquals(List.of(LoadNotice.Kind.SET_ASIDE, LoadNotice.Kind.SET_ASIDE, LoadNotice.Kind.STARTED_EMPTY),
                loaded.notices().stream().map(LoadNotice::kind).toList());
        assertEquals(1, setAside("profiles.json").size());
        assertEquals(1, setAside("profiles.json.bak").size());
        assertEquals("garbage", Files.readString(setAside("profiles.json").get(0)));
    }

    @Test
    void after_loading_the_backup_the_next_saves_never_put_garbage_in_the_backup() throws IOException {
        saveAndFlush(1);
        saveAndFlush(2); // backup: save 1
        Files.writeString(main(), "garbage");
        ProfileStore reopened = new ProfileStore(home, writer);
        ProfilesDocument fromBackup = reopened.load().value();
        assertEquals(1, Documents.numberOf(fromBackup));
        reopened.save(Documents.numbered(3));
        writer.flush();
        assertEquals(1, Documents.numberOf(readBackup()), "the good backup is still there after the first save");
        reopened.save(Documents.numbered(4));
        writer.flush();
        assertEquals(3, Documents.numberOf(readBackup()));
        assertEquals("garbage", Files.readString(setAside("profiles.json").get(0)));
    }

    @Test
    void a_main_file_that_goes_bad_while_the_app_runs_is_set_aside_not_backed_up() throws IOException {
        saveAndFlush(1);
        saveAndFlush(2); // backup: save 1
        Files.writeString(main(), "{ edited by hand, badly");
        saveAndFlush(3);
        assertEquals(1, Documents.numberOf(readBackup()), "garbage never replaces the good backup");
        assertEquals(3, Documents.numberOf(new ProfileStore(home, writer).load().value()));
        assertEquals("{ edited by hand, badly", Files.readString(setAside("profiles.json").get(0)));
        assertEquals(1, failures.size(), "the user is told");
        assertEquals("profiles.notice.setAside", failures.get(0).key());
    }

    private ProfilesDocument readBackup() {
        FileRead<ProfilesDocument> r = JsonReading.read(backup(), ProfilesFormat.INSTANCE);
        assertTrue(r.ok(), () -> "backup unreadable: " + r.problem());
        return r.value();
    }

    @Test
    void first_run_has_the_built_in_broker_only() {
        Loaded<ProfilesDocument> loaded = store.load();
        assertTrue(loaded.notices().isEmpty());
        assertEquals(1, loaded.value().connections().size());
        var builtIn = loaded.value().connections().get(0);
        assertEquals(StartingProfiles.BUILT_IN_ID, builtIn.id());
        assertEquals("mqtt://127.0.0.1:1883", builtIn.form().url());
        assertEquals(dev.mqttdesk.core.i18n.Messages.get("profiles.builtinName"), builtIn.name());
        assertEquals(StartingProfiles.BUILT_IN_ID, loaded.value().selectedId());
    }

    @Test
    void the_old_last_connection_becomes_the_first_saved_connection_and_stays_in_place() throws IOException {
        ConnectionProfile old = new ConnectionProfile("wss://broker.emqx.io:8084/mqtt", "MQTT_3_1_1", "desk_1", "bob", "30",
                false, "10", "0", false, "", true);
        JsonFile.lastConnection(home).save(old);
        byte[] oldBytes = Files.readAllBytes(home.resolve("last-connection.json"));
        Loaded<ProfilesDocument> loaded = store.load();
        assertEquals(1, loaded.value().connections().size());
        assertEquals(old, loaded.value().connections().get(0).form());
        assertEquals("broker.emqx.io", loaded.value().connections().get(0).name());
        assertEquals(LoadNotice.Kind.MIGRATED, loaded.notices().get(0).kind());
        assertFalse(loaded.hadUnreadableFile());
        writer.flush();
        assertEquals(loaded.value(), new ProfileStore(home, writer).load().value(), "saved at once");
        assertArrayEquals(oldBytes, Files.readAllBytes(home.resolve("last-connection.json")));
    }

    @Test
    void a_broken_profiles_file_is_not_replaced_by_the_migration() throws IOException {
        JsonFile.lastConnection(home).save(new ConnectionProfile("mqtt://h:1883", "MQTT_5_0", "c", "", "60", true, "30",
                "1000", true, "", false));
        Files.writeString(main(), "garbage");
        Loaded<ProfilesDocument> loaded = store.load();
        assertTrue(loaded.value().connections().isEmpty(), "starts empty and says why, rather than pretending");
        assertEquals(LoadNotice.Kind.STARTED_EMPTY, loaded.notices().get(loaded.notices().size() - 1).kind());
        assertNull(loaded.value().selectedId());
    }
}
