package dev.mqttdesk.workspace;

import dev.mqttdesk.broker.LocalBroker;
import dev.mqttdesk.core.profile.store.StartingProfiles;

/** Where the built-in broker listens when its preferred ports are free. */
final class BuiltInUrls {

    static final String PREFERRED_TCP = StartingProfiles.BUILT_IN_URL;
    static final String PREFERRED_WS = "ws://127.0.0.1:" + LocalBroker.PREFERRED_WS_PORT + LocalBroker.WS_PATH;

    private BuiltInUrls() {
    }
}
