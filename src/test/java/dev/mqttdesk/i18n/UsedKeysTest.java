package dev.mqttdesk.i18n;

import com.hivemq.client.mqtt.mqtt5.message.Mqtt5ReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAckReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.publish.pubcomp.Mqtt5PubCompReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.publish.pubrec.Mqtt5PubRecReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.suback.Mqtt5SubAckReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.unsubscribe.unsuback.Mqtt5UnsubAckReasonCode;
import com.hivemq.client.mqtt.mqtt3.message.connect.connack.Mqtt3ConnAckReturnCode;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAckReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.disconnect.Mqtt5DisconnectReasonCode;
import dev.mqttdesk.check.CheckId;
import dev.mqttdesk.check.CheckStatus;
import dev.mqttdesk.core.log.Direction;
import dev.mqttdesk.core.mqtt.SessionState;
import dev.mqttdesk.core.url.Transport;
import dev.mqttdesk.testing.BundleKeys;
import dev.mqttdesk.testing.UsedKeys;
import dev.mqttdesk.testing.UsedKeys.Use;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code Messages.format} shows the raw key when a key is missing, and {@code Messages.get} throws only when
 * that line runs: a missing key would reach a user unseen. These tests read the source for the keys it uses.
 */
class UsedKeysTest {

    /** Keys built at run time, by their fixed start: every value they can take. */
    private static final Map<String, List<String>> BUILT_KEYS = Map.ofEntries(
            Map.entry("profiles.problem.", Stream.of(dev.mqttdesk.core.profile.store.Problem.values()).map(p -> "profiles.problem." + p.name()).toList()),
            Map.entry("profiles.source.", Stream.of(dev.mqttdesk.core.profile.transfer.ImportResult.Source.values()).map(x -> "profiles.source." + x.name()).toList()),
            Map.entry("transport.", Stream.of(Transport.values()).map(t -> "transport." + t.name()).toList()),
            Map.entry("state.", Stream.of(SessionState.values()).map(s -> "state." + s.styleClass()).toList()),
            Map.entry("log.filter.direction.", Stream.of(Direction.values()).map(d -> "log.filter.direction." + d.name()).toList()),
            Map.entry("check.step.", Stream.of(CheckId.values()).map(CheckId::titleKey).toList()),
            Map.entry("check.status.", Stream.of(CheckStatus.values()).map(CheckStatus::labelKey).toList()),
            Map.entry("subscribe.retainHandling.", Stream.of(0, 1, 2).map(h -> "subscribe.retainHandling." + h).toList()),
            // Every reason code of SUBACK, UNSUBACK, PUBACK, PUBREC and PUBCOMP that is told: refusals, 0x10, 0x11.
            Map.entry("ack.reason.", Stream.<Mqtt5ReasonCode[]>of(Mqtt5SubAckReasonCode.values(), Mqtt5UnsubAckReasonCode.values(),
                            Mqtt5PubAckReasonCode.values(), Mqtt5PubRecReasonCode.values(), Mqtt5PubCompReasonCode.values())
                    .flatMap(Stream::of).filter(c -> c.isError() || c.getCode() == 0x10 || c.getCode() == 0x11)
                    .map(c -> "ack.reason." + ((Enum<?>) c).name()).distinct().toList()),
            Map.entry("connack.reason.", Stream.concat(Stream.of(Mqtt5ConnAckReasonCode.values()).map(Enum::name),
                    Stream.of(Mqtt3ConnAckReturnCode.values()).map(Enum::name)).map(n -> "connack.reason." + n).distinct().toList()),
            Map.entry("disconnect.reason.", Stream.of(Mqtt5DisconnectReasonCode.values()).map(c -> "disconnect.reason." + c.name()).toList()),
            // RFC 1928's reply codes 1 to 8 (0 is success).
            Map.entry("proxy.socks.reply.", Stream.of(1, 2, 3, 4, 5, 6, 7, 8).map(c -> "proxy.socks.reply." + c).toList()),
            Map.entry("proxy.type.", Stream.of(dev.mqttdesk.core.mqtt.ProxyOptions.Type.values()).map(t -> "proxy.type." + t.name()).toList()),
            Map.entry("tls.versions.", Stream.of(dev.mqttdesk.core.mqtt.TlsOptions.Versions.values()).map(v -> "tls.versions." + v.name()).toList()),
            Map.entry("tlsInspector.decided.", Stream.of(dev.mqttdesk.core.tls.TlsInspection.Decision.values())
                    .map(d -> "tlsInspector.decided." + d.name()).toList()),
            Map.entry("tlsInspector.validity.", Stream.of(dev.mqttdesk.core.tls.PresentedCertificate.Validity.values())
                    .map(v -> "tlsInspector.validity." + v.name()).toList()));

    @Test
    void every_key_the_code_and_the_fxml_use_is_in_both_bundles() {
        List<Use> uses = UsedKeys.find();
        assertTrue(uses.size() > 300, "the scan found only " + uses.size() + " uses: is it still reading the code?");
        List<String> missing = new ArrayList<>();
        for (Use u : uses) {
            if (!u.prefix() && !BundleKeys.inBoth(u.key())) {
                missing.add(u.key() + " (" + u.where() + ")");
            }
        }
        assertEquals(List.of(), missing, "keys missing from messages.properties or messages_zh_CN.properties");
    }

    @Test
    void every_key_built_at_run_time_is_covered_by_its_values_and_each_value_is_in_both_bundles() {
        Set<String> unknownPrefixes = new TreeSet<>();
        for (Use u : UsedKeys.find()) {
            if (u.prefix() && !BUILT_KEYS.containsKey(u.key())) {
                unknownPrefixes.add(u.key() + " (" + u.where() + ")");
            }
        }
        assertEquals(Set.of(), unknownPrefixes, "a key is built at run time from a start this test does not enumerate:"
                + " add its values to BUILT_KEYS");
        List<String> missing = new ArrayList<>();
        BUILT_KEYS.values().forEach(keys -> keys.stream().filter(k -> !BundleKeys.inBoth(k)).forEach(missing::add));
        assertEquals(List.of(), missing);
    }

    @Test
    void both_bundles_have_the_same_keys() {
        assertEquals(BundleKeys.keys(BundleKeys.ENGLISH), BundleKeys.keys(BundleKeys.CHINESE));
    }

    @Test
    void the_scan_sees_literal_keys_keys_in_both_branches_of_a_choice_fxml_keys_and_built_keys() {
        Set<String> found = new TreeSet<>();
        UsedKeys.find().forEach(u -> found.add(u.key()));
        // One of each shape the scanner must read, from the code as it stands.
        for (String key : List.of("error.url.empty", "log.dir.received", "log.dir.sent", "connection.connect",
                "transport.", "log.filter.direction.ALL")) {
            assertTrue(found.contains(key), key);
        }
    }
}
