package dev.mqttdesk.core.profile.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mqttdesk.core.i18n.InvalidInputException;
import dev.mqttdesk.core.i18n.Messages;
import dev.mqttdesk.core.i18n.Text;
import dev.mqttdesk.core.mqtt.ConnectionSettings;
import dev.mqttdesk.core.mqtt.MqttVersion;
import dev.mqttdesk.core.profile.ConnectOptionsProfile;
import dev.mqttdesk.core.profile.ConnectionProfile;
import dev.mqttdesk.core.profile.PublishDraft;
import dev.mqttdesk.core.profile.SavedConnection;
import dev.mqttdesk.core.profile.SavedSubscription;
import dev.mqttdesk.core.profile.WillProfile;
import dev.mqttdesk.core.profile.store.Json;
import dev.mqttdesk.core.topic.Topics;
import dev.mqttdesk.core.url.BrokerUrl;
import dev.mqttdesk.core.url.Transport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * MQTTX's JSON export, as MQTTX 1.13 writes it (src/main/streamExportData.ts: a JSON array of the connections of
 * ConnectionService.getConnectionsForExport, each ConnectionEntity's columns plus {@code subscriptions},
 * {@code will}, {@code properties} and {@code messages}); the older one-connection export (a single object,
 * src/components/ExportData.vue) is read too. What MQTT Desk has no field for is listed per connection.
 *
 * <p>Units as MQTTX stores them: {@code connectTimeout} in seconds (MQTTX multiplies by 1000 when connecting,
 * src/utils/mqttUtils.ts, since commit f76ecc99 of January 2020; a value above an hour can only be milliseconds
 * of an older export and is converted), {@code reconnectPeriod} in milliseconds, {@code reconnect: false} meaning
 * no reconnect at all.
 */
final class MqttxImport {

    /** The log's row colours, in the order of {@code .sub-colour-N} in app.css: an MQTTX colour becomes the nearest. */
    private static final int[] PALETTE = {0x1f77b4, 0xd62728, 0x2ca02c, 0x9467bd, 0xff7f0e, 0x17becf, 0xe377c2, 0x8c564b};
    private static final int MAX_SECONDS = 3600;
    /**
     * MQTT 5 connect properties MQTTX keeps (in {@code properties}, or at the top level in older exports) that
     * MQTT Desk has no field for; the others become the connection's MQTT 5 options.
     */
    private static final List<String> CONNECT_PROPERTIES = List.of("authenticationMethod", "authenticationData");
    /** The MQTT 5 properties of MQTTX's publish box (ConnectionEntity's pushProps columns); our draft has none. */
    private static final List<String> PUBLISH_PROPERTIES = List.of("pushPropsPayloadFormatIndicator",
            "pushPropsMessageExpiryInterval", "pushPropsTopicAlias", "pushPropsResponseTopic", "pushPropsCorrelationData",
            "pushPropsUserProperties", "pushPropsSubscriptionIdentifier", "pushPropsContentType");

    private final int logCapacity;
    private final List<ImportedConnection> imported = new ArrayList<>();
    private final List<Text> skipped = new ArrayList<>();
    private final Set<String> folders = new LinkedHashSet<>();
    /** Collection id to folder name: names of collections in the file, else numbered names for bare parent ids. */
    private final Map<String, String> collections = new LinkedHashMap<>();

    private MqttxImport(int logCapacity) {
        this.logCapacity = logCapacity;
    }

    static boolean looksLikeMqttx(JsonNode tree) {
        if (tree.isArray()) {
            for (JsonNode item : tree) {
                if (!looksLikeEntry(item)) {
                    return false;
                }
            }
            return true;
        }
        return looksLikeEntry(tree);
    }

    private static boolean looksLikeEntry(JsonNode node) {
        return node.isObject() && (node.has("host") || node.has("clientId") || node.path("isCollection").asBoolean(false));
    }

    static ImportResult read(JsonNode tree, int logCapacity) {
        MqttxImport reading = new MqttxImport(logCapacity);
        List<JsonNode> items = new ArrayList<>();
        if (tree.isArray()) {
            tree.forEach(items::add);
        } else {
            items.add(tree);
        }
        reading.nameCollections(items);
        reading.walk(items, "");
        return new ImportResult(ImportResult.Source.MQTTX, reading.imported, List.copyOf(reading.folders), reading.skipped);
    }

