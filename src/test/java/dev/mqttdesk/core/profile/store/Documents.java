package dev.mqttdesk.core.profile.store;

import dev.mqttdesk.core.profile.ConnectionProfile;
import dev.mqttdesk.core.profile.ProfilesDocument;
import dev.mqttdesk.core.profile.PublishDraft;
import dev.mqttdesk.core.profile.SavedConnection;
import dev.mqttdesk.core.profile.SavedSubscription;

import java.util.List;

/** Profile documents for the tests: save number {@code n} is told by the name of its one connection. */
public final class Documents {

    private Documents() {
    }

    public static ProfilesDocument numbered(long n) {
        return ProfilesDocument.of(List.of("lab"), List.of(connection("c1", "save-" + n, "secret")), "c1");
    }

    public static SavedConnection connection(String id, String name, String password) {
        ConnectionProfile form = new ConnectionProfile("mqtts://broker.example.com:8883", "MQTT_5_0", "desk_" + id, "alice",
                "60", true, "30", "1000", true, "/etc/ca.pem", false);
        return new SavedConnection(id, name, "lab", form, password != null, password, true,
                List.of(SavedSubscription.of("sensors/#", 1, 2), new SavedSubscription("a/+", 2, 3, true, true, 2)),
                new PublishDraft("t/1", 1, true, "{\"n\":1}", new dev.mqttdesk.core.message.PublishProperties(
                        "application/json", "reply/1", "req 1", "60", "k=1\nk=2", true)), 5000, 64);
    }

    /** The save number a document carries, or -1 when it is not one of {@link #numbered}. */
    public static long numberOf(ProfilesDocument d) {
        if (d.connections().size() != 1 || !d.connections().get(0).name().startsWith("save-")) {
            return -1;
        }
        return Long.parseLong(d.connections().get(0).name().substring("save-".length()));
    }
}
