package dev.mqttdesk.settings;

import dev.mqttdesk.core.i18n.Messages;
import dev.mqttdesk.ui.Choices;
import dev.mqttdesk.ui.ViewLifetime;
import javafx.fxml.FXML;
import javafx.scene.control.ChoiceBox;

/** Thin controller of the app bar's theme and language choices. */
public final class SettingsView {

    @FXML private ChoiceBox<Theme> themeChoice;
    @FXML private ChoiceBox<Language> languageChoice;

    private final SettingsViewModel model;
    private final ViewLifetime life;

    public SettingsView(SettingsViewModel model, ViewLifetime life) {
        this.model = model;
        this.life = life;
    }

    @FXML
    private void initialize() {
        themeChoice.setConverter(Choices.converter(t -> Messages.get(t.labelKey())));
        themeChoice.getItems().setAll(Theme.values());
        themeChoice.setValue(model.themeProperty().get());
        life.listen(model.themeProperty(), (o, was, now) -> themeChoice.setValue(now));
        themeChoice.valueProperty().addListener((o, was, now) -> {
            if (now != null && now != model.themeProperty().get()) {
                model.chooseTheme(now);
            }
        });

        languageChoice.setConverter(Choices.converter(l -> Messages.get(l.labelKey())));
        languageChoice.getItems().setAll(Language.values());
        languageChoice.setValue(model.languageProperty().get());
        languageChoice.valueProperty().addListener((o, was, now) -> {
            if (now != null && now != model.languageProperty().get()) {
                model.chooseLanguage(now);
            }
        });
    }
}
