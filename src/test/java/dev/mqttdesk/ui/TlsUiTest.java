package dev.mqttdesk.ui;

import dev.mqttdesk.core.i18n.Messages;
import dev.mqttdesk.testing.Mosquitto;
import dev.mqttdesk.testing.TestPki;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TitledPane;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The TLS pane and the inspector through the contract's ids, against a mosquitto that requires client certificates. */
class TlsUiTest {

    static TestPki pki;
    static Mosquitto broker;
    AppUi ui;

    @BeforeAll
    static void startBroker() {
        pki = TestPki.shared();
        broker = Mosquitto.builder().tls(pki.good()).requireClientCertificate().start();
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @BeforeEach
    void startApp() throws Exception {
        ui = AppUi.start();
        ui.robot.interact(() -> ((TitledPane) ui.node("#tlsPane")).setExpanded(true));
    }

    @AfterEach
    void stopApp() throws Exception {
        ui.close();
    }

    private void set(String query, String text) {
        ui.robot.interact(() -> ((TextInputControl) ui.node(query)).setText(text));
    }

    private void press(String query) {
        ui.robot.interact(() -> ((javafx.scene.control.ButtonBase) ui.node(query)).fire());
    }

    private String url() {
        return "mqtts://localhost:" + broker.port("tls");
    }

    @Test
    void the_choose_buttons_show_their_whole_text_at_the_default_window_size() throws Exception {
        for (String id : java.util.List.of("#caFileButton", "#clientCertButton", "#clientKeyButton")) {
            javafx.scene.control.Button b = ui.node(id);
            String shown = ui.robot.from(b).lookup(".text").<javafx.scene.text.Text>query().getText();
            assertEquals(b.getText(), shown, id + " is cut off");
        }
    }

    @Test
    void after_a_mutual_tls_connection_the_inspector_shows_the_chain_the_host_and_the_trust() throws Exception {
        set("#caFileField", pki.caCert().toString());
        set("#clientCertField", pki.clientRsa("client-rsa-encrypted.key").cert().toString());
        set("#clientKeyField", pki.clientRsa("client-rsa-encrypted.key").key().toString());
        set("#clientKeyPasswordField", TestPki.KEY_PASSWORD);
        ui.connect(url());
        ui.click("#tlsInspectButton");
        ui.waitFor(() -> ui.robot.lookup("#tlsInspector").tryQuery().isPresent());
        String text = ((TextArea) ui.node("#tlsInspector")).getText();
        assertTrue(text.contains("CN=localhost"), text);
        assertTrue(text.contains("CN=MQTT Desk Test CA"), text);
        assertTrue(text.contains("DNS:localhost, IP:127.0.0.1"), text);
        assertTrue(text.contains(Messages.format("tlsInspector.hostMatched", "localhost")), text);
        assertTrue(text.contains(Messages.get("tlsInspector.decided.CA_FILE")), text);
        assertTrue(text.matches("(?s).*SHA-256: ([0-9A-F]{2}:){31}[0-9A-F]{2}.*"), text);
        String png = System.getenv("TLS_INSPECTOR_PNG"); // README's screenshot: TLS_INSPECTOR_PNG=docs/tls-inspector.png
        if (png != null) {
            writePng(ui.node("#tlsInspector").getScene(), java.nio.file.Path.of(png));
        }
    }

    private void writePng(javafx.scene.Scene scene, java.nio.file.Path file) throws Exception {
        var image = new java.util.concurrent.atomic.AtomicReference<javafx.scene.image.WritableImage>();
        ui.robot.interact(() -> image.set(scene.snapshot(null)));
        var fx = image.get();
        var out = new java.awt.image.BufferedImage((int) fx.getWidth(), (int) fx.getHeight(), java.awt.image.BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < out.getHeight(); y++) {
            for (int x = 0; x < out.getWidth(); x++) {
                out.setRGB(x, y, fx.getPixelReader().getArgb(x, y));
            }
        }
        javax.imageio.ImageIO.write(out, "png", file.toFile());
    }

    @Test
    void with_the_sni_host_a_certificate_for_that_name_is_accepted_by_ip_and_the_inspector_checks_that_name() throws Exception {
        try (Mosquitto named = Mosquitto.builder().listener("wrong-host", Mosquitto.Kind.TLS, pki.wrongHost()).start()) {
            set("#caFileField", pki.caCert().toString());
            set("#tlsSniHostField", TestPki.WRONG_HOST);
            ui.connect("mqtts://127.0.0.1:" + named.port("wrong-host"));
            ui.click("#tlsInspectButton");
            ui.waitFor(() -> ui.robot.lookup("#tlsInspector").tryQuery().isPresent());
            String text = ((TextArea) ui.node("#tlsInspector")).getText();
            assertTrue(text.contains(Messages.format("tlsInspector.hostMatched", TestPki.WRONG_HOST)), text);
        }
    }

    @Test
    void a_key_that_is_not_the_certificates_is_refused_at_the_key_field() throws Exception {
        set("#caFileField", pki.caCert().toString());
        set("#clientCertField", pki.clientRsa("client-rsa.key").cert().toString());
        set("#clientKeyField", pki.file("stranger.key").toString());
        ui.type("#brokerUrlField", url());
        ui.robot.type(javafx.scene.input.KeyCode.ENTER);
        press("#connectButton");
        ui.waitFor(() -> ui.hasStyle("#clientKeyField", "field-error"));
        assertTrue(ui.node("#tlsError").isVisible());
        assertTrue(ui.hasStyle("#connectionStatus", "disconnected"));
    }

    @Test
    void without_a_client_certificate_the_inspector_still_shows_the_broker_chain_and_the_error() throws Exception {
        set("#caFileField", pki.caCert().toString());
        ui.type("#brokerUrlField", url());
        ui.robot.type(javafx.scene.input.KeyCode.ENTER);
        press("#connectButton");
        String required = Messages.get("tls.reason.clientCertificateRequired");
        ui.waitFor(() -> ui.text("#connectionError").contains(required));
        press("#tlsInspectButton");
        ui.waitFor(() -> ui.robot.lookup("#tlsInspector").tryQuery().isPresent());
        String text = ((TextArea) ui.node("#tlsInspector")).getText();
        assertTrue(text.contains("CN=localhost"), text);
        assertTrue(text.contains(required), text);
        assertEquals(1, ui.robot.lookup("#tlsInspector").queryAll().size());
    }
}
