package dev.mqttdesk.core.profile.transfer;

import dev.mqttdesk.core.i18n.Text;
import dev.mqttdesk.core.profile.ConnectOptionsProfile;
import dev.mqttdesk.core.profile.ConnectionProfile;
import dev.mqttdesk.core.profile.WillProfile;
import dev.mqttdesk.core.profile.PublishDraft;
import dev.mqttdesk.core.profile.SavedConnection;
import dev.mqttdesk.core.profile.SavedSubscription;
import dev.mqttdesk.testing.BundleKeys;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * MQTTX exports as MQTTX 1.13.0 writes them: src/main/streamExportData.ts (exportJSON: a JSON array, one object
 * per connection of ConnectionService.getConnectionsForExport, its messages streamed in last), each object
 * ConnectionService.entityToModel of a ConnectionEntity (src/database/models/ConnectionEntity.ts: every column at
 * the top level, plus {@code will}, {@code subscriptions}, {@code properties}); connectTimeout in seconds,
 * reconnectPeriod in milliseconds (src/utils/mqttUtils.ts). Every field that arrives is checked, and every one
 * that cannot is named per connection. The older one-connection export, a single object as MQTTX 1.4.0 wrote it
 * (src/components/ExportData.vue, the connection of src/views/connections/types.ts: MQTT 5 properties at the top
 * level, no reconnectPeriod: 1.4 always waited 4000 ms), is read too.
 */
class MqttxImportTest {

    private static final int LOG = 5000;

    private static ImportResult imported(String sample) throws URISyntaxException {
        return ProfileImport.read(Path.of(MqttxImportTest.class.getResource(sample).toURI()), LOG);
    }

    /** What MQTTX's empty MQTT 5 properties become: MQTT's defaults. */
    private static final ConnectOptionsProfile NO_OPTIONS = new ConnectOptionsProfile("", "", "", "", false, null, "");

    private static SavedConnection expected(String name, String folder, ConnectionProfile form, String password,
                                            List<SavedSubscription> subscriptions) {
        return new SavedConnection("id", name, folder, form, password != null, password, !subscriptions.isEmpty(),
                subscriptions, PublishDraft.DEFAULT, LOG);
    }

    /** The connection as imported, its random id replaced: MQTTX's ids are not kept. */
    private static SavedConnection withoutId(ImportedConnection c) {
        assertTrue(!c.connection().id().isBlank(), "has an id");
        return c.connection().withIdAndName("id", c.connection().name());
    }

    private static void assertNotMapped(List<Text> expected, ImportedConnection actual) {
        assertEquals(expected, actual.notMapped(), actual.connection().name());
        actual.notMapped().forEach(BundleKeys::assertInBoth);
    }

    @Test
    void an_export_of_all_connections_arrives_field_by_field_with_what_could_not_be_kept_named_per_connection()
            throws URISyntaxException {
        ImportResult result = imported("mqttx-1.13-all-connections.json");
        assertEquals(ImportResult.Source.MQTTX, result.source());
        assertEquals(List.of(), result.skipped());
        assertEquals(List.of("MQTTX collection 1", "MQTTX collection 2"), result.folders());
        assertEquals(4, result.connections().size());

        ImportedConnection home = result.connections().get(0);
        assertEquals(expected("Home broker", "",
                new ConnectionProfile("mqtt://192.168.1.20:1883", "MQTT_3_1_1", "mqttx_5a6b7c8d", "alice", "30", true, "10",
                        "4000", true, "", false, NO_OPTIONS,
                        new WillProfile("home/desk/status", "offline", 1, true, "", "", "", "", "", "")),
                " s3cret pass ",
                List.of(SavedSubscription.of("home/+/temperature", 1, 1), SavedSubscription.of("home/door", 0, 2))),
                withoutId(home));
        assertNotMapped(List.of(Text.of("profiles.notMapped.messages", 2)), home);

        ImportedConnection lab = result.connections().get(1);
        assertEquals(expected("Lab TLS", "MQTTX collection 1",
                new ConnectionProfile("mqtts://broker.lab.example.com:8883", "MQTT_5_0", "lab-gateway-01", "gateway", "120",
                        false, "30", "0", true, "/home/alice/certs/lab-ca.crt", true,
                        new ConnectOptionsProfile("7200", "100", "", "10", false, null, "site=lab-2"), null),
                null,
                List.of(new SavedSubscription("lab/devices/#", 2, 3, true, true, 2),
                        new SavedSubscription("$SYS/brokers/+/clients/#", 0, 4, false, false, 1))),
                withoutId(lab));
        assertNotMapped(List.of(Text.of("profiles.notMapped.clientCertificate"),
                Text.of("profiles.notMapped.alpn", "mqtt"),
                Text.of("profiles.notMapped.clientIdWithTime"),
                Text.of("profiles.notMapped.publishProperties", "pushPropsMessageExpiryInterval, pushPropsResponseTopic"),
                Text.of("profiles.notMapped.collectionName", "MQTTX collection 1"),
                Text.of("profiles.notMapped.disabledSubscription", "$SYS/brokers/+/clients/#"),
                Text.of("profiles.notMapped.subscriptionExtras", "$SYS/brokers/+/clients/#")), lab);

        ImportedConnection ws = result.connections().get(2);
        assertEquals(expected("浏览器 WebSocket", "MQTTX collection 1",
                new ConnectionProfile("ws://broker.emqx.io:8083/mqtt", "MQTT_5_0", "mqttx_ws_9e8d7c6b", "", "60", true, "10",
                        "2500", true, "", false, new ConnectOptionsProfile("0", "", "", "", false, null, ""), null),
                null, List.of()),
                withoutId(ws));
        assertNotMapped(List.of(), ws);

        ImportedConnection wss = result.connections().get(3);
        assertEquals(expected("Dashboard WSS", "MQTTX collection 2",
                new ConnectionProfile("wss://iot.example.org:8084/mqtt-ws", "MQTT_5_0", "dash-wss", "dash", "60", true, "15",
                        "5000", true, "", false, NO_OPTIONS, null),
                "pa:ss/word", List.of(SavedSubscription.of("dash/#", 1, 5))),
                withoutId(wss));
        assertNotMapped(List.of(Text.of("profiles.notMapped.properties", "authenticationMethod"),
                Text.of("profiles.notMapped.collectionName", "MQTTX collection 2"),
                Text.of("profiles.notMapped.subscriptionExtras", "dash/#")), wss);
    }

