package dev.mqttdesk.settings;

import java.util.Arrays;
import java.util.Locale;

/** The languages of the bundles, or the system's; applied to the default locale before any window loads. */
public enum Language {
    SYSTEM(null, "settings.language.system"),
    ENGLISH("en", "settings.language.en"),
    CHINESE("zh-CN", "settings.language.zh");

    private final String tag;
    private final String labelKey;

    Language(String tag, String labelKey) {
        this.tag = tag;
        this.labelKey = labelKey;
    }

    /** As saved in settings.json; null follows the system. */
    public String tag() {
        return tag;
    }

    public String labelKey() {
        return labelKey;
    }

    /** The system's is the locale the JVM started with. */
    public Locale locale() {
        return tag == null ? Locale.getDefault() : Locale.forLanguageTag(tag);
    }

    /** Makes this the language of every string loaded from now on (the system's: the JVM's as it started). */
    public void apply() {
        if (tag != null) {
            Locale.setDefault(Locale.forLanguageTag(tag));
        }
    }

    /** The saved language; a tag we do not know follows the system. */
    public static Language fromTag(String tag) {
        return Arrays.stream(values()).filter(l -> l.tag != null && l.tag.equalsIgnoreCase(tag)).findFirst().orElse(SYSTEM);
    }
}
