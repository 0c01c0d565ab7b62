package dev.mqttdesk.miniprogram;

import dev.mqttdesk.core.i18n.InvalidInputException;

/** Which kind of mini-program project the page is written for. */
public enum Flavor {
    /** A native WeChat page: pages/index/index.{js,wxml,wxss,json} and the project files around it. */
    NATIVE("native"),
    /** One uni-app .vue page. */
    UNIAPP("uniapp");

    private final String id;

    Flavor(String id) {
        this.id = id;
    }

    /** The name on the command line. */
    public String id() {
        return id;
    }

    public static Flavor parse(String text) {
        for (Flavor f : values()) {
            if (f.id.equals(text)) {
                return f;
            }
        }
        throw new InvalidInputException("miniprogram.error.flavor", text);
    }
}
