package dev.mqttdesk.workspace;

import dev.mqttdesk.core.i18n.Messages;
import dev.mqttdesk.core.mqtt.ConnectionSettings;
import dev.mqttdesk.core.profile.AppSettings;
import dev.mqttdesk.core.profile.store.StartingProfiles;
import dev.mqttdesk.core.profile.transfer.ImportResult;
import dev.mqttdesk.core.profile.transfer.ProfileImport;
import dev.mqttdesk.core.mqtt.SessionState;
import dev.mqttdesk.core.profile.ConnectionProfile;
import dev.mqttdesk.core.profile.ProfilesDocument;
import dev.mqttdesk.core.profile.PublishDraft;
import dev.mqttdesk.core.profile.SavedConnection;
import dev.mqttdesk.core.url.BrokerUrl;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The saved connections in sidebar order, their folders, which one is selected, and one
 * {@link ConnectionScope} per opened connection. Every change is handed to {@code save} as the whole
 * document (the store writes the newest, in order). Call it on the FX thread.
 */
public final class Workspace {

    /** The first-run connection to the built-in broker: the only one that follows the broker's real ports. */
    public static final String BUILT_IN_ID = StartingProfiles.BUILT_IN_ID;

    private final ObservableList<Profile> profiles = FXCollections.observableArrayList();
    private final ObservableList<String> folders = FXCollections.observableArrayList();
    private final ObjectProperty<Profile> selected = new SimpleObjectProperty<>(this, "selected");
    private final ScopeServices services;
    private final Consumer<ProfilesDocument> save;
    private String builtInTcpUrl = BuiltInUrls.PREFERRED_TCP;
    private String builtInWsUrl;
    private boolean loading;

    public Workspace(ProfilesDocument document, ScopeServices services, Consumer<ProfilesDocument> save) {
        this.services = services;
        this.save = save;
        loading = true;
        try {
            folders.setAll(document.folders());
            for (SavedConnection c : document.connections()) {
                add(new Profile(c), profiles.size());
            }
            if (profiles.isEmpty()) {
                add(new Profile(builtIn()), 0);
            }
            select(find(document.selectedId()).orElse(profiles.get(0)));
        } finally {
            loading = false;
        }
    }

    /** The first-run connection, also what an emptied workspace starts again with. */
    private static SavedConnection builtIn() {
        return StartingProfiles.firstRun(AppSettings.DEFAULT_LOG_CAPACITY).connections().get(0);
    }

    private void add(Profile p, int index) {
        profiles.add(index, p);
        // The name changes only through the open form, whose own change is saved; the folder is the sidebar's.
        p.folderProperty().addListener(o -> changed());
        if (!p.folderProperty().get().isEmpty() && !folders.contains(p.folderProperty().get())) {
            folders.add(p.folderProperty().get());
        }
    }

    // ---- selection and scopes ----

    /** Selects a connection, opening its scope on first selection. */
    public void select(Profile p) {
        if (p == null || !profiles.contains(p)) {
            return;
        }
        open(p);
        selected.set(p);
        p.updateUnread(true);
        changed();
    }

    /** The connection's scope, opened now if it was not. */
    public ConnectionScope open(Profile p) {
        if (p.scope() == null) {
            ConnectionScope scope = new ConnectionScope(p.snapshot(), services, this::changed);
            p.open(scope);
            if (BUILT_IN_ID.equals(p.id())) {
                followBuiltInPorts(p);
            }
        }
        return p.scope();
    }

    /** Once a second: rates and the sidebar's unread counts. */
    /** A few times a second (the app's traffic clock): the traffic views take in what came. */
    public void trafficTick() {
        for (Profile p : profiles) {
            if (p.scope() != null) {
                p.scope().tree().tick();
            }
        }
    }

    public void tick() {
        for (Profile p : profiles) {
            if (p.scope() != null) {
                p.scope().log().tick();
                p.updateUnread(p == selected.get());
            }
        }
    }

    // ---- editing the list ----

