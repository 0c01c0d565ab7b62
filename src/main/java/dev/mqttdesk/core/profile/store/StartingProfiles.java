package dev.mqttdesk.core.profile.store;

import dev.mqttdesk.core.i18n.Messages;
import dev.mqttdesk.core.mqtt.ConnectionSettings;
import dev.mqttdesk.core.mqtt.MqttVersion;
import dev.mqttdesk.core.profile.ConnectionProfile;
import dev.mqttdesk.core.profile.ProfilesDocument;
import dev.mqttdesk.core.profile.PublishDraft;
import dev.mqttdesk.core.profile.SavedConnection;
import dev.mqttdesk.core.url.BrokerUrl;

import java.util.List;

/** The workspace a user has before they saved anything: the built-in broker, or their old last connection. */
public final class StartingProfiles {

    /** The id of the connection to the built-in broker; the UI makes only this one follow the broker's real ports. */
    public static final String BUILT_IN_ID = "builtin";
    public static final String BUILT_IN_URL = "mqtt://127.0.0.1:1883";
    /** The id the connection migrated from {@code last-connection.json} gets. */
    public static final String MIGRATED_ID = "last-connection";

    private StartingProfiles() {
    }

    /** A fresh connection form to {@code url} with the app's defaults and a new client id. */
    public static ConnectionProfile newForm(String url) {
        return new ConnectionProfile(url, MqttVersion.MQTT_5_0.name(), ConnectionSettings.newClientId(), "",
                String.valueOf(ConnectionSettings.DEFAULT_KEEP_ALIVE), true,
                String.valueOf(ConnectionSettings.DEFAULT_CONNECT_TIMEOUT),
                String.valueOf(ConnectionSettings.DEFAULT_RECONNECT_PERIOD), true, "", false);
    }

    /** First run: one connection, to the built-in broker. */
    public static ProfilesDocument firstRun(int logCapacity) {
        SavedConnection builtIn = new SavedConnection(BUILT_IN_ID, Messages.get("profiles.builtinName"), "",
                newForm(BUILT_IN_URL), false, null, true, List.of(), PublishDraft.DEFAULT, logCapacity);
        return ProfilesDocument.of(List.of(), List.of(builtIn), BUILT_IN_ID);
    }

    /** The one connection an older MQTT Desk remembered, as the first saved connection, named after its host. */
    public static ProfilesDocument fromLastConnection(ConnectionProfile last, int logCapacity) {
        SavedConnection migrated = new SavedConnection(MIGRATED_ID, nameOf(last), "", last, false, null, true,
                List.of(), PublishDraft.DEFAULT, logCapacity);
        return ProfilesDocument.of(List.of(), List.of(migrated), MIGRATED_ID);
    }

    /** An empty workspace: what the app starts with when no saved file could be read. */
    public static ProfilesDocument empty() {
        return ProfilesDocument.of(List.of(), List.of(), null);
    }

    private static String nameOf(ConnectionProfile last) {
        try {
            return BrokerUrl.parse(last.url()).host();
        } catch (IllegalArgumentException e) {
            return Messages.get("profiles.lastConnectionName");
        }
    }
}
