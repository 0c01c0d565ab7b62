package dev.mqttdesk.core.mqtt;

import java.util.concurrent.CompletableFuture;

/** One HiveMQ async client of either protocol version, seen through the actions the app needs. */
interface ProtocolClient {

    CompletableFuture<Void> connect();

    CompletableFuture<Void> subscribe(String filter, int qos);

    CompletableFuture<Void> unsubscribe(String filter);

    CompletableFuture<Void> publish(String topic, int qos, boolean retain, byte[] payload);

    CompletableFuture<Void> disconnect();
}
