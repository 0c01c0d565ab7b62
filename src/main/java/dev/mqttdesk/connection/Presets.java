package dev.mqttdesk.connection;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** Broker addresses one click away: the built-in broker (once it listens) and the seeds' public broker. */
public final class Presets {

    /** @param label already in the user's language */
    public record Preset(String id, String label, String url) {
    }

    public static final String PUBLIC_EMQX = "wss://broker.emqx.io:8084/mqtt";

    private final ObservableList<Preset> items = FXCollections.observableArrayList();

    public ObservableList<Preset> items() {
        return items;
    }

    public void add(Preset preset) {
        items.removeIf(p -> p.id().equals(preset.id()));
        items.add(preset);
    }
}