    /** A new connection to the built-in broker with a fresh client id, selected, in the selected one's folder. */
    public Profile create() {
        String folder = selected.get() == null ? "" : selected.get().folderProperty().get();
        Profile p = new Profile(new SavedConnection(newId(), uniqueName(Messages.get("workspace.newName")), folder,
                StartingProfiles.newForm(builtInTcpUrl), false, null, true, List.of(), PublishDraft.DEFAULT,
                AppSettings.DEFAULT_LOG_CAPACITY));
        add(p, selected.get() == null ? profiles.size() : profiles.indexOf(selected.get()) + 1);
        select(p);
        return p;
    }

    /** A copy with everything but the client id (two clients with one id kick each other off), selected. */
    public Profile duplicate(Profile original) {
        SavedConnection s = original.snapshot();
        ConnectionProfile f = s.form();
        ConnectionProfile form = f.withClientId(ConnectionSettings.newClientId());
        Profile copy = new Profile(new SavedConnection(newId(), uniqueName(Messages.format("workspace.copyName", s.name())),
                s.folder(), form, s.savePassword(), s.password(), s.subscribeOnConnect(), s.subscriptions(), s.draft(),
                s.logCapacity(), s.logMaxMb()));
        add(copy, profiles.indexOf(original) + 1);
        select(copy);
        return copy;
    }

    /**
     * Removes a connection (the view asks first) and closes its scope; the neighbour is selected.
     * The last one cannot go: a workspace always has one connection to show.
     */
    public CompletableFuture<Void> delete(Profile p) {
        int index = profiles.indexOf(p);
        if (index < 0) {
            return CompletableFuture.completedFuture(null);
        }
        if (profiles.size() == 1) {
            add(new Profile(builtIn()), 1);
        }
        ConnectionScope scope = p.close();
        profiles.remove(index);
        if (selected.get() == p) {
            select(profiles.get(Math.min(index, profiles.size() - 1)));
        }
        changed();
        return scope == null ? CompletableFuture.completedFuture(null) : scope.closeAsync();
    }

    /** Moves a connection one place up or down in the sidebar ({@code by} = -1 or 1), within its folder's order. */
    public void move(Profile p, int by) {
        int from = profiles.indexOf(p);
        int to = from;
        do {
            to += Integer.signum(by);
        } while (to >= 0 && to < profiles.size() && !profiles.get(to).folderProperty().get().equals(p.folderProperty().get()));
        if (from < 0 || to < 0 || to >= profiles.size()) {
            return;
        }
        // Past its neighbour in the same folder: out of the list, and back in just before (or after) it.
        Profile neighbour = profiles.get(to);
        loading = true;
        try {
            profiles.remove(from);
        } finally {
            loading = false;
        }
        profiles.add(profiles.indexOf(neighbour) + (by > 0 ? 1 : 0), p);
        changed();
    }

    /** Puts a connection into a folder (made if new; empty = the top level). */
    public void moveToFolder(Profile p, String folder) {
        String f = folder == null ? "" : folder.strip();
        if (!f.isEmpty() && !folders.contains(f)) {
            folders.add(f);
        }
        p.folderProperty().set(f);
    }

    /** A folder with nothing in it yet, for connections to be moved into. */
    public void addFolder(String folder) {
        String f = folder == null ? "" : folder.strip();
        if (!f.isEmpty() && !folders.contains(f)) {
            folders.add(f);
            changed();
        }
    }

    // ---- look-ups ----

