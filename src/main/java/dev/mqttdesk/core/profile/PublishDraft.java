package dev.mqttdesk.core.profile;

import dev.mqttdesk.core.message.PublishProperties;

/**
 * What the publish box held when the connection was last saved, its MQTT 5 fields as typed.
 *
 * @param properties the MQTT 5 fields; none in files saved before they existed
 */
public record PublishDraft(String topic, int qos, boolean retain, String payload, PublishProperties properties) {

    public static final PublishDraft DEFAULT = new PublishDraft("testtopic/1", 0, false, "{\"msg\": \"hello\"}",
            PublishProperties.NONE);

    public PublishDraft {
        properties = properties == null ? PublishProperties.NONE : properties;
    }

    public PublishDraft(String topic, int qos, boolean retain, String payload) {
        this(topic, qos, retain, payload, PublishProperties.NONE);
    }
}
