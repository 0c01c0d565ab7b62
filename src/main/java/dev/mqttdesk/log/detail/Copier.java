package dev.mqttdesk.log.detail;

import dev.mqttdesk.core.i18n.Messages;
import dev.mqttdesk.ui.BackgroundTask;
import dev.mqttdesk.ui.TaskExecutor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Makes the string to copy as a background task (the hex of 10 MB is tens of MB of text) and hands it
 * over on the FX thread, one copy at a time, saying how it went. Call it on the FX thread.
 */
final class Copier {

    private final TaskExecutor tasks;
    private final ReadOnlyBooleanWrapper copying = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");

    Copier(TaskExecutor tasks) {
        this.tasks = tasks;
    }

    void copy(Supplier<String> content, Consumer<String> onFxThread) {
        if (copying.get()) {
            return;
        }
        copying.set(true);
        status.set(Messages.get("detail.copying"));
        tasks.execute(BackgroundTask.of(context -> content.get())
                .onSuccess(made -> {
                    onFxThread.accept(made);
                    copying.set(false);
                    status.set(Messages.format("detail.copied", made.length()));
                })
                .onFailure(error -> {
                    copying.set(false);
                    status.set(Messages.format("detail.failed", BackgroundTask.words(error)));
                }));
    }

    void clearStatus() {
        if (!copying.get()) {
            status.set("");
        }
    }

    ReadOnlyBooleanProperty copyingProperty() {
        return copying.getReadOnlyProperty();
    }

    ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
