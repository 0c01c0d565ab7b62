package dev.mqttdesk.settings;

import dev.mqttdesk.core.profile.AppSettings;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SettingsViewModelTest {

    private final List<AppSettings> saved = new ArrayList<>();

    @Test
    void without_a_saved_theme_the_system_theme_shows_and_follows_the_system_until_one_is_chosen() {
        SettingsViewModel model = new SettingsViewModel(new AppSettings(5000), Theme.LIGHT, saved::add);
        assertEquals(Theme.LIGHT, model.themeProperty().get());
        model.systemThemeIs(Theme.DARK);
        assertEquals(Theme.DARK, model.themeProperty().get());
        assertEquals(List.of(), saved, "following the system saves nothing");

        model.chooseTheme(Theme.LIGHT);
        model.systemThemeIs(Theme.DARK);
        assertEquals(Theme.LIGHT, model.themeProperty().get(), "a chosen theme stays");
        assertEquals(List.of(new AppSettings(5000, "light", null)), saved, "saved with the log size kept");
    }

    @Test
    void a_saved_theme_wins_over_the_system() {
        SettingsViewModel model = new SettingsViewModel(new AppSettings(5000, "dark", null), Theme.LIGHT, saved::add);
        assertEquals(Theme.DARK, model.themeProperty().get());
        model.systemThemeIs(Theme.LIGHT);
        assertEquals(Theme.DARK, model.themeProperty().get());
    }

    @Test
    void a_new_language_is_saved_and_needs_a_restart_and_going_back_needs_none() {
        SettingsViewModel model = new SettingsViewModel(new AppSettings(5000, "dark", "en"), Theme.LIGHT, saved::add);
        assertEquals(Language.ENGLISH, model.languageProperty().get());
        assertFalse(model.restartNeededProperty().get());

        model.chooseLanguage(Language.CHINESE);
        assertTrue(model.restartNeededProperty().get());
        assertEquals(new AppSettings(5000, "dark", "zh-CN"), saved.get(saved.size() - 1));

        model.chooseLanguage(Language.SYSTEM);
        assertNull(saved.get(saved.size() - 1).language(), "following the system is saved as no language");
        assertTrue(model.restartNeededProperty().get());

        model.chooseLanguage(Language.ENGLISH);
        assertFalse(model.restartNeededProperty().get());
    }

    @Test
    void saved_names_map_to_themes_and_languages_and_unknown_ones_follow_the_system() {
        assertEquals(Theme.DARK, Theme.fromId("dark").orElseThrow());
        assertTrue(Theme.fromId("purple").isEmpty());
        assertTrue(Theme.fromId(null).isEmpty());
        assertEquals(Language.CHINESE, Language.fromTag("zh-CN"));
        assertEquals(Language.SYSTEM, Language.fromTag("fr"));
        assertEquals(Language.SYSTEM, Language.fromTag(null));
        assertEquals("zh", Language.CHINESE.locale().getLanguage());
        assertEquals("CN", Language.CHINESE.locale().getCountry());
    }
}
