package dev.mqttdesk.log.detail;

import dev.mqttdesk.core.log.payload.Lines;
import dev.mqttdesk.core.log.payload.TextLines;

/**
 * Lines put back together as one string, for the clipboard. A text line that was cut only for
 * length ({@link TextLines#continues}) joins the next one without a break, so copying never adds
 * a line break the payload did not have. Linear in the size: call it off the FX thread.
 */
final class LinesText {

    private LinesText() {
    }

    /** Every line, joined by line breaks. */
    static String all(Lines lines) {
        int n = lines.lineCount();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0 && !continues(lines, i - 1)) {
                out.append('\n');
            }
            out.append(lines.line(i));
        }
        return out.toString();
    }

    /** The lines at {@code indices} (ascending), in that order, joined by line breaks. */
    static String of(Lines lines, int[] indices) {
        StringBuilder out = new StringBuilder();
        for (int k = 0; k < indices.length; k++) {
            if (k > 0 && !(indices[k] == indices[k - 1] + 1 && continues(lines, indices[k - 1]))) {
                out.append('\n');
            }
            out.append(lines.line(indices[k]));
        }
        return out.toString();
    }

    private static boolean continues(Lines lines, int index) {
        return lines instanceof TextLines text && text.continues(index);
    }
}
