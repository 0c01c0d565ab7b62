package dev.mqttdesk.check;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/** What the steps of one check learn and hand on to the later ones. Used from one thread at a time. */
final class CheckContext {

    private final CheckTarget target;
    private final CheckOptions options;
    private final CheckTrust trust;
    private final List<AutoCloseable> toClose = new ArrayList<>();
    private List<InetAddress> addresses = List.of();
    private InetSocketAddress reachable;
    private CheckId blocker;
    private MqttProbe.Connection mqtt;

    CheckContext(CheckTarget target, CheckOptions options, CheckTrust trust) {
        this.target = target;
        this.options = options;
        this.trust = trust;
    }

    CheckTarget target() {
        return target;
    }

    CheckOptions options() {
        return options;
    }

    CheckTrust trust() {
        return trust;
    }

    int timeoutMillis() {
        return options.timeoutMillis();
    }

    List<InetAddress> addresses() {
        return addresses;
    }

    void addresses(List<InetAddress> found) {
        addresses = List.copyOf(found);
    }

    /** The address the TCP step reached; it carries the host name, for TLS and the Host header. */
    InetSocketAddress reachable() {
        return reachable;
    }

    void reachable(InetSocketAddress address) {
        reachable = address;
    }

    /** The first network step that failed, after which the others cannot run; null while none did. */
    CheckId blocker() {
        return blocker;
    }

    void blockedBy(CheckId id) {
        if (blocker == null) {
            blocker = id;
        }
    }

    /** The MQTT 3.1.1 connection the mqtt step left open for the round trip, or null. */
    MqttProbe.Connection mqtt() {
        return mqtt;
    }

    void mqtt(MqttProbe.Connection connection) {
        mqtt = connection;
        closeLater(connection);
    }

    void closeLater(AutoCloseable c) {
        toClose.add(c);
    }

    void closeAll() {
        for (AutoCloseable c : toClose) {
            try {
                c.close();
            } catch (Exception ignored) {
                // the check is over; a connection that does not close cleanly changes nothing in the report
            }
        }
        toClose.clear();
    }
}
