package dev.mqttdesk.check;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttClientBuilder;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.message.connect.connack.Mqtt3ConnAck;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAck;
import dev.mqttdesk.core.mqtt.ClientConfig;
import dev.mqttdesk.core.url.BrokerUrl;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Real MQTT clients (HiveMQ's) that connect the way MQTT.js 4.x does inside a mini-program: an id
 * like {@code mqttjs_1a2b3c4d}, clean session, keep-alive 60 s, over the URL's transport, to the
 * address the TCP step reached, trusting what the check trusts.
 */
final class MqttProbe {

    static final int KEEP_ALIVE_SECONDS = 60;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final CheckContext context;

    MqttProbe(CheckContext context) {
        this.context = context;
    }

    /** An open MQTT 3.1.1 connection; closing it disconnects. */
    record Connection(Mqtt3AsyncClient client, Mqtt3ConnAck ack, long millis, int timeoutSeconds) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            client.disconnect().get(timeoutSeconds, TimeUnit.SECONDS);
        }

        /** Disconnects without waiting (from a thread that was interrupted). */
        void closeSoon() {
            client.disconnect();
        }
    }

    Connection connect311() throws InterruptedException, ExecutionException, TimeoutException, UnknownHostException {
        Mqtt3AsyncClient client = builder().useMqttVersion3().buildAsync();
        long start = System.nanoTime();
        Mqtt3ConnAck ack = await(client.connectWith().cleanSession(true).keepAlive(KEEP_ALIVE_SECONDS).send(),
                client::disconnect);
        return new Connection(client, ack, (System.nanoTime() - start) / 1_000_000, context.options().timeoutSeconds());
    }

    /** Connects with MQTT 5.0, notes the CONNACK, and disconnects again. */
    Mqtt5ConnAck tryMqtt5() throws InterruptedException, ExecutionException, TimeoutException, UnknownHostException {
        Mqtt5AsyncClient client = builder().useMqttVersion5().buildAsync();
        Mqtt5ConnAck ack = await(client.connectWith().cleanStart(true).keepAlive(KEEP_ALIVE_SECONDS).send(),
                client::disconnect);
        try {
            client.disconnect().get(waitSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException ignored) {
            // the CONNACK is what we came for
        }
        return ack;
    }

    /**
     * Waits for a CONNACK. When the wait ends without one (time, interruption), the client may still be
     * connecting: should it connect after all, it disconnects at once, so no probe lives on in the app.
     */
    private <A> A await(CompletableFuture<A> connecting, Supplier<CompletableFuture<Void>> disconnect)
            throws InterruptedException, ExecutionException, TimeoutException {
        try {
            return connecting.get(waitSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException | TimeoutException e) {
            connecting.whenComplete((ack, error) -> {
                if (error == null) {
                    disconnect.get();
                }
            });
            throw e;
        }
    }

    /** A client id of the shape MQTT.js gives when none is set. */
    static String mqttJsClientId() {
        return "mqttjs_" + String.format("%08x", RANDOM.nextInt());
    }

    private long waitSeconds() {
        // the client's own timeouts (connect, handshakes) fire first; this only stops a wait that never ends
        return context.options().timeoutSeconds() * 2L + 1;
    }

    private MqttClientBuilder builder() throws UnknownHostException {
        BrokerUrl url = context.target().url();
        int timeout = context.options().timeoutSeconds();
        InetSocketAddress reached = context.reachable();
        // The address the TCP step reached, carrying the host name: SNI, certificate check and Host header use the name.
        InetSocketAddress server = new InetSocketAddress(
                InetAddress.getByAddress(url.host(), reached.getAddress().getAddress()), url.port());
        // One builder of the transport for the app and the check: same TLS, same WebSocket path and query.
        return MqttClient.builder().identifier(mqttJsClientId()).transportConfig(ClientConfig.transport(url,
                new ClientConfig.Trust(context.trust().factory(), false), timeout, server));
    }
}
