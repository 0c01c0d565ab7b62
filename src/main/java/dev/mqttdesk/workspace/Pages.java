package dev.mqttdesk.workspace;

import dev.mqttdesk.connection.Presets;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;

import java.util.HashMap;
import java.util.Map;

/** The page of each opened connection, made on first selection and dropped with its connection. */
public final class Pages {

    private final Map<Profile, Node> pages = new HashMap<>();
    private final ReadOnlyObjectWrapper<Node> selected = new ReadOnlyObjectWrapper<>(this, "selected");
    private final Workspace workspace;
    private final Presets presets;

    public Pages(Workspace workspace, Presets presets) {
        this.workspace = workspace;
        this.presets = presets;
        workspace.selectedProperty().addListener((o, was, now) -> show(now));
        workspace.profiles().addListener((ListChangeListener<Profile>) c -> pages.keySet().retainAll(workspace.profiles()));
        show(workspace.selectedProperty().get());
    }

    private void show(Profile p) {
        selected.set(p == null ? null : pages.computeIfAbsent(p, k -> ConnectionPage.load(workspace.open(k), presets)));
    }

    public ReadOnlyObjectProperty<Node> selectedProperty() {
        return selected.getReadOnlyProperty();
    }
}
