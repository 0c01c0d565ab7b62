package dev.mqttdesk.check.ui;

import dev.mqttdesk.check.CheckId;
import dev.mqttdesk.check.CheckOptions;
import dev.mqttdesk.check.CheckReport;
import dev.mqttdesk.check.CheckStatus;
import dev.mqttdesk.check.JsonReport;
import dev.mqttdesk.check.MarkdownReport;
import dev.mqttdesk.check.ReadinessCheck;
import dev.mqttdesk.check.StepResult;
import dev.mqttdesk.core.i18n.InvalidInputException;
import dev.mqttdesk.core.i18n.Messages;
import dev.mqttdesk.ui.BackgroundTask;
import dev.mqttdesk.ui.TaskExecutor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * The state of the mini-program check pane: what to check, the rows as they fill in, the report at the
 * end. It knows no Node. The check and the export are background tasks of the executor it is given;
 * each step's start and end come back to the UI thread as it happens (a dozen events per check).
 */
public final class CheckViewModel {

    private final TaskExecutor tasks;
    private final CheckOptions baseOptions;
    private final StringProperty url = new SimpleStringProperty("");
    private final ObjectProperty<Path> caFile = new SimpleObjectProperty<>();
    private final ObservableList<StepRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<CheckReport> report = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper verdictText = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<CheckStatus> verdict = new ReadOnlyObjectWrapper<>();

    public CheckViewModel(TaskExecutor tasks) {
        this(tasks, CheckOptions.defaults());
    }

    /** With options other than the defaults (the resolver and timeout, for tests); the CA file comes from the pane. */
    public CheckViewModel(TaskExecutor tasks, CheckOptions baseOptions) {
        this.tasks = tasks;
        this.baseOptions = baseOptions;
        for (CheckId id : CheckId.values()) {
            rows.add(new StepRow(id));
        }
    }

    public StringProperty urlProperty() {
        return url;
    }

    public ObjectProperty<Path> caFileProperty() {
        return caFile;
    }

    public ObservableList<StepRow> rows() {
        return FXCollections.unmodifiableObservableList(rows);
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** From 0 to 1 as the steps finish. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** A complaint about the input (a bad URL or CA file), or "". */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The last finished check's report, or null. */
    public ReadOnlyObjectProperty<CheckReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<CheckStatus> verdictProperty() {
        return verdict.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty verdictTextProperty() {
        return verdictText.getReadOnlyProperty();
    }

    public BooleanBinding canRunProperty() {
        return running.not().and(Bindings.createBooleanBinding(() -> !url.get().isBlank(), url));
    }

    public BooleanBinding hasReportProperty() {
        return report.isNotNull().and(running.not());
    }

    /** Starts a check of the URL, unless one is running; a URL or CA file it cannot read is said in {@link #messageProperty()}. */
    public void run() {
        if (running.get()) {
            return;
        }
        ReadinessCheck check;
        try {
            check = new ReadinessCheck(url.get(), baseOptions.withCaFile(caFile.get()));
        } catch (InvalidInputException e) {
            message.set(e.text().resolve());
            return;
        }
        message.set("");
        report.set(null);
        verdict.set(null);
        verdictText.set(Messages.format("check.ui.checking", check.target().describe()));
        progress.set(0);
        running.set(true);
        rows.setAll(Arrays.stream(CheckId.values()).map(StepRow::new).toList());
        // The check waits on the network most of the time: on a thread of its own, not the pool's.
        tasks.execute(BackgroundTask.spread((workers, context) -> check.start(new ReadinessCheck.Listener() {
                    @Override
                    public void started(CheckId id) {
                        context.inUi(() -> row(id).started());
                    }

                    @Override
                    public void finished(StepResult result) {
                        context.inUi(() -> {
                            row(result.id()).finished(result);
                            progress.set((result.id().ordinal() + 1) / (double) rows.size());
                        });
                    }
                }))
                .onSuccess(this::finish)
                .onCancelled(() -> running.set(false))
                .onFailure(error -> {
                    running.set(false);
                    verdictText.set("");
                    message.set(Messages.format("check.ui.failed", BackgroundTask.words(error)));
                }));
    }

    private void finish(CheckReport done) {
        running.set(false);
        report.set(done);
        verdict.set(done.verdict());
        verdictText.set(Messages.format("check.report.verdict",
                Messages.get(done.verdict().labelKey()).toUpperCase(Locale.ROOT)));
    }

    private StepRow row(CheckId id) {
        return rows.get(id.ordinal());
    }

    public String markdown() {
        CheckReport r = report.get();
        return r == null ? "" : MarkdownReport.render(r);
    }

    /**
     * Writes the report to a file off the FX thread (a file system can be slow): JSON when its name
     * ends in .json, Markdown otherwise. A file it cannot write is said in {@link #messageProperty()}.
     */
    public void export(Path file) {
        CheckReport r = report.get();
        if (r == null) {
            return;
        }
        boolean json = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
        tasks.execute(BackgroundTask.of(context -> Files.writeString(file,
                        json ? JsonReport.renderPretty(r) : MarkdownReport.render(r), StandardCharsets.UTF_8))
                .onFailure(error -> message.set(Messages.format("check.ui.exportFailed", file, BackgroundTask.words(error)))));
    }
}
