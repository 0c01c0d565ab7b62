package dev.mqttdesk.ui;

import javafx.util.StringConverter;

import java.util.function.Function;

/** Display names for choice boxes whose values are enums or numbers. */
public final class Choices {

    private Choices() {
    }

    public static <T> StringConverter<T> converter(Function<T, String> toText) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : toText.apply(value);
            }

            @Override
            public T fromString(String text) {
                throw new UnsupportedOperationException("choices are picked, not typed");
            }
        };
    }
}
