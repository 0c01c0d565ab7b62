package dev.mqttdesk.settings;

import dev.mqttdesk.core.profile.AppSettings;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import java.util.function.Consumer;

/**
 * The app-wide choices of the app bar: theme and language. A choice is saved at once; until the user
 * chooses a theme, it follows the system's. The window shows a new language at once (the app remakes it).
 */
public final class SettingsViewModel {

    private final ReadOnlyObjectWrapper<Theme> theme = new ReadOnlyObjectWrapper<>(this, "theme");
    private final ReadOnlyObjectWrapper<Language> language = new ReadOnlyObjectWrapper<>(this, "language");
    private final Consumer<AppSettings> save;
    private AppSettings settings;

    /**
     * @param loaded      what settings.json held at start
     * @param systemTheme the theme to show while none is saved (the system's, or light until it is known)
     * @param save        queues the settings to be written
     */
    public SettingsViewModel(AppSettings loaded, Theme systemTheme, Consumer<AppSettings> save) {
        this.settings = loaded;
        this.save = save;
        theme.set(Theme.fromId(loaded.theme()).orElse(systemTheme));
        language.set(Language.fromTag(loaded.language()));
    }

    public void chooseTheme(Theme t) {
        theme.set(t);
        settings = new AppSettings(settings.logCapacity(), t.id(), settings.language());
        save.accept(settings);
    }

    public void chooseLanguage(Language l) {
        language.set(l);
        settings = new AppSettings(settings.logCapacity(), settings.theme(), l.tag());
        save.accept(settings);
    }

    /** The system's theme, once known: shown unless the user has chosen one. */
    public void systemThemeIs(Theme t) {
        if (settings.theme() == null) {
            theme.set(t);
        }
    }

    public ReadOnlyObjectProperty<Theme> themeProperty() {
        return theme.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Language> languageProperty() {
        return language.getReadOnlyProperty();
    }
}
