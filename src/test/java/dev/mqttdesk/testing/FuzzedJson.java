package dev.mqttdesk.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

/**
 * JSON files as they go wrong, for property tests: good documents with values replaced, fields dropped or added,
 * text cut short, bytes changed, pieces dropped or inserted; random JSON; random bytes. Not shrinkable: a failure
 * prints the whole input.
 */
public final class FuzzedJson {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Values that mean something to our readers, the edges of them, and nonsense. */
    private static final List<Object> SCALARS = List.of("", " ", "mqtt", "mqtts", "ws", "wss", "tcp", "quic", "5.0", "5",
            "3.1.1", "4", "3.1", "3", "MQTT_5_0", "MQTT_3_1_1", "localhost", "127.0.0.1", "::1", "[::1]", "broker.emqx.io",
            "a b", "#", "+", "a/+/b", "a/#/b", "$SYS/#", "/mqtt", "mqtt", "self", "server", "#ff0000", "#12345", "#zzzzzz",
            "mqtt-desk-profiles", "mqtt://h:1883", "ws://h:8083/p", "x".repeat(300), "名称", "\u0000", "1", "-1",
            "1e3", 0, 1, 2, 3, -1, 1883, 65535, 65536, 3600, 3601, 86_400_000, Integer.MAX_VALUE, Long.MIN_VALUE,
            new BigInteger("123456789012345678901234567890"), 0.5, -0.0, 1e300, true, false);

    private FuzzedJson() {
    }

    /** Mostly variations of the {@code valid} documents, some random JSON, a few random bytes. */
    public static Arbitrary<byte[]> around(List<byte[]> valid) {
        List<JsonNode> trees = valid.stream().map(FuzzedJson::read).toList();
        return Arbitraries.randomValue(random -> {
            int pick = random.nextInt(100);
            JsonNode seed = trees.get(random.nextInt(trees.size()));
            if (pick < 45) {
                return bytes(mutateTree(seed, random));
            }
            if (pick < 70) {
                return mutateText(valid.get(random.nextInt(valid.size())), random);
            }
            if (pick < 85) {
                return mutateText(bytes(mutateTree(seed, random)), random);
            }
            if (pick < 95) {
                return bytes(value(random, 4));
            }
            byte[] noise = new byte[random.nextInt(64)];
            random.nextBytes(noise);
            return noise;
        });
    }

    /** A copy of {@code tree} with one to four of its values replaced, removed, added or duplicated. */
    public static JsonNode mutateTree(JsonNode tree, Random random) {
        JsonNode copy = tree.deepCopy();
        List<String> keys = new ArrayList<>();
        List<JsonNode> containers = new ArrayList<>();
        collect(copy, containers, keys);
        for (int n = 1 + random.nextInt(4); n > 0 && !containers.isEmpty(); n--) {
            JsonNode at = containers.get(random.nextInt(containers.size()));
            if (at instanceof ObjectNode object) {
                mutate(object, keys, random);
            } else if (at instanceof ArrayNode array) {
                mutate(array, random);
            }
        }
        return random.nextInt(20) == 0 ? value(random, 2) : copy;
    }

