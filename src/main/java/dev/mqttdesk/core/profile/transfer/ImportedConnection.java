package dev.mqttdesk.core.profile.transfer;

import dev.mqttdesk.core.i18n.Text;
import dev.mqttdesk.core.profile.SavedConnection;

import java.util.List;

/** One connection an import brought in, and each thing of the source that MQTT Desk could not keep. */
public record ImportedConnection(SavedConnection connection, List<Text> notMapped) {

    public ImportedConnection {
        notMapped = List.copyOf(notMapped);
    }
}
