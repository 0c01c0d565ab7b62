package dev.mqttdesk.core.log;

/** Text that stops a regular expression working on it once cancelled: every read checks the flag. */
final class CancellableChars implements CharSequence {

    private final CharSequence text;
    private final Cancellation cancel;

    CancellableChars(CharSequence text, Cancellation cancel) {
        this.text = text;
        this.cancel = cancel;
    }

    @Override
    public char charAt(int index) {
        cancel.check();
        return text.charAt(index);
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return new CancellableChars(text.subSequence(start, end), cancel);
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
