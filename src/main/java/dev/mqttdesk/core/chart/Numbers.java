package dev.mqttdesk.core.chart;

import java.util.OptionalDouble;

/** A number written as text the way payloads write them: {@code 21.5}, {@code -3}, {@code 1e3}; nothing else. */
final class Numbers {

    private Numbers() {
    }

    static OptionalDouble parse(String text) {
        String t = text.strip();
        // Double.parseDouble also takes "NaN", "Infinity" and hex floats, which no sensor means as a reading.
        if (t.isEmpty() || t.length() > 64 || !t.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
            return OptionalDouble.empty();
        }
        double v = Double.parseDouble(t);
        return Double.isFinite(v) ? OptionalDouble.of(v) : OptionalDouble.empty();
    }
}
