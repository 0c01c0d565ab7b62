package dev.mqttdesk.bench;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;

import java.util.concurrent.TimeUnit;

/** The yardstick: a bare HiveMQ async subscriber whose callback only counts. */
final class RawSubscriber {

    private RawSubscriber() {
    }

    static Phase flood(FloodSource source, int n) throws Exception {
        Arrivals arrivals = new Arrivals();
        Mqtt5AsyncClient client = Mqtt5Client.builder().identifier("bench-raw-" + System.nanoTime())
                .serverHost("127.0.0.1").serverPort(source.port()).buildAsync();
        client.publishes(MqttGlobalPublishFilter.ALL, p -> arrivals.arrived(1));
        client.connect().get(30, TimeUnit.SECONDS);
        client.subscribeWith().topicFilter(Flood.FILTER).qos(MqttQos.AT_MOST_ONCE).send().get(30, TimeUnit.SECONDS);
        long sent = source.send(n);
        arrivals.awaitSettled(sent, 3_000, 300_000);
        client.disconnect().get(30, TimeUnit.SECONDS);
        return new Phase(sent, arrivals.count(), arrivals.rate());
    }
}
