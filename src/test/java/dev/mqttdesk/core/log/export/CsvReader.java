package dev.mqttdesk.core.log.export;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads RFC 4180 records, the inverse of {@link CsvWriter}: quoted fields may hold commas, quotes
 * (doubled) and line breaks, kept exactly; records end with CRLF or a bare LF. Each cell passes
 * through {@link FormulaGuard#unescape}.
 */
final class CsvReader {

    private final Reader in;
    private final char[] buffer = new char[65_536];
    private int position;
    private int limit;
    private int peeked = -2;
    private long record;

    CsvReader(Reader in) {
        this.in = in;
    }

    /** The number of the record last returned, counting from 1 (the header). */
    long recordNumber() {
        return record;
    }

    /** The next record, or null at the end of the input. */
    List<String> next() throws IOException {
        int c = read();
        if (c == -1) {
            return null;
        }
        record++;
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean inQuotes = false;
        while (true) {
            if (inQuotes) {
                if (c == -1) {
                    throw new CsvException("unclosed quote");
                }
                if (c == '"') {
                    int d = read();
                    if (d == '"') {
                        cell.append('"');
                    } else {
                        inQuotes = false;
                        c = d;
                        continue;
                    }
                } else {
                    cell.append((char) c);
                }
            } else if (c == ',') {
                cells.add(FormulaGuard.unescape(cell.toString()));
                cell.setLength(0);
                quoted = false;
            } else if (c == '\r' || c == '\n' || c == -1) {
                if (c == '\r') {
                    int d = read();
                    if (d != '\n') {
                        unread(d);
                    }
                }
                cells.add(FormulaGuard.unescape(cell.toString()));
                return cells;
            } else if (c == '"' && cell.length() == 0 && !quoted) {
                inQuotes = true;
                quoted = true;
            } else if (quoted) {
                throw new CsvException("text after a closing quote");
            } else {
                cell.append((char) c);
            }
            c = read();
        }
    }

    private int read() throws IOException {
        if (peeked != -2) {
            int c = peeked;
            peeked = -2;
            return c;
        }
        if (position == limit) {
            limit = in.read(buffer, 0, buffer.length);
            position = 0;
            if (limit <= 0) {
                limit = 0;
                return -1;
            }
        }
        return buffer[position++];
    }

    private void unread(int c) {
        peeked = c;
    }

    /** A record that is not RFC 4180. */
    static final class CsvException extends IOException {
        CsvException(String message) {
            super(message);
        }
    }
}
