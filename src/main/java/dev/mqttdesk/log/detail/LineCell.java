package dev.mqttdesk.log.detail;

import dev.mqttdesk.core.log.payload.Lines;
import dev.mqttdesk.core.log.payload.TextLines;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;

/**
 * Shows line {@code i} of the current {@link Lines}, made when the cell needs it. A text line cut
 * only for length ends in a faint mark, so it can be told from a line the payload broke.
 */
final class LineCell extends ListCell<Integer> {

    private final ObservableValue<? extends Lines> lines;
    private final Label continues = new Label("\u21a9");

    LineCell(ObservableValue<? extends Lines> lines) {
        this.lines = lines;
        getStyleClass().add("line-cell");
        continues.getStyleClass().add("continues-mark");
        setContentDisplay(ContentDisplay.RIGHT);
    }

    @Override
    protected void updateItem(Integer index, boolean empty) {
        super.updateItem(index, empty);
        Lines current = lines.getValue();
        if (empty || index == null || current == null || index >= current.lineCount()) {
            setText(null);
            setGraphic(null);
            return;
        }
        setText(current.line(index));
        setGraphic(current instanceof TextLines t && t.continues(index) ? continues : null);
    }
}
