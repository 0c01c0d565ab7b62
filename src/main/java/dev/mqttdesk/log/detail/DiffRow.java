package dev.mqttdesk.log.detail;

import dev.mqttdesk.core.diff.DiffLine;

/** One row of the Diff tab: its mark (for the colour) and its text, which starts with the mark's sign. */
public record DiffRow(DiffLine.Mark mark, String text) {

    @Override
    public String toString() {
        return text;
    }
}
