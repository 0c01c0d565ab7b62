package dev.mqttdesk.check.ui;

import dev.mqttdesk.check.CheckStatus;
import dev.mqttdesk.core.i18n.Messages;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.DataFormat;
import javafx.scene.text.Text;
import javafx.stage.FileChooser;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The thin controller of CheckPane.fxml: binds the controls to a {@link CheckViewModel}, opens file choosers. */
public final class CheckView {

    private static final List<String> STATUS_STYLES = List.of("check-pass", "check-warn", "check-fail", "check-skip",
            "check-running");

    @FXML private TextField checkUrlField;
    @FXML private Button checkRunButton;
    @FXML private Button checkCaButton;
    @FXML private Button checkCaClearButton;
    @FXML private Label checkCaLabel;
    @FXML private Label checkMessage;
    @FXML private ProgressBar checkProgress;
    @FXML private Label checkVerdict;
    @FXML private TableView<StepRow> checkSteps;
    @FXML private TableColumn<StepRow, String> stepColumn;
    @FXML private TableColumn<StepRow, StepRow> statusColumn;
    @FXML private TableColumn<StepRow, String> detailColumn;
    @FXML private TableColumn<StepRow, String> fixColumn;
    @FXML private Button checkCopyButton;
    @FXML private Button checkExportButton;

    private CheckViewModel model;

    void attach(CheckViewModel viewModel) {
        this.model = viewModel;
        checkUrlField.textProperty().bindBidirectional(model.urlProperty());
        checkUrlField.disableProperty().bind(model.runningProperty());
        checkRunButton.disableProperty().bind(model.canRunProperty().not());
        checkCaButton.disableProperty().bind(model.runningProperty());
        checkCaClearButton.disableProperty().bind(model.runningProperty().or(model.caFileProperty().isNull()));
        checkCaLabel.textProperty().bind(Bindings.createStringBinding(() -> model.caFileProperty().get() == null
                ? Messages.get("check.ui.caNone")
                : Messages.format("check.ui.caChosen", model.caFileProperty().get()), model.caFileProperty()));
        checkMessage.textProperty().bind(model.messageProperty());
        checkProgress.progressProperty().bind(model.progressProperty());
        checkProgress.visibleProperty().bind(model.runningProperty());
        checkVerdict.textProperty().bind(model.verdictTextProperty());
        model.verdictProperty().addListener((o, was, now) -> style(checkVerdict, now, false));
        checkCopyButton.disableProperty().bind(model.hasReportProperty().not());
        checkExportButton.disableProperty().bind(model.hasReportProperty().not());

        checkSteps.setItems(model.rows());
        checkSteps.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        stepColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().title()));
        statusColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        statusColumn.setCellFactory(c -> new StatusCell());
        detailColumn.setCellValueFactory(c -> c.getValue().detailProperty());
        detailColumn.setCellFactory(c -> new WrappingCell());
        fixColumn.setCellValueFactory(c -> c.getValue().fixProperty());
        fixColumn.setCellFactory(c -> new WrappingCell());
    }

    @FXML
    private void onRun() {
        if (!checkRunButton.isDisabled()) {
            model.run();
        }
    }

    @FXML
    private void onChooseCa() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(Messages.get("check.ui.caFileTitle"));
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter(Messages.get("check.ui.pemFiles"), "*.pem", "*.crt", "*.cer"),
                new FileChooser.ExtensionFilter(Messages.get("check.ui.allFiles"), "*"));
        File file = chooser.showOpenDialog(checkSteps.getScene().getWindow());
        if (file != null) {
            model.caFileProperty().set(file.toPath());
        }
    }

    @FXML
    private void onClearCa() {
        model.caFileProperty().set(null);
    }

    @FXML
    private void onCopy() {
        Clipboard.getSystemClipboard().setContent(Map.of(DataFormat.PLAIN_TEXT, model.markdown()));
    }

    @FXML
    private void onExport() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(Messages.get("check.ui.exportTitle"));
        FileChooser.ExtensionFilter markdown = new FileChooser.ExtensionFilter(Messages.get("check.ui.markdownFiles"), "*.md");
        FileChooser.ExtensionFilter json = new FileChooser.ExtensionFilter(Messages.get("check.ui.jsonFiles"), "*.json");
        chooser.getExtensionFilters().addAll(markdown, json);
        chooser.setInitialFileName("mini-program-check.md");
        File chosen = chooser.showSaveDialog(checkSteps.getScene().getWindow());
        if (chosen == null) {
            return;
        }
        Path file = withExtension(chosen.toPath(), chooser.getSelectedExtensionFilter() == json ? ".json" : ".md");
        model.export(file);
    }

    private static Path withExtension(Path file, String extension) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".md") || name.endsWith(".json") ? file : file.resolveSibling(file.getFileName() + extension);
    }

    private static void style(javafx.scene.Node node, CheckStatus status, boolean running) {
        node.getStyleClass().removeAll(STATUS_STYLES);
        if (running) {
            node.getStyleClass().add("check-running");
        } else if (status != null) {
            node.getStyleClass().add("check-" + status.id());
        }
    }

    static String symbol(CheckStatus status) {
        return switch (status) {
            case PASS -> "✔";
            case WARN -> "⚠";
            case FAIL -> "✖";
            case SKIP -> "–";
        };
    }

    /** Shows a row's state: waiting (empty), running, or its status with a sign and a colour. */
    private static final class StatusCell extends TableCell<StepRow, StepRow> {
        @Override
        protected void updateItem(StepRow row, boolean empty) {
            super.updateItem(row, empty);
            textProperty().unbind();
            if (empty || row == null) {
                setText(null);
                style(this, null, false);
                return;
            }
            textProperty().bind(Bindings.createStringBinding(() -> {
                CheckStatus status = row.statusProperty().get();
                style(this, status, row.runningProperty().get());
                if (row.runningProperty().get()) {
                    return Messages.get("check.ui.running");
                }
                return status == null ? "" : symbol(status) + " " + Messages.get(status.labelKey());
            }, row.statusProperty(), row.runningProperty()));
        }
    }

    /** A cell whose text wraps to the column's width, so that long details stay readable. */
    private static final class WrappingCell extends TableCell<StepRow, String> {
        private final Text text = new Text();

        WrappingCell() {
            text.wrappingWidthProperty().bind(widthProperty().subtract(10));
            text.getStyleClass().add("text");
            setPrefHeight(USE_COMPUTED_SIZE);
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                setText(null);
            } else {
                text.setText(item);
                setGraphic(text);
                setText(null);
            }
        }
    }
}
