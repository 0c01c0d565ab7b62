package dev.mqttdesk.settings;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;

import java.util.Arrays;
import java.util.Optional;

/** The two looks, AtlantaFX's Primer pair: every window's user-agent style sheet, whose named colours app.css uses. */
public enum Theme {
    LIGHT("light", "settings.theme.light", new PrimerLight()),
    DARK("dark", "settings.theme.dark", new PrimerDark());

    private final String id;
    private final String labelKey;
    private final atlantafx.base.theme.Theme atlantaFx;

    Theme(String id, String labelKey, atlantafx.base.theme.Theme atlantaFx) {
        this.id = id;
        this.labelKey = labelKey;
        this.atlantaFx = atlantaFx;
    }

    /** As saved in settings.json. */
    public String id() {
        return id;
    }

    public String labelKey() {
        return labelKey;
    }

    /** For {@code Application.setUserAgentStylesheet}: applies to every window, open or still to come. */
    public String userAgentStylesheet() {
        return atlantaFx.getUserAgentStylesheet();
    }

    /** The saved theme; empty when none was chosen (or the file names one we do not know): follow the system. */
    public static Optional<Theme> fromId(String id) {
        return Arrays.stream(values()).filter(t -> t.id.equals(id)).findFirst();
    }
}
