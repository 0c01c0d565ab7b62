package dev.mqttdesk.ui;

import dev.mqttdesk.core.i18n.Text;

/** The demo page's toasts: how view models tell the user what just happened, without knowing a Node. */
public interface Feedback {

    void info(Text text);

    void error(Text text);

    /** An error the user can act on at once, e.g. "use a new client id". */
    void error(Text text, Text actionLabel, Runnable action);
}
