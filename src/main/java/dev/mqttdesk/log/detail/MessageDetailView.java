package dev.mqttdesk.log.detail;

import dev.mqttdesk.core.i18n.Messages;
import dev.mqttdesk.core.log.payload.Lines;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanExpression;
import javafx.beans.binding.StringExpression;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import dev.mqttdesk.ui.Collapsed;
import dev.mqttdesk.ui.ViewLifetime;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.DataFormat;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * Thin controller of MessageDetailView.fxml: binds the header and the tabs to a
 * {@link MessageDetailViewModel}; each lines tab is a virtualised list of line numbers whose
 * cells ask the model's {@link Lines} for the few lines on screen.
 */
public final class MessageDetailView {

    static final String FXML = "/dev/mqttdesk/log/detail/MessageDetailView.fxml";
    /** A message may carry thousands of user properties; labels for so many would stall the pane. */
    static final int MAX_PROPERTY_ROWS = 500;
    private static final KeyCombination COPY = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);

    @FXML private Label detailEmpty;
    @FXML private VBox detailContent;
    @FXML private TextField detailTopic;
    @FXML private Label detailDirection;
    @FXML private Label detailTime;
    @FXML private Label detailQos;
    @FXML private Label detailRetain;
    @FXML private Label detailSize;
    @FXML private Label detailInvalidNote;
    @FXML private ProgressIndicator detailLoading;
    @FXML private Label detailCopyStatus;
    @FXML private Button detailCopyButton;
    @FXML private TabPane detailTabs;
    @FXML private Tab textTab;
    @FXML private Tab jsonTab;
    @FXML private Tab hexTab;
    @FXML private Tab base64Tab;
    @FXML private Tab propertiesTab;
    @FXML private Tab diffTab;
    @FXML private Label messageDiffStatus;
    @FXML private ListView<DiffRow> messageDiff;
    @FXML private ListView<Integer> detailText;
    @FXML private ListView<Integer> detailJson;
    @FXML private ListView<Integer> detailHex;
    @FXML private ListView<Integer> detailBase64;
    @FXML private GridPane detailProperties;
    @FXML private Label detailNoProperties;

    private final MessageDetailViewModel model;
    private final ViewLifetime life;

    public MessageDetailView(MessageDetailViewModel model, ViewLifetime life) {
        this.life = life;
        this.model = model;
    }

    /** The pane (root id {@code #messageDetail}, its style sheet included) bound to {@code model}. */
    public static Parent load(MessageDetailViewModel model, ViewLifetime life) {
        FXMLLoader loader = new FXMLLoader(MessageDetailView.class.getResource(FXML), Messages.bundle());
        loader.setControllerFactory(type -> {
            if (type != MessageDetailView.class) {
                throw new IllegalStateException("no controller wired for " + type);
            }
            return new MessageDetailView(model, life);
        });
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("MessageDetailView.fxml ships with the application and must load", e);
        }
    }

    @FXML
    private void initialize() {
        showWhen(detailEmpty, model.hasMessageProperty().not());
        showWhen(detailContent, model.hasMessageProperty());
        detailTopic.textProperty().bind(model.topicProperty());
        life.onEnd(detailTopic.textProperty()::unbind); // a text field's binding, unlike a label's, is held strongly
        detailDirection.textProperty().bind(model.directionProperty());
        detailTime.textProperty().bind(model.timeProperty());
        detailQos.textProperty().bind(model.qosProperty());
        detailRetain.textProperty().bind(model.retainProperty());
        detailSize.textProperty().bind(model.sizeProperty());
        detailInvalidNote.textProperty().bind(model.invalidNoteProperty());
        showWhen(detailInvalidNote, model.invalidNoteProperty().isNotEmpty());
        showWhen(detailLoading, model.loadingProperty());
        detailCopyStatus.textProperty().bind(model.copyStatusProperty());
        detailCopyButton.disableProperty().bind(model.canCopyProperty().not());

        StringExpression emptyPayload = constant("detail.emptyPayload");
        lines(detailText, DetailTab.TEXT, model.textProperty(), Bindings.when(model.textProblemProperty().isNotEmpty())
                .then(model.textProblemProperty())
                .otherwise(Bindings.when(model.textLoadingProperty()).then(Messages.get("detail.reading"))
                        .otherwise(emptyPayload)), model.textLoadingProperty());
        lines(detailJson, DetailTab.JSON, model.jsonProperty(), Bindings.when(model.jsonLoadingProperty())
                .then(Messages.get("detail.json.formatting")).otherwise(model.jsonProblemProperty()), model.jsonLoadingProperty());
        lines(detailHex, DetailTab.HEX, model.hexProperty(), emptyPayload, null);
        lines(detailBase64, DetailTab.BASE64, model.base64Property(), emptyPayload, null);

        showWhen(detailNoProperties, Bindings.isEmpty(model.properties()));
        life.listen(model.properties(), (javafx.collections.ListChangeListener<PropertyRow>) c -> showProperties());
        showProperties();

        bindDiff();

        Map<Tab, DetailTab> tabs = Map.of(textTab, DetailTab.TEXT, jsonTab, DetailTab.JSON, hexTab, DetailTab.HEX,
                base64Tab, DetailTab.BASE64, propertiesTab, DetailTab.PROPERTIES, diffTab, DetailTab.DIFF);
        model.selectedTabProperty().set(tabs.get(detailTabs.getSelectionModel().getSelectedItem()));
        detailTabs.getSelectionModel().selectedItemProperty().addListener(
                (o, was, now) -> model.selectedTabProperty().set(tabs.get(now)));
    }

    /**
     * The Diff tab's content joins the scene when the tab is first chosen: the pane's first showing
     * (skins, CSS and cells of every tab's content, hidden or not) is what a 16 MiB message's first
     * frame waits for, and most users never open this tab.
     */
    private void bindDiff() {
        MessageDiffModel diff = model.diff();
        messageDiffStatus.textProperty().bind(diff.statusProperty());
        messageDiff.setItems(diff.rows());
        messageDiff.setCellFactory(v -> new DiffCell());
        messageDiff.setPlaceholder(new Label());
        Node content = diffTab.getContent();
        diffTab.setContent(null);
        Collapsed.untilSelected(diffTab, () -> content);
    }

    /** One row of labels per property, under a heading; at most {@link #MAX_PROPERTY_ROWS} (Copy gives them all). */
    private void showProperties() {
        detailProperties.getChildren().clear();
        List<PropertyRow> rows = model.properties();
        if (rows.isEmpty()) {
            return;
        }
        detailProperties.addRow(0, styled(new Label(Messages.get("detail.col.name")), "detail-prop-head"),
                styled(new Label(Messages.get("detail.col.value")), "detail-prop-head"));
        int shown = Math.min(rows.size(), MAX_PROPERTY_ROWS);
        for (int i = 0; i < shown; i++) {
            PropertyRow r = rows.get(i);
            Label name = styled(new Label(r.name()), "detail-prop-name");
            if (r.user()) {
                name.getStyleClass().add("detail-prop-user");
            }
            Label value = new Label(r.value());
            value.setWrapText(true);
            detailProperties.addRow(i + 1, name, value);
        }
        if (rows.size() > shown) {
            detailProperties.add(styled(new Label(Messages.format("detail.prop.more", rows.size() - shown)),
                    "detail-placeholder"), 0, shown + 1, 2, 1);
        }
    }

    private static Label styled(Label label, String styleClass) {
        label.getStyleClass().add(styleClass);
        return label;
    }

    /** A virtualised list of the lines of {@code lines}; Ctrl+C copies the selected ones. */
    private void lines(ListView<Integer> list, DetailTab tab, ReadOnlyObjectProperty<? extends Lines> lines,
                       StringExpression placeholder, BooleanExpression busy) {
        list.setCellFactory(v -> new LineCell(lines));
        list.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        list.setPlaceholder(wrapping(placeholder, busy));
        list.setItems(indexes(lines.get()));
        life.listen(lines, (o, was, now) -> {
            // A new payload starts unselected at its top (else the list looks for the old selection in the new lines).
            list.getSelectionModel().clearSelection();
            list.setItems(indexes(now));
        });
        list.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (COPY.match(e)) {
                int[] selected = list.getSelectionModel().getSelectedIndices().stream()
                        .mapToInt(Integer::intValue).sorted().toArray();
                model.copyLines(tab, selected, MessageDetailView::toClipboard);
                e.consume();
            }
        });
    }

    private static IndexList indexes(Lines lines) {
        return new IndexList(lines == null ? 0 : lines.lineCount());
    }

    private static Label wrapping(StringExpression text, BooleanExpression busy) {
        Label label = new Label();
        label.textProperty().bind(text);
        label.setWrapText(true);
        label.getStyleClass().add("detail-placeholder");
        if (busy != null) {
            ProgressIndicator spinner = new ProgressIndicator();
            spinner.getStyleClass().add("detail-spinner");
            showWhen(spinner, busy);
            label.setGraphic(spinner);
        }
        return label;
    }

    private static StringExpression constant(String key) {
        return new ReadOnlyStringWrapper(Messages.get(key));
    }

    private static void showWhen(Node node, BooleanExpression condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(condition);
    }

    @FXML
    private void onCopy() {
        model.copy(MessageDetailView::toClipboard);
    }

    private static void toClipboard(String text) {
        Clipboard.getSystemClipboard().setContent(Map.of(DataFormat.PLAIN_TEXT, text));
    }
}
