package dev.mqttdesk.ui;

import dev.mqttdesk.core.log.Message;
import dev.mqttdesk.testing.Mosquitto;
import dev.mqttdesk.workspace.Profile;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The workspace through the contract's ids: several connections at once, each with only its own messages. */
class WorkspaceUiTest {

    static Mosquitto first;
    static Mosquitto second;
    AppUi ui;

    @BeforeAll
    static void startBrokers() {
        first = Mosquitto.startTcp();
        second = Mosquitto.startTcp();
    }

    @AfterAll
    static void stopBrokers() {
        first.close();
        second.close();
    }

    @AfterEach
    void stopApp() throws Exception {
        if (ui != null) {
            ui.close();
        }
    }

    @SuppressWarnings("unchecked")
    private TreeView<Object> tree() {
        return (TreeView<Object>) ui.<TreeView<Object>>node("#profileList");
    }

    @SuppressWarnings("unchecked")
    private List<Message> shown() {
        return ((TableView<Message>) ui.node("#messageLog")).getItems();
    }

    private void select(String name) throws Exception {
        ui.robot.interact(() -> {
            for (TreeItem<Object> item : allItems(tree().getRoot())) {
                if (item.getValue() instanceof Profile p && p.nameProperty().get().equals(name)) {
                    tree().getSelectionModel().select(item);
                }
            }
        });
        ui.waitFor(() -> ui.text("#profileNameField").equals(name));
    }

    private static List<TreeItem<Object>> allItems(TreeItem<Object> root) {
        List<TreeItem<Object>> all = new java.util.ArrayList<>();
        for (TreeItem<Object> c : root.getChildren()) {
            all.add(c);
            all.addAll(allItems(c));
        }
        return all;
    }

    /** The cell the sidebar shows for a connection (text starts with its name). */
    private TreeCell<?> cellOf(String name) {
        Set<TreeCell> cells = ui.robot.lookup("#profileList .tree-cell").queryAllAs(TreeCell.class);
        return cells.stream().filter(c -> c.getText() != null && c.getText().startsWith(name)).findFirst().orElseThrow();
    }

    private void newConnection(String name, String url) throws Exception {
        ui.click("#newProfileButton");
        ui.waitFor(() -> ui.text("#profileNameField").startsWith("New connection"));
        ui.type("#profileNameField", name);
        ui.type("#brokerUrlField", url);
        ui.robot.type(KeyCode.ENTER);
    }

    @Test
    void two_connections_to_two_brokers_each_log_only_their_own_messages_and_a_restart_keeps_everything() throws Exception {
        Path home = Files.createTempDirectory("mqttdesk-home");
        ui = AppUi.start(home);
        newConnection("alpha", "mqtt://127.0.0.1:" + first.tcpPort());
        ui.click("#connectButton");
        ui.waitFor(() -> ui.hasStyle("#connectionStatus", "connected"));
        ui.subscribe("a/#");

        newConnection("beta", "mqtt://127.0.0.1:" + second.tcpPort());
        ui.type("#usernameField", "bob");
        ui.type("#passwordField", "beta-secret");
        ui.click("#connectButton");
        ui.waitFor(() -> ui.hasStyle("#connectionStatus", "connected"));
        ui.subscribe("b/#");
        ui.type("#pubTopicField", "b/draft");
        // The log's bounds are the connection's own: "Keep last" and its MB beside it.
        ui.type("#logCapacityField", "2000");
        ui.robot.type(KeyCode.ENTER);
        ui.type("#logMaxMbField", "32");
        ui.robot.type(KeyCode.ENTER);

        first.pub("-t", "a/1", "-m", "for alpha");
        second.pub("-t", "b/1", "-m", "for beta");
        second.pub("-t", "a/1", "-m", "beta broker, alpha-like topic");
        ui.waitFor(() -> shown().size() == 1);
        assertEquals("for beta", shown().get(0).payloadText());
        ui.waitFor(() -> cellOf("alpha").getText().contains("1"));
        assertTrue(cellOf("alpha").getStyleClass().contains("connected"));
        assertTrue(cellOf("beta").getStyleClass().contains("connected"));

        select("alpha");
        ui.waitFor(() -> shown().size() == 1);
        assertEquals("for alpha", shown().get(0).payloadText());
        assertEquals("1", ui.text("#receivedCount"));

        // Disconnecting one leaves the other alone.
        ui.click("#disconnectButton");
        ui.waitFor(() -> ui.hasStyle("#connectionStatus", "disconnected"));
        ui.waitFor(() -> cellOf("alpha").getStyleClass().contains("disconnected"));
        assertTrue(cellOf("beta").getStyleClass().contains("connected"));
        second.pub("-t", "b/2", "-m", "still there");
        select("beta");
        ui.waitFor(() -> shown().size() == 2);

        ui.waitFor(() -> Files.readString(home.resolve("profiles.json")).contains("b/draft"));
        ui.waitFor(() -> Files.readString(home.resolve("profiles.json")).contains("\"logMaxMb\" : 32"));
        assertFalse(Files.readString(home.resolve("profiles.json")).contains("beta-secret"), "no password unless asked");
        ui.close();

        ui = AppUi.start(home);
        ui.waitFor(() -> ui.text("#profileNameField").equals("beta"));
        assertEquals("mqtt://127.0.0.1:" + second.tcpPort(), ui.text("#brokerUrlField"));
        assertEquals("bob", ui.text("#usernameField"));
        assertEquals("", ui.text("#passwordField"));
        assertEquals("b/draft", ui.text("#pubTopicField"));
        assertEquals("2000", ui.text("#logCapacityField"));
        assertEquals("32", ui.text("#logMaxMbField"));
        // The saved subscription comes back on connecting.
        ui.click("#connectButton");
        ui.waitFor(() -> ui.hasStyle("#connectionStatus", "connected"));
        ui.waitFor(() -> ((javafx.scene.control.ListView<?>) ui.node("#subscriptionList")).getItems().size() == 1);
        second.pub("-t", "b/3", "-m", "after restart");
        ui.waitFor(() -> shown().stream().anyMatch(m -> m.payloadText().equals("after restart")));
        select("alpha");
        assertEquals("mqtt://127.0.0.1:" + first.tcpPort(), ui.text("#brokerUrlField"));
    }

