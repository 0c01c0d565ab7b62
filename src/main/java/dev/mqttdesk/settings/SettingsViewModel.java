package dev.mqttdesk.settings;

import dev.mqttdesk.core.profile.AppSettings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import java.util.function.Consumer;

/**
 * The app-wide choices of the app bar: theme and language. A choice is saved at once; until the user
 * chooses a theme, it follows the system's. A new language shows from the next start (the open windows keep
 * theirs), which {@link #restartNeededProperty()} says.
 */
public final class SettingsViewModel {

    private final ReadOnlyObjectWrapper<Theme> theme = new ReadOnlyObjectWrapper<>(this, "theme");
    private final ReadOnlyObjectWrapper<Language> language = new ReadOnlyObjectWrapper<>(this, "language");
    private final ReadOnlyBooleanWrapper restartNeeded = new ReadOnlyBooleanWrapper(this, "restartNeeded");
    private final Language running;
    private final Consumer<AppSettings> save;
    private AppSettings settings;

    /**
     * @param loaded      what settings.json held at start (its language is the one running)
     * @param systemTheme the theme to show while none is saved (the system's, or light until it is known)
     * @param save        queues the settings to be written
     */
    public SettingsViewModel(AppSettings loaded, Theme systemTheme, Consumer<AppSettings> save) {
        this.settings = loaded;
        this.save = save;
        this.running = Language.fromTag(loaded.language());
        theme.set(Theme.fromId(loaded.theme()).orElse(systemTheme));
        language.set(running);
    }

    public void chooseTheme(Theme t) {
        theme.set(t);
        settings = new AppSettings(settings.logCapacity(), t.id(), settings.language());
        save.accept(settings);
    }

    public void chooseLanguage(Language l) {
        language.set(l);
        restartNeeded.set(l != running);
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

    public ReadOnlyBooleanProperty restartNeededProperty() {
        return restartNeeded.getReadOnlyProperty();
    }
}
