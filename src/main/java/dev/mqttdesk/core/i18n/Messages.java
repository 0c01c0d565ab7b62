package dev.mqttdesk.core.i18n;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The one door to the i18n bundles (English, 简体中文), for the UI and the command line alike. */
public final class Messages {

    public static final String BUNDLE = "dev.mqttdesk.i18n.messages";

    private Messages() {
    }

    public static ResourceBundle bundle() {
        return ResourceBundle.getBundle(BUNDLE, Locale.getDefault());
    }

    public static String get(String key) {
        return bundle().getString(key);
    }

    public static String format(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle().getString(key);
        } catch (MissingResourceException e) {
            // A missing key is a bug, but the user still deserves the arguments rather than nothing.
            pattern = key + (args.length > 0 ? " {0}" : "");
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, Locale.getDefault()).format(args);
    }

    public static String format(Text text) {
        Object[] args = text.args().clone();
        for (int i = 0; i < args.length; i++) {
            if (args[i] instanceof Text nested) {
                args[i] = format(nested);
            }
        }
        return format(text.key(), args);
    }
}
