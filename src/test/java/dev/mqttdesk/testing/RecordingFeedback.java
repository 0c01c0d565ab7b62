package dev.mqttdesk.testing;

import dev.mqttdesk.core.i18n.Text;
import dev.mqttdesk.ui.Feedback;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Toasts kept in a list instead of shown: what a view model told the user, for tests without a window. */
public final class RecordingFeedback implements Feedback {

    public final List<Text> told = new CopyOnWriteArrayList<>();

    @Override
    public void info(Text text) {
        told.add(text);
    }

    @Override
    public void error(Text text) {
        told.add(text);
    }

    @Override
    public void error(Text text, Text actionLabel, Runnable action) {
        told.add(text);
    }
}
