package dev.mqttdesk.core.log;

import dev.mqttdesk.core.mqtt.ConnectionSettings;
import dev.mqttdesk.core.mqtt.MqttSession;
import dev.mqttdesk.testing.Mosquitto;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 9's memory case: with {@code -Xmx512m}, 1,500 messages of 1 MiB arrive through a real broker,
 * are all counted, the oldest are evicted by the byte bound, and the JVM lives (it would exit on an
 * out-of-memory error). The subscriber runs in a child JVM so that its heap is what is tested.
 */
class BigPayloadsTest {

    private static final int COUNT = 1_500;
    private static final int MIB = 1 << 20;

    @Test
    void fifteen_hundred_payloads_of_one_mib_in_512_mb_are_counted_and_the_oldest_evicted() throws Exception {
        try (Mosquitto broker = Mosquitto.startTcp()) {
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            Process child = new ProcessBuilder(List.of(java.toString(), "-Xmx512m", "-XX:+ExitOnOutOfMemoryError",
                    "-cp", System.getProperty("java.class.path"), BigPayloadsChild.class.getName(),
                    Integer.toString(broker.tcpPort()), Integer.toString(COUNT)))
                    .redirectErrorStream(true).start();
            try {
                BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
                StringBuilder seen = new StringBuilder();
                for (String line; (line = out.readLine()) != null && !line.equals("READY"); ) {
                    seen.append(line).append('\n');
                }
                MqttSession publisher = new MqttSession(e -> { }, m -> { });
                publisher.connect(ConnectionSettings.defaults(broker.url(dev.mqttdesk.core.url.Transport.TCP))).get(30, TimeUnit.SECONDS);
                for (int i = 0; i < COUNT; i++) {
                    byte[] payload = new byte[MIB];
                    ByteBuffer.wrap(payload).putInt(i);
                    publisher.publish("big/" + (i % 10), 1, false, payload).get(60, TimeUnit.SECONDS);
                }
                publisher.disconnect().get(30, TimeUnit.SECONDS);
                String figures = null;
                for (String line; (line = out.readLine()) != null; ) {
                    seen.append(line).append('\n');
                    if (line.startsWith("received=")) {
                        figures = line;
                    }
                }
                assertTrue(child.waitFor(60, TimeUnit.SECONDS));
                assertEquals(0, child.exitValue(), seen.toString());
                assertTrue(figures != null, seen.toString());
                System.out.println("1 MiB flood in -Xmx512m: " + figures);
                Map<String, Long> f = new HashMap<>();
                for (String kv : figures.split(" ")) {
                    String[] p = kv.split("=");
                    f.put(p[0], Long.parseLong(p[1]));
                }
                assertEquals(COUNT, f.get("received"), "every message counted");
                assertEquals(COUNT, f.get("held") + f.get("evicted"), "held + evicted accounts for every one");
                assertEquals(f.get("maxHeap") / 4, f.get("maxBytes"), "the default bound is a quarter of the heap");
                assertTrue(f.get("heldBytes") <= f.get("maxBytes"), figures);
                assertTrue(f.get("held") > 10 && f.get("held") < COUNT, "the bound by bytes, not by count, evicted: " + figures);
                assertEquals(COUNT - f.get("held"), f.get("oldest"), "the oldest went first: the newest are held");
                assertEquals(f.get("held"), f.get("mirrored"), "a listener mirroring the batches holds what the log holds");
            } finally {
                child.destroyForcibly();
            }
        }
    }
}
