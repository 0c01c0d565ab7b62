package dev.mqttdesk.settings;

import dev.mqttdesk.core.profile.AppSettings;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
    void a_chosen_language_is_shown_and_saved_and_following_the_system_saves_none() {
        SettingsViewModel model = new SettingsViewModel(new AppSettings(5000, "dark", "en"), Theme.LIGHT, saved::add);
        assertEquals(Language.ENGLISH, model.languageProperty().get());

        model.chooseLanguage(Language.CHINESE);
        assertEquals(Language.CHINESE, model.languageProperty().get());
        assertEquals(new AppSettings(5000, "dark", "zh-CN"), saved.get(saved.size() - 1));

        model.chooseLanguage(Language.SYSTEM);
        assertEquals(Language.SYSTEM, model.languageProperty().get());
        assertNull(saved.get(saved.size() - 1).language(), "following the system is saved as no language");
    }

    @Test
    void saved_names_map_to_themes_and_languages_and_unknown_ones_follow_the_system() {
        assertEquals(Theme.DARK, Theme.fromId("dark").orElseThrow());
        assertTrue(Theme.fromId("purple").isEmpty());
        assertTrue(Theme.fromId(null).isEmpty());
        assertEquals(Language.CHINESE, Language.fromTag("zh-CN"));
        assertEquals(Language.SYSTEM, Language.fromTag("fr"));
        assertEquals(Language.SYSTEM, Language.fromTag(null));
        assertEquals("zh", Language.CHINESE.locale(Locale.ENGLISH).getLanguage());
        assertEquals("CN", Language.CHINESE.locale(Locale.ENGLISH).getCountry());
        assertEquals(Locale.GERMANY, Language.SYSTEM.locale(Locale.GERMANY), "the system's is the one found at start");
    }
}
