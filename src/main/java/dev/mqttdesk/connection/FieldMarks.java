package dev.mqttdesk.connection;

import dev.mqttdesk.core.i18n.InputField;
import dev.mqttdesk.ui.ViewLifetime;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;

import java.util.Map;

/**
 * Shows the form's error at the field it is about, for a pane of the connection form: the field is
 * marked, the pane opens, and the pane's own error line says why.
 */
final class FieldMarks {

    private FieldMarks() {
    }

    static void install(ConnectionViewModel model, ViewLifetime life, TitledPane pane, Label errorLine, Map<InputField, Node> fields) {
        var here = Bindings.createBooleanBinding(() -> fields.containsKey(model.errorFieldProperty().get())
                && !model.errorProperty().get().isEmpty(), model.errorFieldProperty(), model.errorProperty());
        var said = Bindings.when(here).then(model.errorProperty()).otherwise("");
        errorLine.textProperty().bind(said);
        // The model's error holds "when"'s listener, and through it "here", which names this pane's fields.
        life.onEnd(said::dispose);
        errorLine.visibleProperty().bind(here);
        errorLine.managedProperty().bind(here);
        life.listen(model.errorFieldProperty(), (o, was, field) -> {
            fields.values().forEach(n -> n.getStyleClass().remove("field-error"));
            Node bad = fields.get(field);
            if (bad != null) {
                bad.getStyleClass().add("field-error");
                pane.setExpanded(true);
            }
        });
    }
}
