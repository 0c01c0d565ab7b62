package dev.mqttdesk.log.detail;

import javafx.scene.control.ListCell;

import java.util.List;

/** A line of the Diff tab, coloured by its mark (diff-added, diff-removed, diff-changed, diff-skipped in detail.css). */
final class DiffCell extends ListCell<DiffRow> {

    private static final List<String> MARKS = List.of("diff-added", "diff-removed", "diff-changed", "diff-skipped");

    DiffCell() {
        getStyleClass().add("line-cell");
    }

    @Override
    protected void updateItem(DiffRow row, boolean empty) {
        super.updateItem(row, empty);
        getStyleClass().removeAll(MARKS);
        if (empty || row == null) {
            setText(null);
            return;
        }
        setText(row.text());
        switch (row.mark()) {
            case ADDED -> getStyleClass().add("diff-added");
            case REMOVED -> getStyleClass().add("diff-removed");
            case CHANGED -> getStyleClass().add("diff-changed");
            case SKIPPED, MORE -> getStyleClass().add("diff-skipped");
            case SAME -> { }
        }
    }
}
