package dev.mqttdesk.workspace;

import dev.mqttdesk.connection.Presets;
import dev.mqttdesk.ui.ViewLifetime;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;

import java.util.HashMap;
import java.util.Map;

/** The page of each opened connection, made on first selection and dropped with its connection. */
public final class Pages {

    private record Page(Node root, ViewLifetime life) {
    }

    private final Map<Profile, Page> pages = new HashMap<>();
    private final ReadOnlyObjectWrapper<Node> selected = new ReadOnlyObjectWrapper<>(this, "selected");
    private final Workspace workspace;
    private final Presets presets;

    public Pages(Workspace workspace, Presets presets) {
        this.workspace = workspace;
        this.presets = presets;
        workspace.selectedProperty().addListener((o, was, now) -> show(now));
        workspace.profiles().addListener((ListChangeListener<Profile>) c -> pages.entrySet().removeIf(e -> {
            boolean gone = !workspace.profiles().contains(e.getKey());
            if (gone) {
                e.getValue().life().end();
            }
            return gone;
        }));
        show(workspace.selectedProperty().get());
    }

    /**
     * Drops every page and makes the selected one again, from the FXML in the language now set; the
     * connections, their sessions and everything they hold stay as they are. The others are made again
     * when next selected.
     */
    public void remake() {
        pages.values().forEach(p -> p.life().end());
        pages.clear();
        show(workspace.selectedProperty().get());
    }

    private void show(Profile p) {
        selected.set(p == null ? null : pages.computeIfAbsent(p, k -> {
            ViewLifetime life = new ViewLifetime();
            return new Page(ConnectionPage.load(workspace.open(k), presets, life), life);
        }).root());
    }

    public ReadOnlyObjectProperty<Node> selectedProperty() {
        return selected.getReadOnlyProperty();
    }
}
