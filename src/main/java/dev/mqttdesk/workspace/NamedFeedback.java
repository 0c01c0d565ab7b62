package dev.mqttdesk.workspace;

import dev.mqttdesk.core.i18n.Text;
import dev.mqttdesk.ui.Feedback;

import java.util.function.Supplier;

/** Toasts of one connection: with several open, each says which connection it is about. */
final class NamedFeedback implements Feedback {

    private final Feedback delegate;
    private final Supplier<String> name;

    NamedFeedback(Feedback delegate, Supplier<String> name) {
        this.delegate = delegate;
        this.name = name;
    }

    private Text about(Text text) {
        return Text.of("toast.about", name.get(), text); // nested, so the status bar can say it again in another language
    }

    @Override
    public void info(Text text) {
        delegate.info(about(text));
    }

    @Override
    public void error(Text text) {
        delegate.error(about(text));
    }

    @Override
    public void error(Text text, Text actionLabel, Runnable action) {
        delegate.error(about(text), actionLabel, action);
    }
}
