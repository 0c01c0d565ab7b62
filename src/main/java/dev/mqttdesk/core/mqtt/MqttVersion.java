package dev.mqttdesk.core.mqtt;

public enum MqttVersion {
    MQTT_3_1_1("MQTT 3.1.1"),
    MQTT_5_0("MQTT 5.0");

    private final String label;

    MqttVersion(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