    @Test
    void the_password_is_written_only_with_save_password_on() throws Exception {
        Path home = Files.createTempDirectory("mqttdesk-home");
        ui = AppUi.start(home);
        ui.type("#passwordField", "pw-not-asked");
        ui.type("#clientIdField", "marker-one");
        ui.waitFor(() -> Files.exists(home.resolve("profiles.json")) && Files.readString(home.resolve("profiles.json")).contains("marker-one"));
        assertFalse(Files.readString(home.resolve("profiles.json")).contains("pw-not-asked"));
        ui.click("#savePasswordCheck");
        ui.waitFor(() -> Files.readString(home.resolve("profiles.json")).contains("pw-not-asked"));
        ui.close();
        ui = AppUi.start(home);
        assertEquals("pw-not-asked", ui.text("#passwordField"));
    }

    @Test
    void delete_asks_first_and_its_default_button_confirms() throws Exception {
        ui = AppUi.start();
        newConnection("doomed", "mqtt://127.0.0.1:" + first.tcpPort());
        ui.waitFor(() -> tree().getRoot().getChildren().size() == 2);
        ui.click("#deleteProfileButton");
        ui.robot.type(KeyCode.ENTER);
        ui.waitFor(() -> tree().getRoot().getChildren().size() == 1);
        assertEquals("Built-in broker", ui.text("#profileNameField"));
    }

    @Test
    void an_unreadable_profiles_file_is_kept_aside_the_backup_loads_and_the_user_is_told() throws Exception {
        Path home = Files.createTempDirectory("mqttdesk-home");
        ui = AppUi.start(home);
        ui.type("#profileNameField", "kept in the backup");
        ui.click("#newProfileButton");
        ui.waitFor(() -> Files.exists(home.resolve("profiles.json.bak"))
                && Files.readString(home.resolve("profiles.json.bak")).contains("kept in the backup"));
        ui.close();
        Files.writeString(home.resolve("profiles.json"), "{\"schemaVersion\": 1, \"connections\": [ {\"id\": ");

        ui = AppUi.start(home);
        String notice = ui.text("#workspaceNotice");
        assertTrue(ui.node("#workspaceNotice").isVisible());
        assertTrue(notice.contains("profiles.json"), notice);
        try (var files = Files.list(home)) {
            assertTrue(files.anyMatch(f -> f.getFileName().toString().startsWith("profiles.json.unreadable-")));
        }
        assertTrue(allItems(tree().getRoot()).stream().anyMatch(i -> i.getValue() instanceof Profile p
                && p.nameProperty().get().equals("kept in the backup")));
    }
}
