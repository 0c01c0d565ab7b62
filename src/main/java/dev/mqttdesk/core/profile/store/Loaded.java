package dev.mqttdesk.core.profile.store;

import dev.mqttdesk.core.i18n.Text;

import java.util.List;

/** What loading gave: the value to start with, and what the user must be told about it (often nothing). */
public record Loaded<T>(T value, List<LoadNotice> notices) {

    public Loaded {
        notices = List.copyOf(notices);
    }

    /** True when some saved file could not be read. */
    public boolean hadUnreadableFile() {
        return notices.stream().anyMatch(LoadNotice::unreadable);
    }

    /** The notices in words, in the order they happened. */
    public List<Text> messages() {
        return notices.stream().map(LoadNotice::text).toList();
    }
}
