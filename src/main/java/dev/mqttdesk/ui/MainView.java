package dev.mqttdesk.ui;

import javafx.beans.property.ReadOnlyObjectProperty;
import dev.mqttdesk.core.i18n.Text;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;

/** Thin controller of the window's frame: the app bar, the selected connection's page, the status bar. */
public final class MainView {

    @FXML private Label feedbackLabel;
    @FXML private Label builtInBrokerStatus;
    @FXML private Button checkButton;
    @FXML private Button miniProgramButton;
    @FXML private Button brokerStatsButton;
    @FXML private StackPane pageHolder;

    private final ReadOnlyObjectProperty<Text> lastFeedback;
    private final ReadOnlyObjectProperty<Text> brokerStatus;
    private final ReadOnlyObjectProperty<Node> page;
    private final Runnable openCheck;
    private final Runnable openMiniProgram;
    private final Runnable openBrokerStats;
    private final ViewLifetime life;

    public MainView(ReadOnlyObjectProperty<Text> lastFeedback, ReadOnlyObjectProperty<Text> brokerStatus,
                    ReadOnlyObjectProperty<Node> page, Runnable openCheck, Runnable openMiniProgram,
                    Runnable openBrokerStats, ViewLifetime life) {
        this.life = life;
        this.lastFeedback = lastFeedback;
        this.brokerStatus = brokerStatus;
        this.page = page;
        this.openCheck = openCheck;
        this.openMiniProgram = openMiniProgram;
        this.openBrokerStats = openBrokerStats;
    }

    @FXML
    private void initialize() {
        feedbackLabel.textProperty().bind(words(lastFeedback));
        builtInBrokerStatus.textProperty().bind(words(brokerStatus));
        // Only the selected page is in the scene, so each contract id is found exactly once.
        showPage(page.get());
        life.listen(page, (o, was, now) -> showPage(now));
        life.onEnd(() -> showPage(null)); // a dropped frame must not hold a page
    }

    /** Resolved here, in the language of this view: a window made again in another language says it anew. */
    private static StringBinding words(ReadOnlyObjectProperty<Text> text) {
        return Bindings.createStringBinding(() -> text.get() == null ? "" : text.get().resolve(), text);
    }

    private void showPage(Node p) {
        if (p == null) {
            pageHolder.getChildren().clear();
        } else {
            pageHolder.getChildren().setAll(p);
        }
    }

    @FXML
    private void onCheck() {
        openCheck.run();
    }

    @FXML
    private void onMiniProgram() {
        openMiniProgram.run();
    }

    @FXML
    private void onBrokerStats() {
        openBrokerStats.run();
    }
}
