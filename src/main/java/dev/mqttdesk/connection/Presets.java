package dev.mqttdesk.connection;

import dev.mqttdesk.core.i18n.Text;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** Broker addresses one click away: the built-in broker (once it listens) and the seeds' public broker. */
public final class Presets {

    /** @param label put into words when shown, in the language of the moment */
    public record Preset(String id, Text label, String url) {
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
