package dev.mqttdesk.core.profile.store;

import dev.mqttdesk.core.i18n.Text;
import dev.mqttdesk.core.profile.ProfilesDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SerialFileWriterTest {

    @TempDir
    Path home;

    private final List<Text> failures = new CopyOnWriteArrayList<>();

    @Test
    void many_saves_from_several_threads_end_with_the_last_one_on_disk_and_never_go_back() throws Exception {
        List<Long> written = new CopyOnWriteArrayList<>();
        Path file = home.resolve("f.txt");
        Object order = new Object();
        AtomicInteger counter = new AtomicInteger();
        try (SerialFileWriter writer = new SerialFileWriter(failures::add)) {
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                threads.add(new Thread(() -> {
                    for (int i = 0; i < 500; i++) {
                        synchronized (order) { // the test's own order of saves: the number says which came last
                            long n = counter.getAndIncrement();
                            writer.save(file, () -> {
                                written.add(n);
                                AtomicFile.write(file, Long.toString(n).getBytes());
                            });
                        }
                    }
                }));
            }
            threads.forEach(Thread::start);
            for (Thread t : threads) {
                t.join();
            }
            writer.flush();
            assertEquals("1999", Files.readString(file), "the newest save is on disk once flush returns");
        }
        for (int i = 1; i < written.size(); i++) {
            assertTrue(written.get(i) > written.get(i - 1), "an older save was written after a newer one at " + i);
        }
        assertTrue(written.size() < 2000, "queued saves collapsed: " + written.size() + " writes for 2000 saves");
        assertTrue(failures.isEmpty());
    }

    @Test
    void flush_waits_for_a_write_in_progress_and_everything_queued_behind_it() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Path a = home.resolve("a");
        Path b = home.resolve("b");
        try (SerialFileWriter writer = new SerialFileWriter(failures::add)) {
            writer.save(a, () -> {
                started.countDown();
                awaitQuietly(release);
                Files.writeString(a, "a");
            });
            assertTrue(started.await(5, TimeUnit.SECONDS));
            writer.save(b, () -> Files.writeString(b, "b"));
            assertFalse(writer.flush(Duration.ofMillis(200)), "flush does not return while a write is held up");
            release.countDown();
            writer.flush();
            assertEquals("a", Files.readString(a));
            assertEquals("b", Files.readString(b));
        }
    }

    @Test
    void close_writes_what_is_still_queued() throws Exception {
        Path file = home.resolve("profiles.json");
        SerialFileWriter writer = new SerialFileWriter(failures::add);
        ProfileStore store = new ProfileStore(home, writer);
        for (int i = 0; i <= 100; i++) {
            store.save(Documents.numbered(i));
        }
        writer.close();
        assertEquals(100, Documents.numberOf(JsonReading.read(file, ProfilesFormat.INSTANCE).value()));
        store.save(Documents.numbered(101)); // after close: written at once on this thread
        assertEquals(101, Documents.numberOf(JsonReading.read(file, ProfilesFormat.INSTANCE).value()));
    }

    @Test
    void a_failed_write_is_reported_as_a_sentence_and_the_writer_goes_on() throws Exception {
        Path blocked = home.resolve("blocked");
        Files.writeString(blocked, "a file where a folder should be");
        Path good = home.resolve("good");
        try (SerialFileWriter writer = new SerialFileWriter(failures::add)) {
            writer.save(blocked.resolve("x.json"), () -> AtomicFile.write(blocked.resolve("x.json"), new byte[] {1}));
            writer.save(good, () -> AtomicFile.write(good, new byte[] {2}));
            writer.flush();
        }
        assertEquals(1, failures.size());
        assertEquals("profiles.saveFailed", failures.get(0).key());
        assertTrue(failures.get(0).resolve().contains(blocked.resolve("x.json").toString()), failures.get(0).resolve());
        assertEquals(1, Files.readAllBytes(good).length);
    }

    @Test
    void save_returns_at_once_while_a_write_is_slow() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (SerialFileWriter writer = new SerialFileWriter(failures::add)) {
            writer.save(home.resolve("slow"), () -> awaitQuietly(release));
            long start = System.nanoTime();
            ProfileStore store = new ProfileStore(home, writer);
            store.save(Documents.numbered(1));
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(1), "save did not wait for the disk");
            release.countDown();
            writer.flush();
            ProfilesDocument d = store.load().value();
            assertEquals(1, Documents.numberOf(d));
        }
    }

    private static void awaitQuietly(CountDownLatch latch) throws IOException {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IOException("test latch timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
