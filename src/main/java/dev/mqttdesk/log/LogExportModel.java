package dev.mqttdesk.log;

import dev.mqttdesk.core.i18n.InvalidInputException;
import dev.mqttdesk.core.i18n.Text;
import dev.mqttdesk.core.log.Message;
import dev.mqttdesk.core.log.export.ExportFormat;
import dev.mqttdesk.core.log.export.LogExport;
import dev.mqttdesk.ui.BackgroundTask;
import dev.mqttdesk.ui.Feedback;
import dev.mqttdesk.ui.TaskExecutor;
import dev.mqttdesk.ui.TaskHandle;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;

import java.nio.file.Path;
import java.util.List;

/** Exports the log, or its filtered part, to JSON Lines or CSV off the FX thread, with progress. */
public final class LogExportModel {

    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final TaskExecutor tasks;
    private final Feedback feedback;
    private TaskHandle current = TaskHandle.NONE;

    public LogExportModel(TaskExecutor tasks, Feedback feedback) {
        this.tasks = tasks;
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
        running.set(true);
        progress.set(0);
        current = tasks.execute(BackgroundTask.<Void>of(context -> {
                    LogExport.toFile(messages, format, file, context.progress(), context.cancellation());
                    return null;
                })
                .onProgress((done, total) -> progress.set(total == 0 ? 1 : (double) done / total))
                .onSuccess(nothing -> {
                    running.set(false);
                    progress.set(1);
                    feedback.info(Text.of("log.export.done", messages.size(), file.toString()));
                })
                .onCancelled(() -> {
                    running.set(false);
                    feedback.info(Text.of("log.export.cancelled"));
                })
                .onFailure(error -> {
                    running.set(false);
                    feedback.error(error instanceof InvalidInputException invalid ? invalid.text()
                            : Text.of("log.export.failed", file.toString(), BackgroundTask.words(error)));
                }));
    }

    public void cancel() {
        current.cancel();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }
}
