package dev.mqttdesk.miniprogram.ui;

import dev.mqttdesk.ui.AppUi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** "Mini-program code…" in the real window: the selected connection's page, previewed, flavour switched. */
class MiniProgramUiTest {

    private AppUi ui;

    @BeforeEach
    void start() throws Exception {
        ui = AppUi.start();
    }

    @AfterEach
    void stop() throws Exception {
        ui.close();
    }

    @Test
    void the_dialog_shows_the_page_for_the_selected_connection_and_switches_flavour() throws Exception {
        ui.type("#brokerUrlField", "wxs://b.example.com:443/mqtt");
        ui.robot.type(javafx.scene.input.KeyCode.ENTER);
        ui.type("#usernameField", "alice");
        ui.type("#passwordField", "secret-pw");
        ui.click("#miniProgramButton");
        ui.waitFor(() -> ui.robot.lookup("#miniProgramPreview").tryQuery().isPresent()
                && ui.text("#miniProgramPreview").contains("Page({"));
        String js = ui.text("#miniProgramPreview");
        assertTrue(js.contains("scheme: 'wxs'") && js.contains("host: 'b.example.com'") && js.contains("port: 443"), js);
        assertTrue(js.contains("username: 'alice'"), js);
        assertFalse(js.contains("secret-pw") || js.contains("password:"), "never the saved password");
        assertTrue(ui.text("#miniProgramFileName").equals("pages/index/index.js"));

        ui.click("#miniProgramUniappRadio");
        ui.waitFor(() -> ui.text("#miniProgramPreview").contains("<template>"));
        assertTrue(ui.text("#miniProgramFileName").equals("pages/index/index.vue"));

        ui.type("#miniProgramUrlField", "mqtt://b.example.com:1883");
        ui.waitFor(() -> ui.node("#miniProgramError").isVisible());
        assertTrue(ui.node("#miniProgramSaveButton").isDisabled() && ui.node("#miniProgramCopyButton").isDisabled());
    }
}
