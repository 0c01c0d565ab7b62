package dev.mqttdesk.core.i18n;

import java.util.Arrays;
import java.util.Objects;

/**
 * A user-visible sentence not yet put into words: a bundle key and its arguments. The core
 * speaks in these so that it never holds English; the UI and the command line resolve them.
 */
public record Text(String key, Object... args) {

    public Text {
        Objects.requireNonNull(key, "key");
        args = args == null ? new Object[0] : args.clone();
    }

    public static Text of(String key, Object... args) {
        return new Text(key, args);
    }

    /** This text in the JVM default locale. */
    public String resolve() {
        return Messages.format(this);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Text t && key.equals(t.key) && Arrays.equals(args, t.args);
    }

    @Override
    public int hashCode() {
        return 31 * key.hashCode() + Arrays.hashCode(args);
    }

    @Override
    public String toString() {
        return key + Arrays.toString(args);
    }
}
