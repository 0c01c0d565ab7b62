package dev.mqttdesk;

import javafx.scene.image.Image;

import java.util.List;
import java.util.stream.IntStream;

/** The window icon in the sizes desktops ask for; generated from {@code icons/mqtt-desk.svg} by {@code icons/generate.sh}. */
final class AppIcons {

    static final int[] SIZES = {16, 32, 48, 64, 128, 256};

    private AppIcons() {
    }

    static List<Image> load() {
        return IntStream.of(SIZES)
                .mapToObj(size -> new Image(AppIcons.class.getResource("icons/mqtt-desk-" + size + ".png").toExternalForm()))
                .toList();
    }
}
