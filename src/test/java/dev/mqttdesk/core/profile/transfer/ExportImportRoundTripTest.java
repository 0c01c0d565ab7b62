package dev.mqttdesk.core.profile.transfer;

import dev.mqttdesk.core.profile.ConnectOptionsProfile;
import dev.mqttdesk.core.profile.ConnectionProfile;
import dev.mqttdesk.core.profile.WillProfile;
import dev.mqttdesk.core.profile.ProfilesDocument;
import dev.mqttdesk.core.profile.PublishDraft;
import dev.mqttdesk.core.profile.SavedConnection;
import dev.mqttdesk.core.profile.SavedSubscription;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * MQTT Desk's own export read back by its import: every connection comes back as it was (id, folder,
 * MQTT 5 options and last will, TLS with its SNI host, subscriptions with their colours and options, publish draft, log size), the password only when it was exported
 * with passwords (ui-contract "Workspace": {@code export} never writes passwords unless {@code --with-passwords}).
 */
class ExportImportRoundTripTest {

    private static final String OFFICE_PASSWORD = "pä$$ wörd 密码";
    private static final String LAB_PASSWORD = "lab-only-7f3";

    private static final List<SavedConnection> CONNECTIONS = List.of(
            new SavedConnection("a1", "Office broker", "work",
                    new ConnectionProfile("mqtts://mqtt.office.example:8883", "MQTT_5_0", "desk-office", "bob", "45", false, "20",
                            "2000", true, "/home/bob/ca.pem", false,
                            new ConnectOptionsProfile("3600", "20", "1048576", "10", true, false, "app=desk\nrole=a\nrole=b"),
                            new WillProfile("office/desk/status", "离线", 1, true, "5", "120", "text/plain", "office/reply",
                                    "corr-1", "why=gone\nwhy=test")),
                    true, OFFICE_PASSWORD, true,
                    List.of(new SavedSubscription("office/+/alarm", 2, 1, true, false, 1),
                            new SavedSubscription("office/#", 0, 7, false, true, 2)),
                    new PublishDraft("office/cmd", 1, true, "{\"light\": \"on\"}"), 20_000, 256),
            new SavedConnection("b2", "上海工厂", "客户/上海",
                    new ConnectionProfile("ws://10.1.2.3:8083/mqtt", "MQTT_3_1_1", "工厂-1", "", "60", true, "30", "0", false, "",
                            false),
                    false, null, false, List.of(SavedSubscription.of("车间/温度", 1, 3)),
                    new PublishDraft("车间/命令", 0, false, "启动"), 1_000_000, 1),
            new SavedConnection("c3", "Lab", "work",
                    new ConnectionProfile("wss://lab.example:443/ws", "MQTT_5_0", "lab", "lab", "10", true, "5", "500", true, "",
                            true, null, null, new dev.mqttdesk.core.profile.TlsProfile("/lab/client.p12", null, "TLS_1_3",
                            "broker.lab.example"), null),
                    true, LAB_PASSWORD, true, List.of(), PublishDraft.DEFAULT, 50),
            new SavedConnection("d4", "Top level", "",
                    new ConnectionProfile("mqtt://127.0.0.1:1883", "MQTT_5_0", "top", "", "60", true, "30", "1000", true, "", false),
                    false, null, true, List.of(SavedSubscription.of("#", 0, 0)), PublishDraft.DEFAULT, 1_000_000));

    private static ImportResult roundTrip(boolean withPasswords) {
        return ProfileImport.parse(ProfileExport.toBytes(CONNECTIONS, withPasswords), 123);
    }

    private static List<SavedConnection> connections(ImportResult result) {
        return result.connections().stream().map(ImportedConnection::connection).toList();
    }

    @Test
    void an_export_with_passwords_imports_back_equal_in_every_field() {
        ImportResult result = roundTrip(true);
        assertEquals(ImportResult.Source.MQTT_DESK, result.source());
        assertEquals(CONNECTIONS, connections(result));
        assertEquals(List.of(OFFICE_PASSWORD, LAB_PASSWORD),
                connections(result).stream().filter(c -> c.password() != null).map(SavedConnection::password).toList());
        assertEquals(List.of("work", "客户/上海"), result.folders());
        assertEquals(List.of(), result.skipped());
        result.connections().forEach(c -> assertEquals(List.of(), c.notMapped(), "our own export maps everything"));
    }

    @Test
    void an_export_without_passwords_has_none_in_the_file_and_imports_back_equal_but_for_them() {
        byte[] bytes = ProfileExport.toBytes(CONNECTIONS, false);
        String json = new String(bytes, StandardCharsets.UTF_8);
        assertFalse(json.contains(OFFICE_PASSWORD), json);
        assertFalse(json.contains(LAB_PASSWORD), json);
        assertFalse(json.contains("\"password\""), json);
        assertEquals(CONNECTIONS.stream().map(SavedConnection::withoutPassword).toList(),
                connections(ProfileImport.parse(bytes, 123)));
        assertTrue(connections(ProfileImport.parse(bytes, 123)).get(0).savePassword(),
                "the choice to save a password stays, so the user is asked for it again");
    }

    @Test
    void importing_an_export_into_the_workspace_it_came_from_adds_copies_under_new_ids_and_numbered_names() {
        ProfilesDocument workspace = ProfilesDocument.of(List.of("work", "empty folder"), CONNECTIONS, "b2");
        ProfilesDocument after = ProfileImport.append(workspace, roundTrip(true));
        assertEquals(CONNECTIONS, after.connections().subList(0, CONNECTIONS.size()), "nothing saved is replaced");
        List<SavedConnection> added = ProfileImport.added(workspace, after);
        assertEquals(List.of("Office broker (2)", "上海工厂 (2)", "Lab (2)", "Top level (2)"),
                added.stream().map(SavedConnection::name).toList());
        for (int i = 0; i < added.size(); i++) {
            SavedConnection copy = added.get(i);
            SavedConnection original = CONNECTIONS.get(i);
            assertNotEquals(original.id(), copy.id());
            assertEquals(original.withIdAndName(copy.id(), copy.name()), copy, "the same in everything else");
        }
        assertEquals(List.of("work", "empty folder", "客户/上海"), after.folders());
        assertEquals("b2", after.selectedId());
    }
}
