package dev.mqttdesk.workspace;

import dev.mqttdesk.connection.Presets;
import dev.mqttdesk.core.profile.ConnectionProfile;
import dev.mqttdesk.core.profile.ProfilesDocument;
import dev.mqttdesk.core.profile.SavedConnection;
import dev.mqttdesk.core.profile.SavedSubscription;
import dev.mqttdesk.testing.RecordingFeedback;
import dev.mqttdesk.testing.SameThreadTaskExecutor;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The workspace as a plain view model: no toolkit, no broker; what the sidebar does, and what it saves. */
class WorkspaceTest {

    private final List<ProfilesDocument> saves = new ArrayList<>();

    private Workspace workspace(ProfilesDocument document) {
        RecordingFeedback feedback = new RecordingFeedback();
        return new Workspace(document, new ScopeServices(feedback, new SameThreadTaskExecutor(), new Presets()), saves::add);
    }

    private static ProfilesDocument empty() {
        return ProfilesDocument.of(List.of(), List.of(), null);
    }

    private ProfilesDocument lastSave() {
        return saves.get(saves.size() - 1);
    }

    @Test
    void that_a_first_run_has_one_connection_to_the_built_in_broker_selected() {
        Workspace w = workspace(empty());
        assertEquals(1, w.profiles().size());
        Profile only = w.profiles().get(0);
        assertEquals(Workspace.BUILT_IN_ID, only.id());
        assertEquals("Built-in broker", only.nameProperty().get());
        assertSame(only, w.selectedProperty().get());
        assertEquals("mqtt://127.0.0.1:1883", only.scope().connection().urlProperty().get());
    }

    @Test
    void that_a_new_connection_is_selected_with_a_fresh_client_id_and_a_unique_name() {
        Workspace w = workspace(empty());
        String firstId = w.profiles().get(0).scope().connection().clientIdProperty().get();
        Profile a = w.create();
        Profile b = w.create();
        assertSame(b, w.selectedProperty().get());
        assertEquals("New connection", a.nameProperty().get());
        assertEquals("New connection 2", b.nameProperty().get());
        assertNotEquals(firstId, a.scope().connection().clientIdProperty().get());
        assertNotEquals(a.scope().connection().clientIdProperty().get(), b.scope().connection().clientIdProperty().get());
        assertEquals(3, lastSave().connections().size());
        assertEquals(b.id(), lastSave().selectedId());
    }

    @Test
    void that_a_duplicate_keeps_everything_but_the_id_and_the_client_id() {
        Workspace w = workspace(empty());
        Profile original = w.profiles().get(0);
        original.scope().connection().useUrl("wss://broker.example:8084/mqtt");
        original.scope().subscribe().load(List.of(SavedSubscription.of("a/#", 1, 3)), true);
        original.scope().publish().topicProperty().set("draft/topic");
        Profile copy = w.duplicate(original);
        SavedConnection c = copy.snapshot();
        assertEquals("wss://broker.example:8084/mqtt", c.form().url());
        assertEquals(List.of(SavedSubscription.of("a/#", 1, 3)), c.subscriptions());
        assertEquals("draft/topic", c.draft().topic());
        assertEquals("Built-in broker (copy)", c.name());
        assertNotEquals(original.id(), copy.id());
        assertNotEquals(original.snapshot().form().clientId(), c.form().clientId());
        assertEquals(1, w.profiles().indexOf(copy));
    }

    @Test
    void that_deleting_closes_the_scope_and_selects_the_neighbour_and_the_last_one_is_replaced() {
        Workspace w = workspace(empty());
        Profile first = w.profiles().get(0);
        Profile second = w.create();
        ConnectionScope scope = second.scope();
        w.delete(second);
        assertTrue(scope.isClosed());
        assertFalse(w.profiles().contains(second));
        assertSame(first, w.selectedProperty().get());
        w.delete(first);
        assertEquals(1, w.profiles().size(), "a workspace always has a connection to show");
        assertEquals(Workspace.BUILT_IN_ID, w.profiles().get(0).id());
        assertNotEquals(first, w.profiles().get(0));
    }

    @Test
    void that_connections_move_within_their_folder_and_between_folders() {
        Workspace w = workspace(empty());
        Profile a = w.profiles().get(0);
        Profile b = w.create();
        Profile c = w.create();
        w.moveToFolder(b, "staging");
        w.move(c, -1); // b is in another folder: c passes it and lands above a
        assertEquals(List.of(c, a, b), order(w));
        assertEquals(List.of("staging"), lastSave().folders());
        assertEquals("staging", lastSave().connections().get(2).folder());
        w.move(c, 1);
        assertEquals(List.of(a, c, b), order(w));
        w.move(a, -1); // already first: nothing happens
        assertEquals(List.of(a, c, b), order(w));
        w.move(c, 1); // the last of its folder: nothing happens
        assertEquals(List.of(a, c, b), order(w));
    }

    private static List<Profile> order(Workspace w) {
        return List.copyOf(w.profiles());
    }

    @Test
    void that_search_finds_by_name_folder_and_address_ignoring_case() {
        Workspace w = workspace(empty());
        Profile b = w.create();
        b.nameProperty().set("Device broker");
        b.scope().connection().useUrl("mqtts://iot.example.com:8883");
        w.moveToFolder(b, "Factory");
        assertEquals(List.of(b), w.search("device"));
        assertEquals(List.of(b), w.search("IOT.EXAMPLE"));
        assertEquals(List.of(b), w.search("factory"));
        assertEquals(2, w.search(" ").size());
    }

