package dev.mqttdesk.ui;

import dev.mqttdesk.settings.Language;
import dev.mqttdesk.settings.Theme;
import javafx.application.Application;
import javafx.scene.control.ChoiceBox;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Theme and language through #themeChoice and #languageChoice: applied, saved, and there again after a restart. */
class SettingsUiTest {

    private static final ResourceBundle EN = ResourceBundle.getBundle("dev.mqttdesk.i18n.messages", Locale.ROOT);
    private static final ResourceBundle ZH = ResourceBundle.getBundle("dev.mqttdesk.i18n.messages", Locale.SIMPLIFIED_CHINESE);
    private final Locale startedWith = Locale.getDefault();
    private AppUi ui;

    @AfterEach
    void stopApp() throws Exception {
        if (ui != null) {
            ui.close();
        }
        Locale.setDefault(startedWith); // the app set the chosen language as the JVM's default
        Application.setUserAgentStylesheet(null);
    }

    @SuppressWarnings("unchecked")
    private <T> ChoiceBox<T> choice(String id) {
        return (ChoiceBox<T>) ui.<ChoiceBox<T>>node(id);
    }

    /** Opens the choice box and clicks the item with this text, as a user does. */
    private void pick(String id, String itemText) {
        ui.click(id);
        ui.robot.clickOn(itemText);
    }

    /** The contract: settings.json holds a change within 2 s. */
    private static void savedWithin2s(Path file, String text) throws Exception {
        WaitForAsyncUtils.waitFor(2, TimeUnit.SECONDS, () -> Files.exists(file) && Files.readString(file).contains(text));
    }

    /** The main window's background, which app.css paints with the theme's -color-bg-inset. */
    private Color background() {
        Region main = ui.node(".main");
        return (Color) main.getBackground().getFills().get(0).getFill();
    }

    @Test
    void the_chosen_theme_and_language_are_applied_saved_and_kept_by_a_restart() throws Exception {
        Locale.setDefault(Locale.ENGLISH);
        Path home = Files.createTempDirectory("mqttdesk-home");
        ui = AppUi.start(home);
        // This machine's desktop asks for no dark windows (SystemColorSchemeTest says what it asks).
        assertEquals(Theme.LIGHT, choice("#themeChoice").getValue());
        assertEquals(Theme.LIGHT.userAgentStylesheet(), Application.getUserAgentStylesheet());
        assertEquals(Color.web("#f6f8fa"), background(), "Primer light's -color-bg-inset");
        assertEquals(Language.SYSTEM, choice("#languageChoice").getValue());
        assertEquals(EN.getString("app.check"), ui.text("#checkButton"));
        assertFalse(Files.exists(home.resolve("settings.json")), "following the system saves nothing");

        pick("#themeChoice", EN.getString("settings.theme.dark"));
        ui.waitFor(() -> Theme.DARK.userAgentStylesheet().equals(Application.getUserAgentStylesheet()));
        ui.waitFor(() -> Color.web("#010409").equals(background())); // Primer dark's -color-bg-inset, at once
        savedWithin2s(home.resolve("settings.json"), "\"dark\"");

        pick("#languageChoice", EN.getString("settings.language.zh"));
        ui.waitFor(() -> ZH.getString("app.check").equals(ui.text("#checkButton"))); // at once, no restart
        assertEquals(ZH.getString("connection.connect"), ui.text("#connectButton"), "the connection's page too");
        assertEquals(ZH.getString("subscribe.subscribe"), ui.text("#subscribeButton"));
        assertEquals(Language.CHINESE, choice("#languageChoice").getValue());
        assertEquals(Theme.DARK, choice("#themeChoice").getValue(), "the theme stays");
        savedWithin2s(home.resolve("settings.json"), "\"zh-CN\"");

        ui.close();
        Application.setUserAgentStylesheet(null);
        ui = AppUi.start(home);
        assertEquals(ZH.getString("app.check"), ui.text("#checkButton"));
        assertEquals(ZH.getString("settings.theme.dark"), choice("#themeChoice").getConverter().toString(Theme.DARK));
        assertEquals(Theme.DARK, choice("#themeChoice").getValue());
        assertEquals(Language.CHINESE, choice("#languageChoice").getValue());
        assertEquals(Theme.DARK.userAgentStylesheet(), Application.getUserAgentStylesheet());
        assertEquals(Color.web("#010409"), background());

        // Back to light, in Chinese now: applied at once again.
        pick("#themeChoice", ZH.getString("settings.theme.light"));
        ui.waitFor(() -> Theme.LIGHT.userAgentStylesheet().equals(Application.getUserAgentStylesheet()));
        savedWithin2s(home.resolve("settings.json"), "\"light\"");
        assertTrue(Files.readString(home.resolve("settings.json")).contains("\"zh-CN\""));
    }
}
