package dev.mqttdesk.ui;

import dev.mqttdesk.core.i18n.Messages;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Map;
import java.util.function.Supplier;

/** Loads an FXML document with the bundles, each controller made by the caller's own factory. */
public final class Views {

    private Views() {
    }

    /**
     * @param controllers how to make each controller class the document (and what it includes) names;
     *                    one map per loaded document, so two documents never share a controller
     */
    public static Parent load(URL fxml, Map<Class<?>, Supplier<Object>> controllers) {
        FXMLLoader loader = new FXMLLoader(fxml, Messages.bundle());
        loader.setControllerFactory(type -> {
            Supplier<Object> make = controllers.get(type);
            if (make == null) {
                throw new IllegalStateException("no controller wired for " + type);
            }
            return make.get();
        });
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException(fxml + " ships with the application and must load", e);
        }
    }
}
