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

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The state of the mini-program check pane: what to check, the rows as they fill in, the report at the
 * end. It knows no Node. The check runs on its own thread; results come back through {@code uiThread}
 * (Platform::runLater in the app: a dozen events per check, one per step start and end).
 */
public final class CheckViewModel {

    private final Executor uiThread;
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

    public CheckViewModel(Executor uiThread) {
        this(uiThread, CheckOptions.defaults());
    }

    /** With options other than the defaults (the resolver and timeout, for tests); the CA file comes from the pane. */
    public CheckViewModel(Executor uiThread, CheckOptions baseOptions) {
        this.uiThread = uiThread;
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

    /** Starts a check of the URL; the future completes (on the check's thread) once the report is in. */
    public CompletableFuture<CheckReport> run() {
        if (running.get()) {
            return CompletableFuture.failedFuture(new IllegalStateException("a check is running"));
        }
        ReadinessCheck check;
        try {
            check = new ReadinessCheck(url.get(), baseOptions.withCaFile(caFile.get()));
        } catch (InvalidInputException e) {
            message.set(e.text().resolve());
            return CompletableFuture.failedFuture(e);
        }
        message.set("");
        report.set(null);
        verdict.set(null);
        verdictText.set(Messages.format("check.ui.checking", check.target().describe()));
        progress.set(0);
        running.set(true);
        rows.setAll(java.util.Arrays.stream(CheckId.values()).map(StepRow::new).toList());
        return check.start(new ReadinessCheck.Listener() {
            @Override
            public void started(CheckId id) {
                uiThread.execute(() -> row(id).started());
            }

            @Override
            public void finished(StepResult result) {
                uiThread.execute(() -> {
                    row(result.id()).finished(result);
                    progress.set((result.id().ordinal() + 1) / (double) rows.size());
                });
            }
        }).whenComplete((done, error) -> uiThread.execute(() -> finish(done)));
    }

    private void finish(CheckReport done) {
        running.set(false);
        if (done != null) {
            report.set(done);
            verdict.set(done.verdict());
            verdictText.set(Messages.format("check.report.verdict",
                    Messages.get(done.verdict().labelKey()).toUpperCase(Locale.ROOT)));
        }
    }

    private StepRow row(CheckId id) {
        return rows.get(id.ordinal());
    }

    public String markdown() {
        CheckReport r = report.get();
        return r == null ? "" : MarkdownReport.render(r);
    }

    /** Writes the report to a file: JSON when its name ends in .json, Markdown otherwise. */
    public void export(Path file) throws IOException {
        CheckReport r = report.get();
        if (r == null) {
            return;
        }
        boolean json = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
        Files.writeString(file, json ? JsonReport.renderPretty(r) : MarkdownReport.render(r), StandardCharsets.UTF_8);
    }

    /** Says, in the pane, that the export did not work. */
    public void exportFailed(Path file, IOException e) {
        message.set(Messages.format("check.ui.exportFailed", file, String.valueOf(e.getMessage())));
    }
}