    /** Collections that the file holds as objects (a nested export) give their names to their ids. */
    private void nameCollections(Iterable<JsonNode> items) {
        for (JsonNode item : items) {
            if (item.path("isCollection").asBoolean(false)) {
                String id = text(item, "id");
                String name = text(item, "name");
                if (!id.isEmpty() && !name.isEmpty()) {
                    collections.putIfAbsent(id, name);
                }
                nameCollections(item.path("children"));
                nameCollections(item.path("connections"));
            }
        }
    }

    private void walk(Iterable<JsonNode> items, String folder) {
        for (JsonNode item : items) {
            if (!item.isObject()) {
                skipped.add(Text.of("profiles.import.skipped", "?", Text.of("profiles.import.notAnObject")));
            } else if (item.path("isCollection").asBoolean(false)) {
                String name = text(item, "name");
                String inner = name.isEmpty() ? folder : folder.isEmpty() ? name : folder + "/" + name;
                if (!inner.isEmpty()) {
                    folders.add(inner);
                }
                walk(item.path("children"), inner);
                walk(item.path("connections"), inner);
            } else {
                connection(item, folder);
            }
        }
    }

    private void connection(JsonNode c, String folder) {
        String host = text(c, "host");
        String name = text(c, "name").isEmpty() ? host : text(c, "name");
        List<Text> notMapped = new ArrayList<>();
        BrokerUrl url;
        try {
            url = url(c, host);
        } catch (InvalidInputException e) {
            skipped.add(Text.of("profiles.import.skipped", name.isEmpty() ? "?" : name, e.text()));
            return;
        }
        String version = version(c, notMapped);
        String clientId = text(c, "clientId").isEmpty() ? ConnectionSettings.newClientId() : text(c, "clientId");
        // Not stripped: spaces at either end of a password are part of it.
        String password = c.path("password").isTextual() ? c.path("password").asText() : text(c, "password");
        boolean reconnect = c.path("reconnect").asBoolean(true);
        String reconnectPeriod = reconnect ? String.valueOf(number(c, "reconnectPeriod", 4000)) : "0";
        String caFile = "";
        boolean skipVerification = false;
        if (url.transport().secure()) {
            skipVerification = !c.path("rejectUnauthorized").asBoolean(true);
            if ("self".equals(text(c, "certType"))) {
                caFile = text(c, "ca");
                if (!text(c, "cert").isEmpty() || !text(c, "key").isEmpty()) {
                    notMapped.add(Text.of("profiles.notMapped.clientCertificate"));
                }
            }
            if (!text(c, "ALPNProtocols").isEmpty()) {
                notMapped.add(Text.of("profiles.notMapped.alpn", text(c, "ALPNProtocols")));
            }
        }
        if (c.path("clientIdWithTime").asBoolean(false)) {
            notMapped.add(Text.of("profiles.notMapped.clientIdWithTime"));
        }
        ConnectionProfile form = new ConnectionProfile(url.toString(), version, clientId, text(c, "username"),
                String.valueOf(number(c, "keepalive", ConnectionSettings.DEFAULT_KEEP_ALIVE)), c.path("clean").asBoolean(true),
                String.valueOf(connectTimeoutSeconds(c)), reconnectPeriod, true, caFile, skipVerification,
                connectOptions(c), will(c, notMapped));
        properties(c, notMapped);
        int messages = c.path("messages").size();
        if (messages > 0) {
            notMapped.add(Text.of("profiles.notMapped.messages", messages));
        }
        String where = folderOf(c, folder, notMapped);
        List<SavedSubscription> subscriptions = subscriptions(c.path("subscriptions"), notMapped);
        SavedConnection saved = new SavedConnection(UUID.randomUUID().toString(), name, where, form, !password.isEmpty(),
                password, !subscriptions.isEmpty(), subscriptions, PublishDraft.DEFAULT, logCapacity);
        imported.add(new ImportedConnection(saved, notMapped));
    }

    private static BrokerUrl url(JsonNode c, String host) {
        String protocol = text(c, "protocol").toLowerCase(Locale.ROOT);
        if (protocol.isEmpty()) { // MQTTX's getMQTTProtocol: old data without protocol goes by the ssl switch
            protocol = c.path("ssl").asBoolean(false) ? "mqtts" : "mqtt";
        }
        Transport transport = switch (protocol) {
            case "mqtt" -> Transport.TCP;
            case "mqtts" -> Transport.TLS;
            case "ws" -> Transport.WEBSOCKET;
            case "wss" -> Transport.WEBSOCKET_TLS;
            default -> throw new InvalidInputException("error.url.scheme", protocol);
        };
        long port = number(c, "port", transport.defaultPort());
        if (port < 1 || port > 65535) {
            throw new InvalidInputException("error.port.range", String.valueOf(port));
        }
        String path = text(c, "path");
        return new BrokerUrl(transport, host, (int) port, path.isEmpty() ? BrokerUrl.DEFAULT_WS_PATH : path);
    }

