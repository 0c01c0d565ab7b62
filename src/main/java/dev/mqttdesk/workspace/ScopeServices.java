package dev.mqttdesk.workspace;

import dev.mqttdesk.connection.Presets;
import dev.mqttdesk.ui.Feedback;

import java.util.concurrent.Executor;

/**
 * What every connection scope shares with the others: the toasts, the background executor and the
 * broker presets.
 */
public record ScopeServices(Feedback feedback, Executor background, Presets presets) {
}
