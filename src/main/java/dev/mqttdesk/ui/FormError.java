package dev.mqttdesk.ui;

import dev.mqttdesk.core.i18n.InvalidInputException;
import dev.mqttdesk.core.i18n.Text;
import dev.mqttdesk.core.mqtt.MqttSession;
import dev.mqttdesk.core.mqtt.SessionState;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** A form's one error line: shown next to the form and as a toast, cleared when the next action goes out. */
public final class FormError {

    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final Feedback feedback;

    public FormError(Feedback feedback) {
        this.feedback = feedback;
    }

    /**
     * Refuses an action before anything is sent: bad input first, then no connection.
     * Returns whether the action may go ahead (and clears the line if so).
     */
    public boolean allows(MqttSession session, Runnable inputCheck) {
        try {
            inputCheck.run();
        } catch (InvalidInputException e) {
            show(e.text());
            return false;
        }
        if (session.state() != SessionState.CONNECTED) {
            show(Text.of("error.notConnected"));
            return false;
        }
        message.set("");
        return true;
    }

    public void show(Text text) {
        message.set(text.resolve());
        feedback.error(text);
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
