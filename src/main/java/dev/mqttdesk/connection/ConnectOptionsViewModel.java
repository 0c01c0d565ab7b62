package dev.mqttdesk.connection;

import dev.mqttdesk.core.i18n.InputField;
import dev.mqttdesk.core.mqtt.ConnectOptions;
import dev.mqttdesk.core.message.UserProperty;
import dev.mqttdesk.core.profile.ConnectOptionsProfile;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.List;

/** The MQTT 5 CONNECT options of the connection form. Empty number fields mean MQTT's defaults. */
public final class ConnectOptionsViewModel {

    /** What a profile saved before session expiry was a field got when clean start was off: a day. */
    static final String KEPT_SESSION_BEFORE = "86400";

    private final StringProperty sessionExpiry = new SimpleStringProperty(this, "sessionExpiry", "");
    private final StringProperty receiveMaximum = new SimpleStringProperty(this, "receiveMaximum", "");
    private final StringProperty maximumPacketSize = new SimpleStringProperty(this, "maximumPacketSize", "");
    private final StringProperty topicAliasMaximum = new SimpleStringProperty(this, "topicAliasMaximum", "");
    private final BooleanProperty requestResponseInformation = new SimpleBooleanProperty(this, "requestResponseInformation", false);
    private final BooleanProperty requestProblemInformation = new SimpleBooleanProperty(this, "requestProblemInformation", true);
    private final StringProperty userProperties = new SimpleStringProperty(this, "userProperties", "");

    /** The options as typed; refuses bad input with the field it is about. */
    public ConnectOptions options() {
        long expiry = FormNumbers.orDefault(sessionExpiry.get(), 0, InputField.SESSION_EXPIRY);
        int receive = FormNumbers.intOrDefault(receiveMaximum.get(), ConnectOptions.DEFAULT_RECEIVE_MAXIMUM,
                InputField.RECEIVE_MAXIMUM, 1, ConnectOptions.MAX_TWO_BYTES);
        int packet = FormNumbers.intOrDefault(maximumPacketSize.get(), ConnectOptions.DEFAULT_MAXIMUM_PACKET_SIZE,
                InputField.MAXIMUM_PACKET_SIZE, 1, ConnectOptions.DEFAULT_MAXIMUM_PACKET_SIZE);
        int alias = FormNumbers.intOrDefault(topicAliasMaximum.get(), 0, InputField.TOPIC_ALIAS_MAXIMUM, 0,
                ConnectOptions.MAX_TWO_BYTES);
        return new ConnectOptions(expiry, receive, packet, alias, requestResponseInformation.get(),
                requestProblemInformation.get(), UserProperty.parse(userProperties.get(), InputField.CONNECT_USER_PROPERTIES));
    }

    public ConnectOptionsProfile profile() {
        return new ConnectOptionsProfile(sessionExpiry.get(), receiveMaximum.get(), maximumPacketSize.get(),
                topicAliasMaximum.get(), requestResponseInformation.get(), requestProblemInformation.get(), userProperties.get());
    }

    /**
     * Fills the options from a profile; a profile from before they existed gets MQTT's defaults, and
     * with clean start off the day-long session it was connected with then.
     */
    public void load(ConnectOptionsProfile p, boolean cleanStart) {
        if (p == null) {
            p = new ConnectOptionsProfile(cleanStart ? "" : KEPT_SESSION_BEFORE, "", "", "", false, true, "");
        }
        sessionExpiry.set(text(p.sessionExpiry()));
        receiveMaximum.set(text(p.receiveMaximum()));
        maximumPacketSize.set(text(p.maximumPacketSize()));
        topicAliasMaximum.set(text(p.topicAliasMaximum()));
        requestResponseInformation.set(p.requestResponseInformation());
        requestProblemInformation.set(p.requestProblemInformation() == null || p.requestProblemInformation());
        userProperties.set(text(p.userProperties()));
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    public List<Observable> savedState() {
        return List.of(sessionExpiry, receiveMaximum, maximumPacketSize, topicAliasMaximum, requestResponseInformation,
                requestProblemInformation, userProperties);
    }

    public StringProperty sessionExpiryProperty() { return sessionExpiry; }
    public StringProperty receiveMaximumProperty() { return receiveMaximum; }
    public StringProperty maximumPacketSizeProperty() { return maximumPacketSize; }
    public StringProperty topicAliasMaximumProperty() { return topicAliasMaximum; }
    public BooleanProperty requestResponseInformationProperty() { return requestResponseInformation; }
    public BooleanProperty requestProblemInformationProperty() { return requestProblemInformation; }
    public StringProperty userPropertiesProperty() { return userProperties; }
}
