package dev.mqttdesk.core.i18n;

/** Input the user can correct: carries the sentence that tells them how, and which input it is about. */
public final class InvalidInputException extends IllegalArgumentException {

    private final InputField field;
    private final Text text;

    public InvalidInputException(String key, Object... args) {
        this(InputField.NONE, Text.of(key, args));
    }

    public InvalidInputException(InputField field, String key, Object... args) {
        this(field, Text.of(key, args));
    }

    public InvalidInputException(Text text) {
        this(InputField.NONE, text);
    }

    public InvalidInputException(InputField field, Text text) {
        super(text.toString());
        this.field = field;
        this.text = text;
    }

    public InputField field() {
        return field;
    }

    public Text text() {
        return text;
    }
}
