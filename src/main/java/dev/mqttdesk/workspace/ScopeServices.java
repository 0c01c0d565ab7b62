package dev.mqttdesk.workspace;

import dev.mqttdesk.connection.Presets;
import dev.mqttdesk.ui.Feedback;
import dev.mqttdesk.ui.TaskExecutor;

/**
 * What every connection scope shares with the others: the toasts, the background-task executor and the
 * broker presets.
 */
public record ScopeServices(Feedback feedback, TaskExecutor tasks, Presets presets) {
}
