package dev.mqttdesk.core.profile.store;

import dev.mqttdesk.core.i18n.Text;
import dev.mqttdesk.core.profile.ProfilesDocument;
import dev.mqttdesk.testing.BundleKeys;
import dev.mqttdesk.testing.FuzzedJson;
import dev.mqttdesk.testing.Printable;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AfterContainer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Whatever is in {@code profiles.json}, a start never fails: the file reads as a document, or it is refused with
 * a problem the user is told in words, kept byte for byte where it was set aside.
 */
class ProfilesFileFuzzTest {

    private static final Path HOME = temporaryHome();
    private static final List<Text> FAILURES = new CopyOnWriteArrayList<>();
    /** One writer for all tries: loading writes nothing, and a thread per try would be most of the run time. */
    private static final SerialFileWriter WRITER = new SerialFileWriter(FAILURES::add);

    /** In memory where there is a tmpfs: setting a file aside forces the folder to disk, ten thousand times. */
    private static Path temporaryHome() {
        Path shm = Path.of("/dev/shm");
        try {
            return Files.isDirectory(shm) && Files.isWritable(shm) ? Files.createTempDirectory(shm, "profiles-fuzz")
                    : Files.createTempDirectory("profiles-fuzz");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterContainer
    static void removeHome() throws IOException {
        WRITER.close();
        clear();
        Files.deleteIfExists(HOME);
    }

    private static void clear() throws IOException {
        try (Stream<Path> files = Files.walk(HOME)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                if (!p.equals(HOME)) {
                    Files.delete(p);
                }
            }
        }
    }

    @Property(tries = 10_000)
    void any_file_content_reads_as_a_document_that_saves_back_the_same_or_is_refused_with_a_named_problem(
            @ForAll("profilesFiles") byte[] content) {
        FileRead<ProfilesDocument> read;
        try {
            read = JsonReading.parse(content, ProfilesFormat.INSTANCE);
        } catch (RuntimeException | Error escaped) {
            fail("input " + Printable.of(content) + " threw " + escaped, escaped);
            return;
        }
        Statistics.collect(read.ok() ? "read" : read.problem());
        if (read.ok()) {
            assertNotNull(read.value(), () -> Printable.of(content));
            FileRead<ProfilesDocument> again = JsonReading.parse(toBytes(read.value()), ProfilesFormat.INSTANCE);
            assertEquals(read.value(), again.value(), () -> "saved back from " + Printable.of(content));
        } else {
            assertNotNull(read.problem());
            BundleKeys.assertInBoth(read.problem().text());
            assertNotNull(read.detail());
        }
    }

    @Property(tries = 10_000)
    void a_start_on_any_profiles_file_loads_it_or_sets_it_aside_untouched_and_says_so(
            @ForAll("profilesFiles") byte[] content) throws IOException {
        clear();
        Files.write(HOME.resolve(ProfileStore.FILE_NAME), content);
        Loaded<ProfilesDocument> loaded;
        try {
            loaded = new ProfileStore(HOME, WRITER).load();
        } catch (RuntimeException | Error escaped) {
            fail("input " + Printable.of(content) + " threw " + escaped, escaped);
            return;
        }
        WRITER.flush();
        assertEquals(List.of(), FAILURES);
        assertNotNull(loaded.value());
        loaded.notices().forEach(n -> BundleKeys.assertInBoth(n.text()));
        loaded.messages().forEach(m -> assertFalse(m.resolve().isBlank()));
        FileRead<ProfilesDocument> read = JsonReading.parse(content, ProfilesFormat.INSTANCE);
        if (read.ok()) {
            assertEquals(List.of(), loaded.notices(), () -> Printable.of(content));
            assertEquals(read.value(), loaded.value());
            assertArrayEquals(content, Files.readAllBytes(HOME.resolve(ProfileStore.FILE_NAME)), "left as it was");
        } else {
            assertTrue(loaded.hadUnreadableFile(), () -> Printable.of(content));
            LoadNotice setAside = loaded.notices().get(0);
            assertEquals(LoadNotice.Kind.SET_ASIDE, setAside.kind(), () -> loaded.notices().toString());
            assertEquals(read.problem(), setAside.problem());
            assertArrayEquals(content, Files.readAllBytes(setAside.keptAs()), "kept byte for byte");
            assertEquals(ProfilesDocument.of(List.of(), List.of(), null), loaded.value(), "started empty");
        }
    }

    private static byte[] toBytes(ProfilesDocument d) {
        try {
            return ProfilesFormat.INSTANCE.toBytes(d);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Provide
    Arbitrary<byte[]> profilesFiles() {
        return FuzzedJson.around(List.of(toBytes(Documents.numbered(1)),
                toBytes(ProfilesDocument.of(List.of("lab", "客户"), List.of(Documents.connection("a", "A", "pw"),
                        Documents.connection("b", "B", null)), "b")),
                toBytes(StartingProfiles.firstRun(1000))));
    }
}
