package dev.mqttdesk.settings;

import java.util.Arrays;
import java.util.Locale;

/** The languages of the bundles, or the system's; applied to the default locale, which every string loads in. */
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

    /** @param system the system's, which {@link #SYSTEM} stands for */
    public Locale locale(Locale system) {
        return tag == null ? system : Locale.forLanguageTag(tag);
    }

    /**
     * Makes this the language of every string loaded from now on.
     *
     * @param system the locale the app found at start, before any choice applied
     */
    public void apply(Locale system) {
        Locale.setDefault(locale(system));
    }

    /** The saved language; a tag we do not know follows the system. */
    public static Language fromTag(String tag) {
        return Arrays.stream(values()).filter(l -> l.tag != null && l.tag.equalsIgnoreCase(tag)).findFirst().orElse(SYSTEM);
    }
}
