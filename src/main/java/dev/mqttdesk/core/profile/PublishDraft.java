package dev.mqttdesk.core.profile;

/** What the publish box held when the connection was last saved. */
public record PublishDraft(String topic, int qos, boolean retain, String payload) {

    public static final PublishDraft DEFAULT = new PublishDraft("testtopic/1", 0, false, "{\"msg\": \"hello\"}");
}