    private static String version(JsonNode c, List<Text> notMapped) {
        String v = text(c, "mqttVersion");
        switch (v) {
            case "", "5.0", "5" -> {
                return MqttVersion.MQTT_5_0.name();
            }
            case "3.1.1", "4" -> {
                return MqttVersion.MQTT_3_1_1.name();
            }
            case "3.1", "3" -> {
                notMapped.add(Text.of("profiles.notMapped.mqtt31"));
                return MqttVersion.MQTT_3_1_1.name();
            }
            default -> {
                notMapped.add(Text.of("profiles.notMapped.mqttVersion", v));
                return MqttVersion.MQTT_5_0.name();
            }
        }
    }

    private static long connectTimeoutSeconds(JsonNode c) {
        long t = number(c, "connectTimeout", 10);
        return t > MAX_SECONDS ? Math.max(1, (t + 999) / 1000) : t;
    }

    /** The will, with its MQTT 5 properties (in {@code will.properties}, or beside the topic in older exports). */
    private static WillProfile will(JsonNode c, List<Text> notMapped) {
        JsonNode will = c.path("will");
        if (text(will, "lastWillTopic").isEmpty()) {
            will = c; // very old exports kept the will at the top level
        }
        String topic = text(will, "lastWillTopic");
        if (topic.isEmpty()) {
            return null;
        }
        JsonNode p = will.path("properties");
        if (property(p, will, "payloadFormatIndicator").asBoolean(false)) {
            notMapped.add(Text.of("profiles.notMapped.willPayloadFormat"));
        }
        long qos = number(will, "lastWillQos", 0);
        JsonNode payload = will.path("lastWillPayload");
        return new WillProfile(topic, payload.isTextual() ? payload.asText() : text(will, "lastWillPayload"),
                qos >= 0 && qos <= 2 ? (int) qos : 0, will.path("lastWillRetain").asBoolean(false),
                digits(property(p, will, "willDelayInterval")), digits(property(p, will, "messageExpiryInterval")),
                text(property(p, will, "contentType")), text(property(p, will, "responseTopic")),
                text(property(p, will, "correlationData")), userProperties(property(p, will, "userProperties")));
    }

    /** The connect properties MQTT Desk has fields for; what MQTTX left empty stays empty (MQTT's default). */
    private static ConnectOptionsProfile connectOptions(JsonNode c) {
        JsonNode p = c.path("properties");
        JsonNode problem = property(p, c, "requestProblemInformation");
        return new ConnectOptionsProfile(digits(property(p, c, "sessionExpiryInterval")),
                digits(property(p, c, "receiveMaximum")), digits(property(p, c, "maximumPacketSize")),
                digits(property(p, c, "topicAliasMaximum")), property(p, c, "requestResponseInformation").asBoolean(false),
                problem.isBoolean() ? problem.asBoolean() : null, userProperties(property(p, c, "userProperties")));
    }

    /** A property from its object, else from beside it (where older MQTTX exports kept it). */
    private static JsonNode property(JsonNode properties, JsonNode beside, String name) {
        JsonNode v = properties.path(name);
        return present(v) ? v : beside.path(name);
    }

    /** A whole number as its digits, or empty. */
    private static String digits(JsonNode v) {
        String t = text(v);
        return t.matches("\\d+") ? t : "";
    }

    private static String text(JsonNode v) {
        return v.isTextual() || v.isNumber() || v.isBoolean() ? v.asText() : "";
    }

    /**
     * MQTT.js's user properties, an object of names to a value or a list of values (older exports: that
     * object as a JSON string), one {@code name=value} per line as the form takes them.
     */
    private static String userProperties(JsonNode v) {
        if (v.isTextual()) {
            try {
                v = Json.MAPPER.readTree(v.asText());
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                return "";
            }
        }
        List<String> lines = new ArrayList<>();
        if (v != null && v.isObject()) {
            v.fields().forEachRemaining(e -> {
                if (e.getValue().isArray()) {
                    e.getValue().forEach(one -> lines.add(e.getKey() + "=" + text(one)));
                } else {
                    lines.add(e.getKey() + "=" + text(e.getValue()));
                }
            });
        }
        return String.join("\n", lines);
    }