    @Test
    void an_export_of_one_mqtt_3_1_connection_keeps_its_will_and_good_subscription_and_names_the_bad_one_and_the_version()
            throws URISyntaxException {
        ImportResult result = imported("mqttx-1.13-one-connection.json");
        assertEquals(List.of(), result.skipped());
        assertEquals(List.of(), result.folders());
        ImportedConnection plc = result.connections().get(0);
        assertEquals(expected("Old PLC (MQTT 3.1)", "",
                new ConnectionProfile("mqtt://10.0.0.7:1884", "MQTT_3_1_1", "legacy-plc", "", "20", true, "5", "10000", true,
                        "", false, NO_OPTIONS, new WillProfile("plant/plc/lwt", "gone", 0, false, "", "", "", "", "", "")),
                null, List.of(SavedSubscription.of("plant/line1/state", 1, 0))),
                withoutId(plc));
        assertNotMapped(List.of(Text.of("profiles.notMapped.mqtt31"),
                Text.of("profiles.notMapped.publishProperties", "pushPropsContentType"),
                Text.of("profiles.notMapped.badSubscription", "plant/#/raw")), plc);
    }

    @Test
    void a_one_connection_export_of_mqttx_1_4_arrives_with_its_subscriptions_will_and_mqtt_5_options()
            throws URISyntaxException {
        ImportResult result = imported("mqttx-1.4-one-connection.json");
        assertEquals(List.of(), result.skipped());
        ImportedConnection bob = result.connections().get(0);
        assertEquals(expected("Bob's cloud (WSS)", "",
                new ConnectionProfile("wss://bob.example.net:8084/mqtt", "MQTT_5_0", "mqttx_1a2b3c4d", "bob", "60", false, "4",
                        "4000", true, "/Users/bob/emqx/ca.crt", false,
                        new ConnectOptionsProfile("300", "50", "", "", false, null, ""),
                        new WillProfile("bob/lwt", "bye", 1, false, "5", "", "", "", "", "")),
                "hunter2", List.of(SavedSubscription.of("testtopic/#", 1, 5), SavedSubscription.of("alerts", 2, 1))),
                withoutId(bob));
        assertNotMapped(List.of(Text.of("profiles.notMapped.messages", 1),
                Text.of("profiles.notMapped.subscriptionExtras", "alerts")), bob);
    }

    @Test
    void a_will_with_every_mqtt_5_property_and_repeated_user_properties_becomes_the_connection_s_will() {
        String json = """
                {"name": "Full will", "clientId": "full", "host": "127.0.0.1", "port": 1883, "protocol": "mqtt",
                 "mqttVersion": "5.0",
                 "properties": {"sessionExpiryInterval": 60, "maximumPacketSize": "1048576", "requestResponseInformation": true,
                                "requestProblemInformation": false, "userProperties": {"a": ["1", "2"], "b": "3"}},
                 "will": {"lastWillTopic": "full/will", "lastWillPayload": " spaced ", "lastWillQos": 2, "lastWillRetain": true,
                          "properties": {"willDelayInterval": 10, "messageExpiryInterval": 3600, "contentType": "application/json",
                                         "responseTopic": "full/reply", "correlationData": "c-9", "payloadFormatIndicator": true,
                                         "userProperties": {"w": ["x", "y"]}}}}
                """;
        ImportedConnection full = ProfileImport.parse(json.getBytes(java.nio.charset.StandardCharsets.UTF_8), LOG)
                .connections().get(0);
        ConnectionProfile form = full.connection().form();
        assertEquals(new ConnectOptionsProfile("60", "", "1048576", "", true, false, "a=1\na=2\nb=3"), form.connect());
        assertEquals(new WillProfile("full/will", " spaced ", 2, true, "10", "3600", "application/json", "full/reply", "c-9",
                "w=x\nw=y"), form.will());
        assertNotMapped(List.of(Text.of("profiles.notMapped.willPayloadFormat")), full);
    }
}