    private static void mutate(ObjectNode object, List<String> keys, Random random) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        int what = random.nextInt(4);
        if (names.isEmpty() || what == 0) {
            String key = keys.isEmpty() || random.nextInt(4) == 0 ? randomText(random) : keys.get(random.nextInt(keys.size()));
            object.set(key, value(random, 3));
        } else if (what == 1) {
            object.remove(names.get(random.nextInt(names.size())));
        } else {
            object.set(names.get(random.nextInt(names.size())), value(random, what == 2 ? 0 : 3));
        }
    }

    private static void mutate(ArrayNode array, Random random) {
        int what = random.nextInt(4);
        if (array.isEmpty() || what == 0) {
            array.add(value(random, 3));
        } else if (what == 1) {
            array.remove(random.nextInt(array.size()));
        } else if (what == 2) {
            array.set(random.nextInt(array.size()), value(random, 2));
        } else {
            array.add(array.get(random.nextInt(array.size())).deepCopy());
        }
    }

    /** The text cut short, a byte changed, a piece dropped, or a piece of JSON syntax (or a bad UTF-8 byte) put in. */
    public static byte[] mutateText(byte[] text, Random random) {
        if (text.length == 0) {
            return text;
        }
        int at = random.nextInt(text.length);
        switch (random.nextInt(4)) {
            case 0 -> {
                return Arrays.copyOf(text, at);
            }
            case 1 -> {
                byte[] out = text.clone();
                out[at] = (byte) random.nextInt(256);
                return out;
            }
            case 2 -> {
                int end = Math.min(text.length, at + 1 + random.nextInt(40));
                byte[] out = new byte[text.length - (end - at)];
                System.arraycopy(text, 0, out, 0, at);
                System.arraycopy(text, end, out, at, text.length - end);
                return out;
            }
            default -> {
                String[] pieces = {"{", "}", "[", "]", ",", ":", "\"", "\\", "null", "-", "1e999", "\u0000", "\uFEFF", "//",
                        "/*", "NaN", "'", " "};
                byte[] piece = random.nextInt(10) == 0 ? new byte[]{(byte) 0xC3} // a UTF-8 sequence cut in half
                        : pieces[random.nextInt(pieces.length)].getBytes(StandardCharsets.UTF_8);
                byte[] out = new byte[text.length + piece.length];
                System.arraycopy(text, 0, out, 0, at);
                System.arraycopy(piece, 0, out, at, piece.length);
                System.arraycopy(text, at, out, at + piece.length, text.length - at);
                return out;
            }
        }
    }

    /** A random JSON value at most {@code depth} containers deep. */
    public static JsonNode value(Random random, int depth) {
        int kind = depth <= 0 ? 2 + random.nextInt(8) : random.nextInt(10);
        if (kind == 0) {
            ObjectNode object = NODES.objectNode();
            for (int i = random.nextInt(5); i > 0; i--) {
                object.set(random.nextBoolean() ? scalarText(random) : randomText(random), value(random, depth - 1));
            }
            return object;
        }
        if (kind == 1) {
            ArrayNode array = NODES.arrayNode();
            for (int i = random.nextInt(5); i > 0; i--) {
                array.add(value(random, depth - 1));
            }
            return array;
        }
        if (kind == 2) {
            return NODES.nullNode();
        }
        if (kind == 3) {
            return NODES.textNode(randomText(random));
        }
        if (kind == 4) {
            return random.nextBoolean() ? NODES.numberNode(random.nextLong()) : NODES.numberNode(random.nextGaussian() * 1e6);
        }
        return JSON.valueToTree(SCALARS.get(random.nextInt(SCALARS.size())));
    }

    private static String scalarText(Random random) {
        Object s = SCALARS.get(random.nextInt(SCALARS.size()));
        return String.valueOf(s);
    }

    private static String randomText(Random random) {
        StringBuilder s = new StringBuilder();
        for (int i = random.nextInt(12); i > 0; i--) {
            int range = random.nextInt(4);
            s.append((char) (range == 0 ? random.nextInt(0x20) : range == 1 ? 0x20 + random.nextInt(0x5F)
                    : range == 2 ? 0x4E00 + random.nextInt(0x100) : random.nextInt(0xD800))); // no lone surrogates: those cannot be written
        }
        return s.toString();
    }

    private static void collect(JsonNode node, List<JsonNode> containers, List<String> keys) {
        if (!node.isContainerNode()) {
            return;
        }
        containers.add(node);
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            keys.add(names.next());
        }
        node.forEach(child -> collect(child, containers, keys));
    }

    private static JsonNode read(byte[] json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(JsonNode tree) {
        try {
            return JSON.writeValueAsBytes(tree);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
