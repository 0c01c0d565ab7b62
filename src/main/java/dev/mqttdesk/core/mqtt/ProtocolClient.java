package dev.mqttdesk.core.mqtt;

import dev.mqttdesk.core.message.MessageProperties;

import java.util.concurrent.CompletableFuture;

/**
 * One HiveMQ async client of either protocol version, seen through the actions the app needs.
 * The client's builders check their input and throw; every method here turns that into a failed
 * future instead, so no exception leaves as a stack trace.
 */
interface ProtocolClient {

    /** (Re-)registers the callback that hands every received message on. */
    void listen();

    CompletableFuture<Void> connect();

    /** Completes with the QoS the broker granted; a refusal fails with its reason code and string in words. */
    CompletableFuture<Integer> subscribe(String filter, SubscribeOptions options);

    CompletableFuture<Void> unsubscribe(String filter);

    /**
     * MQTT 3.1.1 has no properties and sends none. A refusal (PUBACK, PUBREC, PUBCOMP) fails in words;
     * completes with what the broker said besides plain success (MQTT 5's "no matching subscribers"), or null.
     */
    CompletableFuture<dev.mqttdesk.core.i18n.Text> publish(String topic, int qos, boolean retain, byte[] payload, MessageProperties properties);

    CompletableFuture<Void> disconnect();

    /** Neither connected nor with a connect or reconnect attempt pending in the client library. */
    boolean idle();

    /** Runs a builder call; what it throws becomes a failed future. */
    static <T> CompletableFuture<T> guarded(java.util.function.Supplier<CompletableFuture<T>> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
