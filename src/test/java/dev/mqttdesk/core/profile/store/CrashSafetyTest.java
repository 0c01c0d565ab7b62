package dev.mqttdesk.core.profile.store;

import dev.mqttdesk.core.i18n.Text;
import dev.mqttdesk.core.profile.ProfilesDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A process that is saving its profiles is killed outright (SIGKILL: no shutdown hook, no flush) at random
 * moments, {@code -Dcrash.kills} times (200 unless told). Each time the profiles load as the last save that
 * completed or the one that was in flight, never anything older, never unreadable, never empty.
 */
class CrashSafetyTest {

    private static final int KILLS = Integer.getInteger("crash.kills", 200);
    /** The longest a kill waits after the child's first completed save: spreads kills over many saves and writes. */
    private static final long MAX_DELAY_NANOS = TimeUnit.MILLISECONDS.toNanos(25);

    @TempDir
    Path home;
    @TempDir
    Path logs;

    @Test
    void profiles_killed_in_the_middle_of_saving_load_as_the_last_completed_save_or_the_one_in_flight() throws Exception {
        long seed = Long.getLong("crash.seed", System.nanoTime());
        Random random = new Random(seed);
        List<Text> failures = new CopyOnWriteArrayList<>();
        long completed;
        try (SerialFileWriter writer = new SerialFileWriter(failures::add)) {
            new ProfileStore(home, writer).save(Documents.numbered(0));
        }
        completed = 0;
        long landed = 0;
        int inFlightLanded = 0;
        for (int kill = 1; kill <= KILLS; kill++) {
            long start = landed + 1;
            long lastPrinted = runAndKill(start, random.nextLong(MAX_DELAY_NANOS), "kill " + kill + ", seed " + seed);
            completed = Math.max(completed, lastPrinted);
            landed = loadedCounter("kill " + kill + " (seed " + seed + ", last completed save " + completed + ")");
            long c = completed;
            assertTrue(landed == c || landed == c + 1,
                    "kill " + kill + " (seed " + seed + "): loaded save " + landed + ", last completed " + c);
            if (landed == c + 1) {
                inFlightLanded++;
            }
        }
        assertTrue(failures.isEmpty(), failures::toString);
        long cutShort;
        try (Stream<Path> files = Files.list(home)) { // temporary files of writes a kill cut short, never read
            cutShort = files.filter(p -> p.getFileName().toString().endsWith(AtomicFile.TEMP_SUFFIX)).count();
        }
        System.out.printf("CrashSafetyTest: %d kills, last save %d, in-flight save landed %d times, %d writes cut short,"
                + " seed %d%n", KILLS, completed, inFlightLanded, cutShort, seed);
    }

    /** Starts a child saving from {@code start}, kills it {@code delayNanos} after its first completed save; its last printed counter. */
    private long runAndKill(long start, long delayNanos, String what) throws IOException, InterruptedException {
        Path log = logs.resolve("child.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // A quick start matters more than a fast run: C1 only, the smallest collector, no verifying of the jars' bytecode.
        List<String> command = List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:-UsePerfData",
                "-XX:+UnlockDiagnosticVMOptions", "-XX:-BytecodeVerificationRemote", "-cp", System.getProperty("java.class.path"), CrashingSaver.class.getName(),
                home.toString(), Long.toString(start));
        Process child = new ProcessBuilder(command).redirectError(log.toFile()).start();
        List<Long> printed = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String first = out.readLine();
            if (first == null) {
                child.waitFor(10, TimeUnit.SECONDS);
                fail(what + ": the child stopped before its first save: " + Files.readString(log));
            }
            printed.add(Long.parseLong(first));
            LockSupport.parkNanos(delayNanos);
            // SIGKILL through the handle: Process.destroyForcibly would also close our end of the pipe
            child.toHandle().destroyForcibly();
            assertTrue(child.waitFor(10, TimeUnit.SECONDS), what + ": the child did not die");
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (!line.isEmpty()) { // a line the kill cut short has its digits only when its newline came too
                    printed.add(Long.parseLong(line));
                }
            }
        }
        assertEquals(137, child.exitValue(), () -> what + ": the child ended by itself: " + readQuietly(log));
        assertEquals(start, printed.get(0), what);
        return printed.get(printed.size() - 1);
    }

    /** The counter of the profiles as a fresh start loads them; fails on any notice (an unreadable file, a backup). */
    private long loadedCounter(String what) {
        List<Text> failures = new CopyOnWriteArrayList<>();
        try (SerialFileWriter writer = new SerialFileWriter(failures::add)) {
            Loaded<ProfilesDocument> loaded = new ProfileStore(home, writer).load();
            assertTrue(loaded.notices().isEmpty(), () -> what + ": " + loaded.notices());
            ProfilesDocument document = loaded.value();
            assertNotNull(document, what);
            long n = Documents.numberOf(document);
            assertTrue(n >= 0, () -> what + ": not a saved document: " + document);
            assertEquals(Documents.numbered(n), document, what);
            return n;
        }
    }

    private static String readQuietly(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
