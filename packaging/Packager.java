import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Builds MQTT Desk's installers; run by {@code mvn -Ppackage package} (see pom.xml) from the project folder
 * with the JDK that runs Maven, which is also the Java of the runtime shipped:
 * <ol>
 *   <li>jdeps lists the modules the application jar needs: the JDK's, JavaFX's and Jackson's (those two on
 *       the module path, left out of the jar);</li>
 *   <li>jlink builds a runtime of those modules and a few that no class names (jdk.crypto.ec,
 *       jdk.localedata), without debug data, man pages or headers, compressed; JavaFX's native libraries
 *       go where JavaFX looks for them in a runtime image (lib/, bin/ on Windows);</li>
 *   <li>a training run starts the application from that runtime with {@code --exit-after-shown} and records
 *       the classes it loads; {@code -Xshare:dump} archives those of the runtime (JDK, JavaFX, Jackson) as the
 *       runtime's default class-data-sharing archive. Classes of the application jar stay out: JDK 17 refuses
 *       an archive whose class path moved, and installing moves it; the runtime image may move;</li>
 *   <li>jpackage makes the app-image from that runtime and the jar, then this OS's installer types from the
 *       app-image; on Linux the launcher is a shell script (packaging/linux/launcher.sh says why) and a tarball
 *       of the app-image is made too.</li>
 * </ol>
 * Settings live in packaging/*.args and packaging/OS/*.args: one jpackage option per line, {@code #}
 * comments, {@code ${version}} and {@code ${msg:key}} / {@code ${msg_zh_CN:key}} (strings from the i18n
 * bundles) substituted. Files in packaging/OS/resources/ go to jpackage's --resource-dir after the same
 * substitution.
 */
public final class Packager {

    private static final Path BUNDLES = Path.of("src/main/resources/dev/mqttdesk/i18n");
    private static final long TRAINING_TIMEOUT_S = 240;

    private final Map<String, String> opts;
    private final String os;
    private final Path work;
    private final Path dest;
    private final Map<String, String> values = new LinkedHashMap<>();

    private Packager(Map<String, String> opts) {
        this.opts = opts;
        String name = System.getProperty("os.name").toLowerCase();
        this.os = name.contains("win") ? "windows" : name.contains("mac") ? "macos" : "linux";
        this.work = Path.of(need("work")).toAbsolutePath();
        this.dest = Path.of(need("dest")).toAbsolutePath();
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new LinkedHashMap<>();
        for (String a : args) {
            if (!a.startsWith("--") || !a.contains("=")) {
                throw new IllegalArgumentException("expected --name=value, got " + a);
            }
            opts.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
        }
        if (!Files.isRegularFile(Path.of("packaging/Packager.java"))) {
            throw new IllegalStateException("run from the project folder (the one with pom.xml)");
        }
        try {
            new Packager(opts).run();
        } catch (Failure f) {
            System.err.println("[packager] FAILED: " + f.getMessage());
            System.exit(1);
        }
    }

