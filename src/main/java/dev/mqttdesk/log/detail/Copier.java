package dev.mqttdesk.log.detail;

import dev.mqttdesk.core.i18n.Messages;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Makes the string to copy on the background executor (the hex of 10 MB is tens of MB of text)
 * and hands it over on the FX thread, one copy at a time, saying how it went. Call it on the FX thread.
 */
final class Copier {

    private final Executor background;
    private final Executor fxThread;
    private final ReadOnlyBooleanWrapper copying = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");

    Copier(Executor background, Executor fxThread) {
        this.background = background;
        this.fxThread = fxThread;
    }

    void copy(Supplier<String> content, Consumer<String> onFxThread) {
        if (copying.get()) {
            return;
        }
        copying.set(true);
        status.set(Messages.get("detail.copying"));
        background.execute(() -> {
            String made;
            try {
                made = content.get();
            } catch (RuntimeException | OutOfMemoryError e) {
                String why = Messages.format("detail.failed", String.valueOf(e));
                fxThread.execute(() -> {
                    copying.set(false);
                    status.set(why);
                });
                return;
            }
            fxThread.execute(() -> {
                onFxThread.accept(made);
                copying.set(false);
                status.set(Messages.format("detail.copied", made.length()));
            });
        });
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
