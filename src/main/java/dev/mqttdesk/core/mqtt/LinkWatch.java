package dev.mqttdesk.core.mqtt;

import com.hivemq.client.internal.mqtt.MqttClientConnectionConfig;
import com.hivemq.client.internal.mqtt.message.ping.MqttPingReq;
import com.hivemq.client.mqtt.MqttClientConfig;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.concurrent.ScheduledFuture;

import java.lang.reflect.Field;
import java.util.concurrent.TimeUnit;

/**
 * Finds a dead link within 1.5 × the keep-alive. The client library sends its PINGREQ a keep-alive
 * after it last wrote and gives up a keep-alive after that: up to twice the keep-alive (measured:
 * 7.8 s at 4 s) on a link that silently drops everything. This watch notes when anything last came
 * in; after 0.75 × the keep-alive of silence it sends a PINGREQ of its own, and when nothing at all
 * comes in for half a keep-alive more, it closes the connection, which the session then reconnects.
 * <p>
 * It needs the client's network channel, which only the library's internal classes give: if they
 * change, the watch is simply not installed and the library's own keep-alive still applies.
 */
final class LinkWatch extends ChannelInboundHandlerAdapter {

    static final String NAME = "mqttdesk-link-watch";

    private final Channel channel;
    private final long pingAfterNanos;
    private final long giveUpNanos;
    private final Runnable onDead;
    private volatile long lastReadNanos = System.nanoTime();
    private long pingedAtNanos;
    private ScheduledFuture<?> ticks;

    private LinkWatch(Channel channel, int keepAliveSeconds, Runnable onDead) {
        this.channel = channel;
        long k = TimeUnit.SECONDS.toNanos(keepAliveSeconds);
        this.pingAfterNanos = k * 3 / 4;
        this.giveUpNanos = k / 2;
        this.onDead = onDead;
    }

    /**
     * Watches the connection the client has now; does nothing when keep-alive is off or the channel cannot be found.
     *
     * @param onDead told (on the network thread) just before the watch closes a dead connection
     */
    static void install(MqttClientConfig config, int keepAliveSeconds, Runnable onDead) {
        if (keepAliveSeconds <= 0) {
            return;
        }
        Channel channel = channelOf(config);
        if (channel == null || !channel.isActive()) {
            return;
        }
        LinkWatch watch = new LinkWatch(channel, keepAliveSeconds, onDead);
        channel.eventLoop().execute(() -> {
            if (channel.pipeline().get(NAME) != null) {
                return;
            }
            channel.pipeline().addFirst(NAME, watch);
            long tick = Math.max(TimeUnit.MILLISECONDS.toNanos(20), Math.min(TimeUnit.MILLISECONDS.toNanos(250),
                    TimeUnit.SECONDS.toNanos(keepAliveSeconds) / 20));
            watch.ticks = channel.eventLoop().scheduleAtFixedRate(watch::tick, tick, tick, TimeUnit.NANOSECONDS);
            channel.closeFuture().addListener(f -> watch.ticks.cancel(false));
        });
    }

    private static Channel channelOf(MqttClientConfig config) {
        try {
            Object internal = config;
            if (!(internal instanceof com.hivemq.client.internal.mqtt.MqttClientConfig)) {
                // The MQTT 3 view wraps the internal config.
                Field delegate = internal.getClass().getDeclaredField("delegate");
                delegate.setAccessible(true);
                internal = delegate.get(internal);
            }
            if (internal instanceof com.hivemq.client.internal.mqtt.MqttClientConfig c) {
                MqttClientConnectionConfig connection = c.getRawConnectionConfig();
                return connection == null ? null : connection.getChannel();
            }
            return null;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return null;
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        lastReadNanos = System.nanoTime();
        ctx.fireChannelRead(msg);
    }

    private void tick() {
        long now = System.nanoTime();
        long silent = now - lastReadNanos;
        if (pingedAtNanos != 0 && lastReadNanos - pingedAtNanos >= 0) {
            pingedAtNanos = 0; // something came in since our ping: the link lives
        }
        if (pingedAtNanos == 0) {
            if (silent >= pingAfterNanos) {
                pingedAtNanos = now;
                channel.writeAndFlush(MqttPingReq.INSTANCE);
            }
        } else if (now - pingedAtNanos >= giveUpNanos) {
            ticks.cancel(false);
            onDead.run();
            channel.close();
        }
    }
}
