import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Build step (exec-maven-plugin, process-resources; -Dmqttjs.skip=true skips it): installs the packages of
 * package-lock.json here with {@code npm ci --ignore-scripts} into the work folder (npm checks every
 * tarball against the lock's sha512 integrity) and copies MQTT.js's dist/mqtt.min.js to the classes
 * folder, where the generated mini-program pages take it from. Nothing of it is committed.
 * <p>
 * Without npm the build still passes (README's commands gain no requirement) and the command says how to
 * add the library; with the environment variable CI set, a missing or failing npm fails the build.
 * <p>
 * Usage: java FetchMqttJs.java SOURCE_DIR WORK_DIR DEST_DIR
 */
public final class FetchMqttJs {

    public static void main(String[] args) throws Exception {
        Path source = Path.of(args[0]);
        Path work = Path.of(args[1]);
        Path dest = Path.of(args[2]);
        boolean ci = System.getenv("CI") != null;

        String lock = Files.readString(source.resolve("package-lock.json"), StandardCharsets.UTF_8);
        String version = lockedVersion(lock, "mqtt");
        Path installed = work.resolve("node_modules/mqtt/dist/mqtt.min.js");
        Path lockCopy = work.resolve("package-lock.json");
        boolean upToDate = Files.exists(installed) && Files.exists(lockCopy)
                && Files.readString(lockCopy, StandardCharsets.UTF_8).equals(lock)
                && version.equals(installedVersion(work));
        if (!upToDate) {
            Optional<Path> npm = findNpm();
            if (npm.isEmpty()) {
                give("npm was not found on the PATH: MQTT.js " + version + " is not bundled; the miniprogram command"
                        + " will say how to add it.", ci);
                return;
            }
            Files.createDirectories(work);
            Files.copy(source.resolve("package.json"), work.resolve("package.json"), StandardCopyOption.REPLACE_EXISTING);
            Files.copy(source.resolve("package-lock.json"), lockCopy, StandardCopyOption.REPLACE_EXISTING);
            List<String> command = new ArrayList<>(List.of(npm.get().toString(), "ci", "--ignore-scripts", "--no-audit",
                    "--no-fund", "--loglevel=error"));
            System.out.println("[mqtt.js] " + String.join(" ", command) + " in " + work);
            Process p = new ProcessBuilder(command).directory(work.toFile()).inheritIO().start();
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                give("npm ci did not finish within 10 minutes: MQTT.js is not bundled.", ci);
                return;
            }
            if (p.exitValue() != 0) {
                Files.deleteIfExists(lockCopy); // try again next build
                give("npm ci failed (exit " + p.exitValue() + "): MQTT.js is not bundled.", ci);
                return;
            }
            if (!version.equals(installedVersion(work)) || !Files.exists(installed)) {
                fail("npm ci did not install mqtt " + version + " with dist/mqtt.min.js");
            }
        }
        Files.createDirectories(dest);
        Files.copy(installed, dest.resolve("mqtt.min.js"), StandardCopyOption.REPLACE_EXISTING);
        System.out.println("[mqtt.js] bundled MQTT.js " + version + " (" + Files.size(installed) + " bytes)");
    }

    /** The version of a package the lock pins, and that the lock holds its integrity (else npm would not check it). */
    static String lockedVersion(String lock, String name) {
        Matcher m = Pattern.compile("\"node_modules/" + Pattern.quote(name) + "\"\\s*:\\s*\\{([^}]*)}").matcher(lock);
        if (!m.find()) {
            fail("package-lock.json has no node_modules/" + name);
        }
        Matcher v = Pattern.compile("\"version\"\\s*:\\s*\"([^\"]+)\"").matcher(m.group(1));
        if (!v.find() || !m.group(1).contains("\"integrity\": \"sha512-")) {
            fail("package-lock.json pins no version with a sha512 integrity for " + name);
        }
        return v.group(1);
    }

    private static String installedVersion(Path work) throws IOException {
        Path pkg = work.resolve("node_modules/mqtt/package.json");
        if (!Files.exists(pkg)) {
            return "";
        }
        Matcher v = Pattern.compile("\"version\"\\s*:\\s*\"([^\"]+)\"").matcher(Files.readString(pkg, StandardCharsets.UTF_8));
        return v.find() ? v.group(1) : "";
    }

    private static Optional<Path> findNpm() {
        boolean windows = System.getProperty("os.name", "").toLowerCase().contains("win");
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, windows ? "npm.cmd" : "npm");
            if (!dir.isBlank() && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static void give(String message, boolean ci) {
        if (ci) {
            fail(message + " (CI is set, so the build may not go on without it)");
        }
        System.out.println("[mqtt.js] WARNING " + message);
    }

    private static void fail(String message) {
        System.err.println("[mqtt.js] " + message);
        System.exit(1);
    }
}
