package dev.mqttdesk.core.log.export;

/**
 * Keeps a spreadsheet from running a CSV cell as a formula (CSV injection): a cell that starts
 * with {@code = + - @ |} (the pipe: older spreadsheets run it as a DDE call), a tab or a carriage return gets a leading apostrophe, which spreadsheets
 * read as "this is text".
 * <p>
 * How the read-back undoes it exactly: the apostrophe is added to every cell that is any number of
 * apostrophes (zero or more) followed by one of those characters, and reading removes one
 * apostrophe from every cell that is one or more apostrophes followed by one of them. Escaped cells
 * are exactly the cells of that second shape, and no unescaped cell has it, so each cell reads back
 * as written: {@code =1+1} becomes {@code '=1+1} and back, {@code '=x} becomes {@code ''=x} and back,
 * and {@code 'quoted'} is left alone both ways.
 */
final class FormulaGuard {

    private FormulaGuard() {
    }

    static String escape(String cell) {
        return triggerAfterApostrophes(cell, 0) ? "'" + cell : cell;
    }

    static String unescape(String cell) {
        return !cell.isEmpty() && cell.charAt(0) == '\'' && triggerAfterApostrophes(cell, 1) ? cell.substring(1) : cell;
    }

    private static boolean triggerAfterApostrophes(String cell, int from) {
        int i = from;
        while (i < cell.length() && cell.charAt(i) == '\'') {
            i++;
        }
        if (i >= cell.length()) {
            return false;
        }
        char c = cell.charAt(i);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '|' || c == '\t' || c == '\r';
    }
}
