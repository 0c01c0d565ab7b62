package dev.mqttdesk.core.desktop;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Whether the desktop asks for dark windows. JavaFX 21 cannot tell (Platform.Preferences came in 22): on
 * Linux, GNOME's {@code color-scheme} setting or a GTK_THEME ending in {@code :dark}; elsewhere light.
 * Runs a process, so never on the FX thread.
 */
public final class SystemColorScheme {

    private static final long TIMEOUT_MS = 1500;
    private static volatile CompletableFuture<Boolean> ahead;

    private SystemColorScheme() {
    }

    /** Starts asking at once (from main, while JavaFX starts), so the first window can open in the right theme. */
    public static CompletableFuture<Boolean> readAhead() {
        CompletableFuture<Boolean> f = ahead;
        if (f == null) {
            f = CompletableFuture.supplyAsync(() -> prefersDark(System.getenv(), System.getProperty("os.name", "")));
            ahead = f;
        }
        return f;
    }

    /** The answer, asked now unless {@link #readAhead()} has asked already. Blocks up to the process's timeout. */
    public static boolean prefersDark() {
        return readAhead().join();
    }

    static boolean prefersDark(Map<String, String> env, String osName) {
        if (!osName.toLowerCase(Locale.ROOT).contains("linux")) {
            return false;
        }
        if (gtkThemeIsDark(env.get("GTK_THEME"))) {
            return true;
        }
        return gsettingsSaysDark(run("gsettings", "get", "org.gnome.desktop.interface", "color-scheme"));
    }

    /** {@code Adwaita:dark} and the like. */
    static boolean gtkThemeIsDark(String gtkTheme) {
        return gtkTheme != null && gtkTheme.strip().toLowerCase(Locale.ROOT).endsWith(":dark");
    }

    /** gsettings prints the value quoted: {@code 'prefer-dark'}, {@code 'default'}, {@code 'prefer-light'}. */
    static boolean gsettingsSaysDark(String output) {
        return output != null && output.strip().replace("'", "").equals("prefer-dark");
    }

    /** The command's standard output, or null when it is missing, fails or takes too long. */
    private static String run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(false)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            try (InputStream out = p.getInputStream()) {
                if (!p.waitFor(TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
                    p.destroyForcibly();
                    return null;
                }
                return p.exitValue() == 0 ? new String(out.readAllBytes(), StandardCharsets.UTF_8) : null;
            }
        } catch (IOException e) {
            return null; // no gsettings: not GNOME
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
