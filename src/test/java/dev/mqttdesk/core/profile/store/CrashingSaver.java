package dev.mqttdesk.core.profile.store;

import dev.mqttdesk.core.i18n.Text;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The child process of {@link CrashSafetyTest}: loads the profiles as the app does, then saves
 * {@link Documents#numbered} documents with counters from {@code args[1]} up, through the real store and writer,
 * printing each counter once its save is on disk, until it is killed.
 */
public final class CrashingSaver {

    private CrashingSaver() {
    }

    public static void main(String[] args) {
        Path home = Path.of(args[0]);
        long n = Long.parseLong(args[1]);
        List<Text> failures = new CopyOnWriteArrayList<>();
        SerialFileWriter writer = new SerialFileWriter(failures::add);
        ProfileStore store = new ProfileStore(home, writer);
        store.load();
        PrintStream out = System.out;
        while (true) {
            store.save(Documents.numbered(n));
            writer.flush();
            if (!failures.isEmpty()) {
                System.err.println("save " + n + " failed: " + failures);
                System.exit(3);
            }
            out.println(n);
            out.flush();
            n++;
        }
    }
}
