package dev.mqttdesk.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The i18n keys the source uses, found by reading it: the string literals in the first argument of
 * {@code Text.of}, {@code new Text}, {@code Messages.get}, {@code Messages.format},
 * {@code new InvalidInputException} and of any method declared with a first parameter {@code String key}
 * that hands it to {@code Messages} or {@code Text} (a helper like {@code constant(String key)}); and
 * {@code %key} in FXML. A literal followed by {@code +} is the fixed start of a key built at run time:
 * those are returned apart, as {@link Use#prefix()}, for the test to cover by enumerating the values.
 */
public final class UsedKeys {

    /** One key (or the start of one, when {@code prefix}) and where it was used. */
    public record Use(String key, boolean prefix, String where) {
    }

    public static final Path MAIN_JAVA = Path.of("src/main/java");
    public static final Path MAIN_RESOURCES = Path.of("src/main/resources");

    private static final Pattern FXML_KEY = Pattern.compile("\"%([A-Za-z][A-Za-z0-9_.\\-]*)\"");
    private static final Pattern KEY_HELPER = Pattern.compile(
            "\\b(\\w+)\\s*\\(\\s*(?:final\\s+)?String\\s+key\\b[^{;]*\\{([^}]*)}");
    private static final List<String> CALLS = List.of("Text.of(", "new Text(", "Messages.get(", "Messages.format(",
            "new InvalidInputException(");

    private UsedKeys() {
    }

    /** Every use of a key in the main Java sources under this folder (relative to {@link #MAIN_JAVA}) and in all FXML. */
    public static List<Use> find() {
        List<Use> uses = new ArrayList<>();
        List<Path> sources = files(MAIN_JAVA, ".java");
        List<String> calls = new ArrayList<>(CALLS);
        for (Path p : sources) {
            Matcher m = KEY_HELPER.matcher(read(p));
            while (m.find()) {
                if (m.group(2).contains("Messages.") || m.group(2).contains("Text.of(key")) {
                    calls.add(m.group(1) + "(");
                }
            }
        }
        for (Path p : sources) {
            String code = read(p);
            for (String call : calls) {
                int at = code.indexOf(call);
                while (at >= 0) {
                    boolean wholeName = at == 0 || !Character.isJavaIdentifierPart(code.charAt(at - 1)) || call.contains(".");
                    boolean notDeclaration = !declares(code, at);
                    if (wholeName && notDeclaration) {
                        literalsOfFirstArgument(code, at + call.length(), MAIN_JAVA.relativize(p) + ":" + line(code, at), uses);
                    }
                    at = code.indexOf(call, at + 1);
                }
            }
        }
        for (Path p : files(MAIN_RESOURCES, ".fxml")) {
            String xml = read(p);
            Matcher m = FXML_KEY.matcher(xml);
            while (m.find()) {
                uses.add(new Use(m.group(1), false, MAIN_RESOURCES.relativize(p) + ":" + line(xml, m.start())));
            }
        }
        return uses;
    }

    /** The keys (not prefixes) used by sources whose path, relative to {@link #MAIN_JAVA}, starts with this. */
    public static Set<String> keysUnder(String folder) {
        Set<String> keys = new TreeSet<>();
        for (Use u : find()) {
            if (!u.prefix() && u.where().startsWith(folder)) {
                keys.add(u.key());
            }
        }
        return keys;
    }

    private static boolean declares(String code, int at) {
        // "String constant(String key)": a declaration has a type right before the name.
        int i = at - 1;
        while (i >= 0 && code.charAt(i) == ' ') {
            i--;
        }
        return i >= 0 && Character.isJavaIdentifierPart(code.charAt(i)) && !code.startsWith("return", Math.max(0, i - 5))
                && !code.startsWith("new", Math.max(0, i - 2));
    }

    /** Adds the string literals of the argument that starts at {@code from}, up to its comma or closing parenthesis. */
    private static void literalsOfFirstArgument(String code, int from, String where, List<Use> uses) {
        int depth = 0;
        int i = from;
        while (i < code.length()) {
            char c = code.charAt(i);
            if (c == '"') {
                int end = endOfLiteral(code, i);
                String literal = code.substring(i + 1, end);
                int after = end + 1;
                while (after < code.length() && Character.isWhitespace(code.charAt(after))) {
                    after++;
                }
                boolean prefix = after < code.length() && code.charAt(after) == '+';
                if (depth == 0 && looksLikeKey(literal)) {
                    uses.add(new Use(literal, prefix, where));
                }
                i = end + 1;
                continue;
            }
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                if (depth == 0) {
                    return;
                }
                depth--;
            } else if (c == ',' && depth == 0) {
                return;
            }
            i++;
        }
    }

    private static boolean looksLikeKey(String literal) {
        return literal.matches("[A-Za-z][A-Za-z0-9_]*(\\.[A-Za-z0-9_]+)*\\.?") && literal.contains(".");
    }

    private static int endOfLiteral(String code, int open) {
        int i = open + 1;
        while (code.charAt(i) != '"') {
            i += code.charAt(i) == '\\' ? 2 : 1;
        }
        return i;
    }

    private static int line(String text, int at) {
        int n = 1;
        for (int i = 0; i < at; i++) {
            n += text.charAt(i) == '\n' ? 1 : 0;
        }
        return n;
    }

    private static List<Path> files(Path root, String suffix) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
