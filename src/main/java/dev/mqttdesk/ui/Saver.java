package dev.mqttdesk.ui;

import dev.mqttdesk.core.i18n.Text;
import dev.mqttdesk.core.profile.JsonFile;

import java.io.IOException;
import java.util.concurrent.Executor;

/** Writes a settings file off the FX thread; a failure to write is told to the user, not thrown. */
public final class Saver {

    private final Executor background;
    private final Feedback feedback;

    public Saver(Executor background, Feedback feedback) {
        this.background = background;
        this.feedback = feedback;
    }

    public <T> void save(JsonFile<T> file, T value) {
        background.execute(() -> {
            try {
                file.save(value);
            } catch (IOException e) {
                Fx.run(() -> feedback.error(Text.of("error.profileSave", file.file(), String.valueOf(e.getMessage()))));
            }
        });
    }
}