    private static void properties(JsonNode c, List<Text> notMapped) {
        Set<String> set = new LinkedHashSet<>();
        for (String p : CONNECT_PROPERTIES) {
            if (present(c.path("properties").path(p)) || present(c.path(p))) {
                set.add(p);
            }
        }
        if (!set.isEmpty()) {
            notMapped.add(Text.of("profiles.notMapped.properties", String.join(", ", set)));
        }
        List<String> publish = PUBLISH_PROPERTIES.stream().filter(p -> present(c.path(p))).toList();
        if (!publish.isEmpty()) {
            notMapped.add(Text.of("profiles.notMapped.publishProperties", String.join(", ", publish)));
        }
    }

    private String folderOf(JsonNode c, String folder, List<Text> notMapped) {
        String parent = text(c, "parentId");
        if (parent.isEmpty()) {
            return folder;
        }
        String name = collections.get(parent);
        if (name == null) { // MQTTX exports only the id of the collection, not its name
            name = Messages.format("profiles.import.collectionFolder", collections.size() + 1);
            collections.put(parent, name);
            notMapped.add(Text.of("profiles.notMapped.collectionName", name));
        }
        folders.add(name);
        return name;
    }

    private static List<SavedSubscription> subscriptions(JsonNode list, List<Text> notMapped) {
        List<SavedSubscription> out = new ArrayList<>();
        int index = 0;
        for (JsonNode s : list) {
            String topic = text(s, "topic");
            if (!Topics.isValidFilter(topic)) {
                notMapped.add(Text.of("profiles.notMapped.badSubscription", topic));
                continue;
            }
            long qos = number(s, "qos", 0);
            long rh = number(s, "rh", 0);
            if (s.path("disabled").asBoolean(false)) {
                notMapped.add(Text.of("profiles.notMapped.disabledSubscription", topic));
            }
            if (!text(s, "alias").isEmpty() || present(s.path("subscriptionIdentifier")) || present(s.path("userProperties"))) {
                notMapped.add(Text.of("profiles.notMapped.subscriptionExtras", topic));
            }
            out.add(new SavedSubscription(topic, qos >= 0 && qos <= 2 ? (int) qos : 0, colour(text(s, "color"), index),
                    s.path("nl").asBoolean(false), s.path("rap").asBoolean(false), rh >= 0 && rh <= 2 ? (int) rh : 0));
            index++;
        }
        return out;
    }

    /** The log colour nearest to MQTTX's {@code #rrggbb}; round the palette when there is none. */
    static int colour(String hex, int index) {
        String h = hex.startsWith("#") ? hex.substring(1) : hex;
        if (h.length() != 6 || !h.chars().allMatch(ch -> Character.digit(ch, 16) >= 0)) {
            return index % PALETTE.length;
        }
        int rgb = Integer.parseInt(h, 16);
        int best = 0;
        long bestDistance = Long.MAX_VALUE;
        for (int i = 0; i < PALETTE.length; i++) {
            long d = square(((rgb >> 16) & 0xff) - ((PALETTE[i] >> 16) & 0xff))
                    + square(((rgb >> 8) & 0xff) - ((PALETTE[i] >> 8) & 0xff)) + square((rgb & 0xff) - (PALETTE[i] & 0xff));
            if (d < bestDistance) {
                bestDistance = d;
                best = i;
            }
        }
        return best;
    }

    private static long square(int v) {
        return (long) v * v;
    }

    private static boolean present(JsonNode n) {
        return !n.isMissingNode() && !n.isNull() && !(n.isTextual() && n.asText().isEmpty())
                && !(n.isContainerNode() && n.isEmpty());
    }

    /** A text field; numbers are accepted as their digits (MQTTX's CSV and XML round trips turn some into strings). */
    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isTextual() || v.isNumber() || v.isBoolean() ? v.asText().strip() : "";
    }

    /** A whole number field, given as a number or as digits; the fallback when absent or not a whole number. */
    private static long number(JsonNode node, String field, long fallback) {
        JsonNode v = node.path(field);
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            return v.asLong();
        }
        if (v.isNumber() && v.asDouble() == Math.rint(v.asDouble()) && Math.abs(v.asDouble()) < 1e15) {
            return (long) v.asDouble();
        }
        if (v.isTextual()) {
            try {
                return Long.parseLong(v.asText().strip());
            } catch (NumberFormatException e) {
                return fallback;
            }
        }
        return fallback;
    }
}