    @Test
    void that_a_saved_document_loads_back_as_it_was() {
        Workspace w = workspace(empty());
        Profile b = w.create();
        b.nameProperty().set("Staging");
        b.scope().connection().useUrl("ws://staging.example:8083/mqtt");
        b.scope().connection().usernameProperty().set("bob");
        b.scope().subscribe().load(List.of(SavedSubscription.of("s/+", 2, 1)), false);
        b.scope().publish().payloadProperty().set("draft payload");
        b.scope().log().setCapacity(5_000);
        w.moveToFolder(b, "Stage");
        w.addFolder("Empty");
        ProfilesDocument saved = w.document();

        Workspace again = workspace(saved);
        assertEquals(saved.connections(), again.document().connections());
        assertEquals(saved.folders(), again.document().folders());
        assertEquals(b.id(), again.selectedProperty().get().id());
        Profile loaded = again.find(b.id()).orElseThrow();
        assertEquals("bob", loaded.scope().connection().usernameProperty().get());
        assertFalse(loaded.scope().subscribe().subscribeOnConnectProperty().get());
        assertEquals(5_000, loaded.scope().log().capacityProperty().get());
    }

    @Test
    void that_every_change_to_a_connection_is_saved() {
        Workspace w = workspace(empty());
        Profile p = w.profiles().get(0);
        p.scope().connection().nameProperty().set("Renamed");
        assertEquals("Renamed", lastSave().connections().get(0).name());
        assertEquals("Renamed", p.nameProperty().get());
        p.scope().connection().keepAliveProperty().set("15");
        assertEquals("15", lastSave().connections().get(0).form().keepAlive());
        p.scope().publish().retainProperty().set(true);
        assertTrue(lastSave().connections().get(0).draft().retain());
        p.scope().subscribe().subscribeOnConnectProperty().set(false);
        assertFalse(lastSave().connections().get(0).subscribeOnConnect());
    }

    @Test
    void that_the_password_is_saved_only_when_asked_and_never_printed() {
        Workspace w = workspace(empty());
        var form = w.profiles().get(0).scope().connection();
        form.passwordProperty().set("s3cret-pass");
        assertNull(lastSave().connections().get(0).password());
        form.savePasswordProperty().set(true);
        assertEquals("s3cret-pass", lastSave().connections().get(0).password());
        assertFalse(lastSave().connections().get(0).toString().contains("s3cret-pass"));
        assertFalse(lastSave().toString().contains("s3cret-pass"));
        form.savePasswordProperty().set(false);
        assertNull(lastSave().connections().get(0).password());
    }

    @Test
    void that_only_the_built_in_connection_follows_the_built_in_brokers_ports() {
        Workspace w = workspace(empty());
        Profile mine = w.create();
        mine.scope().connection().useUrl("mqtt://127.0.0.1:1883"); // the user's own broker on that port
        Profile notOpenYet = w.create();
        notOpenYet.scope().connection().useUrl("mqtt://127.0.0.1:1883");
        w.builtInBrokerStarted("mqtt://127.0.0.1:41883", "ws://127.0.0.1:48083/mqtt");
        assertEquals("mqtt://127.0.0.1:41883", w.find(Workspace.BUILT_IN_ID).orElseThrow().scope().connection().urlProperty().get());
        assertEquals("mqtt://127.0.0.1:1883", mine.scope().connection().urlProperty().get());
        assertEquals("mqtt://127.0.0.1:1883", notOpenYet.scope().connection().urlProperty().get());
        assertEquals("mqtt://127.0.0.1:1883", w.document().connections().get(0).form().url(),
                "saved with the default address, so that it follows the broker again next time");
        Profile fresh = w.create();
        assertEquals("mqtt://127.0.0.1:41883", fresh.scope().connection().urlProperty().get(), "new connections go to the built-in broker");
    }

    @Test
    void that_a_saved_connection_to_the_users_own_broker_on_1883_is_not_taken_over_when_opened_after_the_built_in_broker_started() {
        ConnectionProfile own = new ConnectionProfile("mqtt://127.0.0.1:1883", "MQTT_5_0", "desk_own", "", "60", true, "30",
                "1000", true, "", false);
        SavedConnection saved = new SavedConnection("own", "My mosquitto", "", own, false, null, true, List.of(), null, 1000);
        SavedConnection other = new SavedConnection("other", "Elsewhere", "", new ConnectionProfile("mqtt://broker.example.com:1883",
                "MQTT_5_0", "desk_other", "", "60", true, "30", "1000", true, "", false),
                false, null, true, List.of(), null, 1000);
        Workspace w = workspace(ProfilesDocument.of(List.of(), List.of(other, saved), "other"));
        Profile mine = w.find("own").orElseThrow();
        assertNull(mine.scope(), "not opened before the broker starts");
        w.builtInBrokerStarted("mqtt://127.0.0.1:41883", "ws://127.0.0.1:48083/mqtt");
        assertEquals("mqtt://127.0.0.1:1883", w.open(mine).connection().urlProperty().get());
        w.select(mine);
        assertEquals("mqtt://127.0.0.1:1883", mine.scope().connection().urlProperty().get());
        assertEquals("mqtt://127.0.0.1:1883", w.document().connections().stream()
                .filter(c -> c.id().equals("own")).findFirst().orElseThrow().form().url(), "saved as the user left it");
    }

    @Test
    void that_a_connection_given_by_name_is_found_exactly_first_then_ignoring_case() {
        Workspace w = workspace(empty());
        Profile a = w.create();
        a.nameProperty().set("dev");
        Profile b = w.create();
        b.nameProperty().set("DEV");
        assertSame(b, w.byName("DEV").orElseThrow());
        assertSame(a, w.byName("dev").orElseThrow());
        assertSame(a, w.byName("Dev").orElseThrow());
        assertTrue(w.byName("prod").isEmpty());
    }
}
