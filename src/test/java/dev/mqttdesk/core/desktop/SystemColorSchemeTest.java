package dev.mqttdesk.core.desktop;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SystemColorSchemeTest {

    @Test
    void gnome_prefer_dark_and_a_dark_gtk_theme_ask_for_dark() {
        assertTrue(SystemColorScheme.gsettingsSaysDark("'prefer-dark'\n"));
        assertFalse(SystemColorScheme.gsettingsSaysDark("'default'\n"));
        assertFalse(SystemColorScheme.gsettingsSaysDark("'prefer-light'"));
        assertFalse(SystemColorScheme.gsettingsSaysDark(null));
        assertTrue(SystemColorScheme.gtkThemeIsDark("Adwaita:dark"));
        assertFalse(SystemColorScheme.gtkThemeIsDark("Adwaita"));
        assertFalse(SystemColorScheme.gtkThemeIsDark(null));
    }

    @Test
    void a_dark_gtk_theme_on_linux_is_dark_and_other_systems_are_light() {
        assertTrue(SystemColorScheme.prefersDark(Map.of("GTK_THEME", "Adwaita:dark"), "Linux"));
        assertFalse(SystemColorScheme.prefersDark(Map.of("GTK_THEME", "Adwaita:dark"), "Windows 11"));
    }

    /** The answer on this machine is what gsettings itself says (light where there is no gsettings). */
    @Test
    void on_this_machine_the_answer_agrees_with_gsettings() throws Exception {
        String out;
        try {
            Process p = new ProcessBuilder("gsettings", "get", "org.gnome.desktop.interface", "color-scheme").start();
            assertTrue(p.waitFor(5, TimeUnit.SECONDS));
            out = p.exitValue() == 0 ? new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8) : "";
        } catch (IOException noGsettings) {
            out = "";
        }
        assertEquals(out.contains("prefer-dark"), SystemColorScheme.prefersDark(Map.of(), "Linux"));
    }
}
