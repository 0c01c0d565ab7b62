package dev.mqttdesk.subscribe;

import dev.mqttdesk.core.i18n.Text;
import dev.mqttdesk.core.i18n.Messages;
import dev.mqttdesk.ui.Choices;
import dev.mqttdesk.ui.ViewLifetime;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** Thin controller: binds the subscribe form and the subscription list to the view model. */
public final class SubscribeView {

    @FXML private TextField subTopicField;
    @FXML private javafx.scene.control.CheckBox subscribeOnConnectCheck;
    @FXML private ChoiceBox<Integer> subQosChoice;
    @FXML private javafx.scene.layout.FlowPane subOptionsPane;
    @FXML private javafx.scene.control.CheckBox subNoLocalCheck;
    @FXML private javafx.scene.control.CheckBox subRetainAsPublishedCheck;
    @FXML private ChoiceBox<Integer> subRetainHandlingChoice;
    @FXML private Label subOptionsNote;
    @FXML private Button subscribeButton;
    @FXML private Button unsubscribeButton;
    @FXML private Label subscribeError;
    @FXML private ListView<Subscription> subscriptionList;

    private final SubscribeViewModel model;
    private final ViewLifetime life;

    public SubscribeView(SubscribeViewModel model, ViewLifetime life) {
        this.life = life;
        this.model = model;
    }

    @FXML
    private void initialize() {
        subTopicField.textProperty().bindBidirectional(model.filterProperty());
        subscribeOnConnectCheck.selectedProperty().bindBidirectional(model.subscribeOnConnectProperty());
        subTopicField.setOnAction(e -> model.subscribe());
        subQosChoice.getItems().setAll(0, 1, 2);
        subQosChoice.setConverter(Choices.converter(String::valueOf));
        subQosChoice.setValue(model.qosProperty().get());
        subQosChoice.valueProperty().addListener((o, a, b) -> model.qosProperty().set(b == null ? 0 : b));
        life.listen(model.qosProperty(), (o, a, b) -> subQosChoice.setValue(b.intValue()));
        subNoLocalCheck.selectedProperty().bindBidirectional(model.noLocalProperty());
        subRetainAsPublishedCheck.selectedProperty().bindBidirectional(model.retainAsPublishedProperty());
        subRetainHandlingChoice.getItems().setAll(0, 1, 2);
        subRetainHandlingChoice.setConverter(Choices.converter(h -> Messages.get("subscribe.retainHandling." + h)));
        subRetainHandlingChoice.setValue(model.retainHandlingProperty().get());
        subRetainHandlingChoice.valueProperty().addListener((o, a, b) -> model.retainHandlingProperty().set(b == null ? 0 : b));
        life.listen(model.retainHandlingProperty(), (o, a, b) -> subRetainHandlingChoice.setValue(b.intValue()));
        // MQTT 3.1.1 sends only the QoS: the options stay as set, disabled, and a line says why.
        subOptionsPane.disableProperty().bind(model.mqtt5Property().not());
        subOptionsNote.visibleProperty().bind(model.mqtt5Property().not());
        subOptionsNote.managedProperty().bind(subOptionsNote.visibleProperty());
        subscribeError.textProperty().bind(model.errorProperty());
        subscribeError.visibleProperty().bind(model.errorProperty().isNotEmpty());
        subscribeError.managedProperty().bind(subscribeError.visibleProperty());
        life.listen(model.errorProperty(), (o, a, b) -> {
            subTopicField.getStyleClass().remove("field-error");
            if (!b.isEmpty()) {
                subTopicField.getStyleClass().add("field-error");
            }
        });
        subscriptionList.setItems(model.subscriptions());
        subscriptionList.setPlaceholder(new Label(Messages.get("subscribe.none")));
        subscriptionList.setCellFactory(list -> new SubscriptionCell());
    }

    @FXML
    private void onSubscribe() {
        model.subscribe();
    }

    @FXML
    private void onUnsubscribe() {
        model.unsubscribe();
    }

    /** A row: the filter, its QoS, and a button that unsubscribes it. */
    private final class SubscriptionCell extends ListCell<Subscription> {
        private final javafx.scene.shape.Rectangle chip = new javafx.scene.shape.Rectangle(10, 10);
        private final Label filter = new Label();
        private final Label qos = new Label();
        private final Button remove = new Button("✕");
        private final HBox row = new HBox(8, chip, filter, new Region(), qos, remove);

        SubscriptionCell() {
            HBox.setHgrow(row.getChildren().get(2), Priority.ALWAYS);
            // A long mark (a refusal in words) wraps inside the list: the QoS and the button stay in view.
            setPrefWidth(0);
            filter.setWrapText(true);
            filter.setMinWidth(0);
            HBox.setHgrow(filter, Priority.SOMETIMES);
            chip.getStyleClass().add("sub-chip");
            row.setAlignment(Pos.CENTER_LEFT);
            qos.getStyleClass().add("qos-badge");
            qos.setMinWidth(Region.USE_PREF_SIZE);
            remove.getStyleClass().add("row-button");
            remove.setTooltip(new Tooltip(Messages.get("subscribe.unsubscribe")));
            remove.setOnAction(e -> {
                if (getItem() != null) {
                    model.unsubscribe(getItem().filter());
                }
            });
        }

        @Override
        protected void updateItem(Subscription item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                setId(null);
            } else {
                chip.getStyleClass().removeIf(c -> c.startsWith("sub-colour-"));
                chip.getStyleClass().add(item.styleClass());
                qos.setText("QoS " + item.qos());
                Text mark = item.mark();
                filter.getStyleClass().removeAll("sub-row-unsure", "sub-row-refused");
                if (mark != null) {
                    filter.getStyleClass().add(item.refusal() != null ? "sub-row-refused" : "sub-row-unsure");
                }
                filter.setTooltip(mark == null ? null : new Tooltip(mark.resolve()));
                filter.setText(mark == null ? item.filter() : item.filter() + " — " + mark.resolve());
                remove.setId("unsubscribe-" + getIndex());
                setGraphic(row);
            }
        }
    }
}