    public Optional<Profile> find(String id) {
        return profiles.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** By name, as {@code --connect NAME} gives it: exact first, then ignoring case. */
    public Optional<Profile> byName(String name) {
        Optional<Profile> exact = profiles.stream().filter(p -> p.nameProperty().get().equals(name)).findFirst();
        return exact.isPresent() ? exact
                : profiles.stream().filter(p -> p.nameProperty().get().equalsIgnoreCase(name)).findFirst();
    }

    /** The connections whose name, folder or address contains the text, ignoring case; all when it is blank. */
    public List<Profile> search(String text) {
        String q = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (q.isEmpty()) {
            return List.copyOf(profiles);
        }
        List<Profile> found = new ArrayList<>();
        for (Profile p : profiles) {
            SavedConnection s = p.snapshot();
            String url = s.form() == null || s.form().url() == null ? "" : s.form().url();
            if ((s.name() + "\n" + s.folder() + "\n" + url).toLowerCase(Locale.ROOT).contains(q)) {
                found.add(p);
            }
        }
        return found;
    }

    // ---- the built-in broker ----

    /** The built-in broker listens: its own connection follows the ports it took, no other does. */
    public void builtInBrokerStarted(String tcpUrl, String wsUrl) {
        builtInTcpUrl = tcpUrl;
        builtInWsUrl = wsUrl;
        find(BUILT_IN_ID).filter(p -> p.scope() != null).ifPresent(this::followBuiltInPorts);
    }

    private void followBuiltInPorts(Profile p) {
        var form = p.scope().connection();
        if (form.stateProperty().get() != SessionState.DISCONNECTED) {
            return;
        }
        try {
            BrokerUrl now = BrokerUrl.parse(form.urlProperty().get());
            // Only while it points where the built-in broker would be by default: an address the user typed is theirs.
            if (now.toString().equals(BuiltInUrls.PREFERRED_TCP)) {
                form.useUrl(builtInTcpUrl);
            } else if (builtInWsUrl != null && now.toString().equals(BuiltInUrls.PREFERRED_WS)) {
                form.useUrl(builtInWsUrl);
            }
        } catch (RuntimeException e) {
            // The user edited the address into something else: it is theirs now, leave it.
        }
    }

    // ---- saving ----

    /** Everything, as {@code profiles.json} holds it. */
    public ProfilesDocument document() {
        Set<String> allFolders = new LinkedHashSet<>(folders);
        List<SavedConnection> saved = new ArrayList<>(profiles.size());
        for (Profile p : profiles) {
            SavedConnection s = builtInAsDefault(p.snapshot());
            saved.add(s);
            if (!s.folder().isEmpty()) {
                allFolders.add(s.folder());
            }
        }
        return ProfilesDocument.of(List.copyOf(allFolders), saved, selected.get() == null ? null : selected.get().id());
    }

    /**
     * The built-in connection is saved with the default address when it only followed the broker to the
     * ports it took this time, so that it follows again on the next start.
     */
    private SavedConnection builtInAsDefault(SavedConnection s) {
        if (!BUILT_IN_ID.equals(s.id()) || s.form() == null || s.form().url() == null) {
            return s;
        }
        String url = s.form().url();
        String saved = url.equals(builtInTcpUrl) ? BuiltInUrls.PREFERRED_TCP
                : builtInWsUrl != null && url.equals(builtInWsUrl) ? BuiltInUrls.PREFERRED_WS : url;
        return saved.equals(url) ? s : new SavedConnection(s.id(), s.name(), s.folder(), withUrl(s.form(), saved),
                s.savePassword(), s.password(), s.subscribeOnConnect(), s.subscriptions(), s.draft(), s.logCapacity(),
                s.logMaxMb());
    }

    private void changed() {
        if (!loading) {
            save.accept(document());
        }
    }

    /** Adds what an import made of a file, at the end ({@link ProfileImport#append} keeps ids and names unique). */
    public void addImported(ImportResult result) {
        ProfilesDocument before = document();
        ProfilesDocument after = ProfileImport.append(before, result);
        after.folders().stream().filter(f -> !folders.contains(f)).forEach(folders::add);
        for (SavedConnection c : ProfileImport.added(before, after)) {
            add(new Profile(c), profiles.size());
        }
        changed();
    }

    /** Closes every scope (the app is stopping); completes when every client is gone. */
    public CompletableFuture<Void> closeAll() {
        List<CompletableFuture<Void>> closing = new ArrayList<>();
        for (Profile p : profiles) {
            ConnectionScope s = p.close();
            if (s != null) {
                closing.add(s.closeAsync());
            }
        }
        return CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new));
    }

    private String uniqueName(String base) {
        String name = base;
        for (int n = 2; nameTaken(name); n++) {
            name = base + " " + n;
        }
        return name;
    }

    private boolean nameTaken(String name) {
        return profiles.stream().anyMatch(p -> p.nameProperty().get().equals(name));
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }

    private static ConnectionProfile withUrl(ConnectionProfile f, String url) {
        return f.withUrl(url);
    }

    public ObservableList<Profile> profiles() { return profiles; }
    public ObservableList<String> folders() { return folders; }
    public ObjectProperty<Profile> selectedProperty() { return selected; }
}
