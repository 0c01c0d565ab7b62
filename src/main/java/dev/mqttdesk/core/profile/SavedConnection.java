package dev.mqttdesk.core.profile;

import java.util.List;
import java.util.Objects;

/**
 * One connection of the workspace, everything about it: its form, its subscriptions, its publish draft
 * and its log's bounds. The password is kept only when the user asked for it ({@code savePassword}).
 *
 * @param id     stable across renames; what the workspace and the command line's files refer to
 * @param folder   the sidebar folder it sits in; empty for the top level
 * @param logMaxMb the log's byte bound in MiB; 0 for the default, derived from the maximum heap (a
 *                 file from before this field has none, and loads as 0)
 */
public record SavedConnection(String id, String name, String folder, ConnectionProfile form, boolean savePassword,
                              String password, boolean subscribeOnConnect, List<SavedSubscription> subscriptions,
                              PublishDraft draft, int logCapacity, int logMaxMb) {

    public SavedConnection {
        Objects.requireNonNull(id, "id");
        name = name == null ? "" : name;
        folder = folder == null ? "" : folder;
        password = savePassword && password != null && !password.isEmpty() ? password : null;
        subscriptions = subscriptions == null ? List.of() : List.copyOf(subscriptions);
        draft = draft == null ? PublishDraft.DEFAULT : draft;
        if (logCapacity < 1 || logCapacity > AppSettings.MAX_LOG_CAPACITY) {
            logCapacity = AppSettings.DEFAULT_LOG_CAPACITY;
        }
        logMaxMb = Math.max(0, logMaxMb);
    }

    /** A connection whose log has the default byte bound. */
    public SavedConnection(String id, String name, String folder, ConnectionProfile form, boolean savePassword,
                           String password, boolean subscribeOnConnect, List<SavedSubscription> subscriptions,
                           PublishDraft draft, int logCapacity) {
        this(id, name, folder, form, savePassword, password, subscribeOnConnect, subscriptions, draft, logCapacity, 0);
    }

    /** The same connection with its password left out (the choice to save one stays as it was). */
    public SavedConnection withoutPassword() {
        return new SavedConnection(id, name, folder, form, savePassword, null, subscribeOnConnect, subscriptions, draft,
                logCapacity, logMaxMb);
    }

    /** The same connection under another id and name (an import that would clash with one already saved). */
    public SavedConnection withIdAndName(String newId, String newName) {
        return new SavedConnection(newId, newName, folder, form, savePassword, password, subscribeOnConnect, subscriptions,
                draft, logCapacity, logMaxMb);
    }

    /** Never the password: records print every field, and this one ends up in logs and test reports. */
    @Override
    public String toString() {
        return "SavedConnection[id=" + id + ", name=" + name + ", folder=" + folder + ", url=" + (form == null ? null : form.url())
                + ", savePassword=" + savePassword + ", password=" + (password == null ? "none" : "***")
                + ", subscriptions=" + subscriptions.size() + "]";
    }
}
