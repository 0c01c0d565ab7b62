package dev.mqttdesk.core.log.payload;

/**
 * A view of a payload as numbered lines, each made only when asked for: what a virtualised list
 * shows. A 10 MB payload never becomes one huge string; the list asks for the few lines on screen.
 */
public interface Lines {

    int lineCount();

    /** Line {@code index}, from 0 to {@code lineCount() - 1}, without its line break. */
    String line(int index);
}
