package dev.mqttdesk.core.log.export;

import java.io.IOException;
import java.io.Writer;

/**
 * Writes RFC 4180 records: fields separated by commas, records ended by CRLF, a field quoted when
 * it holds a comma, a quote, CR or LF, and quotes inside doubled. Every cell passes through
 * {@link FormulaGuard} first.
 */
final class CsvWriter {

    private final Writer out;

    CsvWriter(Writer out) {
        this.out = out;
    }

    void record(String... cells) throws IOException {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            field(FormulaGuard.escape(cells[i]));
        }
        out.write("\r\n");
    }

    private void field(String s) throws IOException {
        boolean quote = false;
        for (int i = 0; i < s.length() && !quote; i++) {
            char c = s.charAt(i);
            quote = c == ',' || c == '"' || c == '\r' || c == '\n';
        }
        if (!quote) {
            out.write(s);
            return;
        }
        out.write('"');
        int from = 0;
        for (int i = s.indexOf('"'); i >= 0; i = s.indexOf('"', from)) {
            out.write(s, from, i + 1 - from);
            out.write('"');
            from = i + 1;
        }
        out.write(s, from, s.length() - from);
        out.write('"');
    }
}
