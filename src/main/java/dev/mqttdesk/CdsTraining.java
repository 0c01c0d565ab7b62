package dev.mqttdesk;

import javafx.application.Platform;

/**
 * {@code --exit-after-shown}: the training run from which packaging/ records the class-data-sharing archive
 * of the installers. The window shows, the built-in broker gets time to start (its classes are worth archiving
 * too), then the application closes as if the user had closed it.
 */
final class CdsTraining {

    static final long RUN_AFTER_SHOWN_MS = 3000;
    static final long EXIT_GRACE_MS = 15000;

    private CdsTraining() {
    }

    static void exitSoon() {
        Thread exit = new Thread(() -> {
            sleep(RUN_AFTER_SHOWN_MS);
            Platform.exit(); // stop() closes the session and the built-in broker; the JVM then ends on its own
            sleep(EXIT_GRACE_MS);
            System.exit(0); // only if a library left a non-daemon thread running
        }, "cds-training-exit");
        exit.setDaemon(true);
        exit.start();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
