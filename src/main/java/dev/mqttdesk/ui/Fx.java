package dev.mqttdesk.ui;

import javafx.application.Platform;

/** Runs UI work on the FX thread: now when already there, else soon. For rare events, not for messages. */
public final class Fx {

    private Fx() {
    }

    public static void run(Runnable r) {
        if (Platform.isFxApplicationThread()) {
            r.run();
        } else {
            Platform.runLater(r);
        }
    }
}