    private void run() throws Exception {
        long t0 = System.nanoTime();
        values.put("version", need("app-version"));
        values.put("main-class", need("main-class"));
        values.put("java-options", opts.getOrDefault("java-options", "").strip());
        loadBundle("msg", "messages.properties");
        loadBundle("msg_zh_CN", "messages_zh_CN.properties");

        Path jar = work.resolve("input/mqtt-desk.jar");
        if (!Files.isRegularFile(jar)) {
            throw new Failure("missing " + jar + " (made by the shade execution jpackage-input)");
        }
        List<Path> moduleJars = moduleJars(work.resolve("modules"));
        String modulePath = moduleJars.stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator));
        say("Java " + Runtime.version() + " from " + System.getProperty("java.home") + " on " + os);

        // 1. jdeps
        String jdepsOut = tool("jdeps", "--multi-release", String.valueOf(Runtime.version().feature()),
                "--ignore-missing-deps", "--print-module-deps", "--module-path", modulePath, jar.toString());
        String found = Arrays.stream(jdepsOut.split("\\R")).map(String::trim)
                .filter(l -> l.matches("[\\w.]+(,[\\w.]+)*")).reduce((a, b) -> b)
                .orElseThrow(() -> new Failure("jdeps printed no module list:\n" + jdepsOut));
        TreeSet<String> modules = new TreeSet<>(List.of(found.split(",")));
        modules.addAll(csv(need("fx-modules")));
        modules.addAll(csv(opts.getOrDefault("extra-modules", "")));
        say("jdeps: " + found);
        say("modules: " + String.join(",", modules));

        // 2. jlink
        Path runtime = work.resolve("runtime");
        deleteTree(runtime);
        tool("jlink", "--module-path", modulePath, "--add-modules", String.join(",", modules),
                "--include-locales=" + need("locales"),
                "--strip-debug", "--no-man-pages", "--no-header-files", "--compress=2",
                "--exclude-resources=**.so,**.dll,**.dylib", // JavaFX's natives: copied below instead
                "--output", runtime.toString());
        Path nativeDir = runtime.resolve(os.equals("windows") ? "bin" : "lib");
        int natives = 0;
        for (Path m : moduleJars) {
            natives += copyNatives(m, nativeDir);
        }
        say("jlink: runtime " + mb(size(runtime)) + " with " + natives + " JavaFX native libraries in " + runtime.relativize(nativeDir));

        // 3. class-data sharing: training run, then the runtime's default archive
        Path java = runtime.resolve("bin").resolve(os.equals("windows") ? "java.exe" : "java");
        Path classlist = work.resolve("mqtt-desk.classlist");
        Path home = Files.createTempDirectory("mqttdesk-training-home");
        Files.deleteIfExists(classlist);
        List<String> training = new ArrayList<>(List.of(java.toString(), "-Xshare:off",
                "-XX:DumpLoadedClassList=" + classlist, "-Dmqttdesk.home=" + home,
                "-cp", jar.toString(), need("main-class"), "--exit-after-shown", "--startup-trace"));
        if (os.equals("linux") && blank(System.getenv("DISPLAY")) && blank(System.getenv("WAYLAND_DISPLAY"))) {
            if (!onPath("xvfb-run")) {
                throw new Failure("the CDS training run shows the window: run with a display, or install xvfb (apt-get install xvfb)");
            }
            training.addAll(0, List.of("xvfb-run", "--auto-servernum", "--server-args=-screen 0 1920x1080x24"));
            say("no DISPLAY: training under xvfb-run");
        }
        String trainingOut;
        try {
            trainingOut = exec(training, TRAINING_TIMEOUT_S);
        } finally {
            deleteTree(home);
        }
        String shown = Arrays.stream(trainingOut.split("\\R")).filter(l -> l.startsWith("startup-trace:")).findFirst()
                .orElseThrow(() -> new Failure("the training run never showed the window:\n" + trainingOut));
        long listed = Files.readAllLines(classlist).stream().filter(l -> !l.startsWith("#")).count();
        say("training run: " + shown + "; " + listed + " classes listed");

        String dumpOut = exec(List.of(java.toString(), "-Xshare:dump", "-XX:SharedClassListFile=" + classlist,
                "-Xlog:cds=error", "-Xlog:cds+dynamic=error"), 300);
        Files.writeString(work.resolve("cds-dump.log"), dumpOut);
        Path jsa;
        try (Stream<Path> s = Files.walk(runtime)) {
            jsa = s.filter(p -> p.getFileName().toString().equals("classes.jsa")).findFirst()
                    .orElseThrow(() -> new Failure("-Xshare:dump wrote no classes.jsa; see " + work.resolve("cds-dump.log")));
        }
        exec(List.of(java.toString(), "-Xshare:on", "-version"), 60); // fails if the archive cannot be mapped
        say("CDS archive " + runtime.relativize(jsa) + " " + mb(Files.size(jsa)) + " (the runtime's classes of the training run)");
        trimCommands(runtime.resolve("bin"));

        // 4. jpackage: app-image, then installers from it
        deleteTree(dest);
        Files.createDirectories(dest);
        List<String> image = new ArrayList<>(List.of("--type", "app-image", "--dest", dest.toString(),
                "--input", jar.getParent().toString(), "--main-jar", jar.getFileName().toString(),
                "--main-class", need("main-class"), "--runtime-image", runtime.toString(),
                "--app-version", need("app-version")));
        for (String option : values.get("java-options").split("\\s+")) {
            if (!option.isEmpty()) {
                image.addAll(List.of("--java-options", option));
            }
        }
        image.addAll(argsFile(Path.of("packaging/app-image.args")));
        image.addAll(argsFile(Path.of("packaging", os, "app-image.args")));
        tool("jpackage", image.toArray(String[]::new));
        Path appImage;
        try (Stream<Path> s = Files.list(dest)) {
            appImage = s.filter(Files::isDirectory).findFirst().orElseThrow(() -> new Failure("jpackage made no app-image"));
        }
        if (os.equals("linux")) {
            Path launcher = appImage.resolve("bin").resolve(appImage.getFileName());
            Files.writeString(launcher, substitute(Files.readString(Path.of("packaging/linux/launcher.sh")), launcher));
            Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
            say("launcher " + appImage.relativize(launcher) + " replaced by packaging/linux/launcher.sh (no rpm/dpkg queries at start)");
        }
        say("app-image " + dest.relativize(appImage) + " " + mb(size(appImage)));

        if (os.equals("linux")) {
            String arch = System.getProperty("os.arch");
            Path tarball = dest.resolve(appImage.getFileName() + "-" + need("app-version") + "-linux-" + arch + ".tar.gz");
            exec(List.of("tar", "-C", dest.toString(), "-czf", tarball.toString(), appImage.getFileName().toString()), 300);
            say("portable tarball " + dest.relativize(tarball) + " " + mb(Files.size(tarball)));
        }

        Path resources = work.resolve("resources");
        deleteTree(resources);
        Path osResources = Path.of("packaging", os, "resources");
        if (Files.isDirectory(osResources)) {
            Files.createDirectories(resources);
            try (Stream<Path> s = Files.list(osResources)) {
                for (Path r : s.toList()) {
                    Files.writeString(resources.resolve(r.getFileName()), substitute(Files.readString(r), r));
                }
            }
        }
        for (String type : csv(opts.getOrDefault("types", ""))) {
            if (type.equals("app-image")) {
                continue;
            }
            List<String> pkg = new ArrayList<>(List.of("--type", type, "--dest", dest.toString(),
                    "--app-image", appImage.toString(), "--app-version", need("app-version")));
            if (Files.isDirectory(resources)) {
                pkg.addAll(List.of("--resource-dir", resources.toString()));
            }
            pkg.addAll(argsFile(Path.of("packaging/package.args")));
            pkg.addAll(argsFile(Path.of("packaging", os, "package.args")));
            pkg.addAll(argsFile(Path.of("packaging", os, type + ".args")));
            List<Path> before = listFiles(dest);
            tool("jpackage", pkg.toArray(String[]::new));
            for (Path made : listFiles(dest)) {
                if (!before.contains(made)) {
                    say(type + " " + dest.relativize(made) + " " + mb(Files.size(made)));
                }
            }
        }
        say("done in " + TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0) + " s; everything is in " + dest);
    }

    /**
     * The runtime's commands: macOS keeps none (jpackage's launcher loads the JVM itself), Linux keeps java
     * (packaging/linux/launcher.sh starts it), Windows keeps bin/ whole: its DLLs live there.
     */
    private void trimCommands(Path bin) throws IOException {
        if (os.equals("macos")) {
            deleteTree(bin);
        } else if (os.equals("linux")) {
            try (Stream<Path> s = Files.list(bin)) {
                for (Path p : s.filter(p -> !p.getFileName().toString().equals("java")).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    // ---- settings files

    /** One jpackage option per line: "--name value" (the rest of the line is the value), # comments. */
    private List<String> argsFile(Path file) throws IOException {
        List<String> out = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return out;
        }
        for (String raw : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            line = substitute(line, file);
            int space = line.indexOf(' ');
            if (space < 0) {
                out.add(line);
            } else {
                out.add(line.substring(0, space));
                out.add(line.substring(space + 1).strip());
            }
        }
        return out;
    }

    private String substitute(String text, Path where) {
        Matcher m = Pattern.compile("\\$\\{([\\w.:-]+)}").matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String v = values.get(m.group(1));
            if (v == null) {
                throw new Failure(where + ": unknown ${" + m.group(1) + "}");
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(v));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private void loadBundle(String prefix, String file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(BUNDLES.resolve(file), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        p.stringPropertyNames().forEach(k -> values.put(prefix + ":" + k, p.getProperty(k)));
    }

    // ---- the module path: JavaFX and Jackson

    /**
     * The modular jars for the runtime image (with a module-info, also a multi-release one); JavaFX's empty
     * per-artifact jars, which have none, are skipped.
     */
    private static List<Path> moduleJars(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new Failure("missing " + dir + " (made by the dependency execution runtime-modules)");
        }
        List<Path> jars = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.sorted().toList()) {
                try (ZipFile z = new ZipFile(p.toFile())) {
                    if (z.getEntry("module-info.class") != null || z.getEntry("META-INF/versions/9/module-info.class") != null) {
                        jars.add(p.toAbsolutePath());
                    }
                }
            }
        }
        if (jars.isEmpty()) {
            throw new Failure("no module jars in " + dir);
        }
        return jars;
    }

    private static int copyNatives(Path jar, Path to) throws IOException {
        int n = 0;
        try (ZipFile z = new ZipFile(jar.toFile())) {
            for (ZipEntry e : z.stream().toList()) {
                String name = e.getName();
                if (!e.isDirectory() && !name.contains("/") && name.matches(".*\\.(so|dll|dylib)")) {
                    try (InputStream in = z.getInputStream(e)) {
                        Files.copy(in, to.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                    }
                    n++;
                }
            }
        }
        return n;
    }

    // ---- running things

    private static String tool(String name, String... args) {
        ToolProvider tp = ToolProvider.findFirst(name)
                .orElseThrow(() -> new Failure(name + " is not in this JDK (" + System.getProperty("java.home") + ")"));
        say("$ " + name + " " + String.join(" ", Arrays.stream(args).map(Packager::quote).toList()));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        int rc = tp.run(ps, ps, args);
        String out = bytes.toString(StandardCharsets.UTF_8);
        if (rc != 0) {
            throw new Failure(name + " exited with " + rc + ":\n" + out);
        }
        if (!name.equals("jdeps") && !out.isBlank()) {
            out.lines().forEach(l -> say("  " + l)); // jlink's and jpackage's warnings
        }
        return out;
    }

    private static String exec(List<String> cmd, long timeoutSeconds) throws IOException, InterruptedException {
        say("$ " + String.join(" ", cmd.stream().map(Packager::quote).toList()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Thread pump = new Thread(() -> {
            try (InputStream in = p.getInputStream()) {
                in.transferTo(bytes);
            } catch (IOException ignored) {
                // the process went away
            }
        });
        pump.start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new Failure(cmd.get(0) + " did not finish in " + timeoutSeconds + " s:\n" + bytes);
        }
        pump.join();
        String out = bytes.toString(StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            throw new Failure(String.join(" ", cmd) + " exited with " + p.exitValue() + ":\n" + out);
        }
        return out;
    }

    private static boolean onPath(String command) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .anyMatch(d -> Files.isExecutable(Path.of(d, command)));
    }

    // ---- small things

    private String need(String key) {
        String v = opts.get(key);
        if (v == null || v.isBlank()) {
            throw new Failure("missing --" + key + "=…");
        }
        return v;
    }

    private static List<String> csv(String s) {
        return Arrays.stream(s.split(",")).map(String::trim).filter(x -> !x.isEmpty()).toList();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String quote(String s) {
        return s.isEmpty() || s.matches(".*[\\s;'\"].*") ? "'" + s + "'" : s;
    }

    private static void say(String s) {
        System.out.println("[packager] " + s);
    }

    private static String mb(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1e6);
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        }
    }

    private static List<Path> listFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).toList();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** A failure with a message for the build log, not a stack trace. */
    private static final class Failure extends RuntimeException {
        Failure(String message) {
            super(message);
        }
    }
}
