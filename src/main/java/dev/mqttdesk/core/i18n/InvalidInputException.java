package dev.mqttdesk.core.i18n;

/** Input the user can correct: carries the sentence that tells them how. */
public final class InvalidInputException extends IllegalArgumentException {

    private final Text text;

    public InvalidInputException(String key, Object... args) {
        this(Text.of(key, args));
    }

    public InvalidInputException(Text text) {
        super(text.toString());
        this.text = text;
    }

    public Text text() {
        return text;
    }
}
