package dev.mqttdesk.settings;

import dev.mqttdesk.core.i18n.Messages;
import dev.mqttdesk.ui.Choices;
import javafx.fxml.FXML;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;

/** Thin controller of the app bar's theme and language choices. */
public final class SettingsView {

    @FXML private ChoiceBox<Theme> themeChoice;
    @FXML private ChoiceBox<Language> languageChoice;
    @FXML private Label languageNotice;

    private final SettingsViewModel model;

    public SettingsView(SettingsViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        themeChoice.setConverter(Choices.converter(t -> Messages.get(t.labelKey())));
        themeChoice.getItems().setAll(Theme.values());
        themeChoice.setValue(model.themeProperty().get());
        model.themeProperty().addListener((o, was, now) -> themeChoice.setValue(now));
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
        languageNotice.visibleProperty().bind(model.restartNeededProperty());
        languageNotice.managedProperty().bind(model.restartNeededProperty());
    }
}
