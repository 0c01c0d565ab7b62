package dev.mqttdesk.log;

import dev.mqttdesk.core.i18n.InvalidInputException;
import dev.mqttdesk.core.i18n.Text;
import dev.mqttdesk.core.log.Cancellation;
import dev.mqttdesk.core.log.Message;
import dev.mqttdesk.core.log.export.ExportFormat;
import dev.mqttdesk.core.log.export.LogExport;
import dev.mqttdesk.ui.Feedback;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/** Exports the log, or its filtered part, to JSON Lines or CSV off the FX thread, with progress. */
public final class LogExportModel {

    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final AtomicBoolean progressPending = new AtomicBoolean();
    private final Executor background;
    private final Feedback feedback;
    private Cancellation cancellation;

    public LogExportModel(Executor background, Feedback feedback) {
        this.background = background;
        this.feedback = feedback;
    }

    /** Writes {@code messages} (a copy nobody changes) to {@code file}; the format follows the file's ending. */
    public void export(List<Message> messages, Path file) {
        ExportFormat format;
        try {
            format = ExportFormat.forFile(file);
        } catch (InvalidInputException e) {
            feedback.error(e.text());
            return;
        }
        Cancellation cancel = new Cancellation();
        cancellation = cancel;
        running.set(true);
        progress.set(0);
        CompletableFuture.runAsync(() -> {
            try {
                LogExport.toFile(messages, format, file, this::report, cancel);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, background).whenComplete((ok, error) -> Platform.runLater(() -> {
            running.set(false);
            Throwable cause = error != null && error.getCause() != null ? error.getCause() : error;
            if (cause == null) {
                progress.set(1);
                feedback.info(Text.of("log.export.done", messages.size(), file.toString()));
            } else if (cause instanceof CancellationException) {
                feedback.info(Text.of("log.export.cancelled"));
            } else if (cause instanceof InvalidInputException i) {
                feedback.error(i.text());
            } else {
                Throwable root = cause.getCause() != null ? cause.getCause() : cause;
                feedback.error(Text.of("log.export.failed", file.toString(), String.valueOf(root.getMessage())));
            }
        }));
    }

    /** From the worker thread: one FX update at a time, however fast it reports. */
    private void report(long done, long total) {
        double fraction = total == 0 ? 1 : (double) done / total;
        if (progressPending.compareAndSet(false, true)) {
            Platform.runLater(() -> {
                progressPending.set(false);
                progress.set(fraction);
            });
        }
    }

    public void cancel() {
        if (cancellation != null) {
            cancellation.cancel();
        }
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }
}
