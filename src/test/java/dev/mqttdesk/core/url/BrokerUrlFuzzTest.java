package dev.mqttdesk.core.url;

import dev.mqttdesk.testing.BundleKeys;
import dev.mqttdesk.testing.Printable;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Fuzzed broker URLs: whatever the user pastes is read or refused in words, and what we print reads back the same. */
class BrokerUrlFuzzTest {

    @Property(tries = 10_000)
    void any_text_is_read_or_refused_in_words(@ForAll("urlLikeText") String text) {
        BundleKeys.assertFinishesOrRefusesInWords(text, () -> BrokerUrl.parse(text));
    }

    @Property(tries = 10_000)
    void a_url_that_was_read_prints_as_text_that_reads_back_the_same(@ForAll("urlLikeText") String text) {
        BrokerUrl url;
        try {
            url = BrokerUrl.parse(text);
        } catch (dev.mqttdesk.core.i18n.InvalidInputException refused) {
            return;
        }
        assertEquals(url, BrokerUrl.parse(url.toString()), () -> "read from " + Printable.of(text));
    }

    @Property(tries = 10_000)
    void a_url_made_from_its_parts_prints_as_text_that_reads_back_the_same(
            @ForAll Transport transport, @ForAll("hosts") String host, @ForAll("ports") int port,
            @ForAll("paths") String path) {
        BrokerUrl url;
        try {
            url = new BrokerUrl(transport, host, port, path);
        } catch (dev.mqttdesk.core.i18n.InvalidInputException refused) {
            BundleKeys.assertInBoth(refused.text());
            return;
        }
        BrokerUrl back = BrokerUrl.parse(url.toString());
        assertEquals(url, back, () -> "printed as " + Printable.of(url.toString()));
    }

    @Provide
    Arbitrary<String> urlLikeText() {
        Arbitrary<String> scheme = Arbitraries.oneOf(
                Arbitraries.of("mqtt", "tcp", "mqtts", "ssl", "tls", "ws", "wss", "wx", "wxs", "http", "", "MQTT", "Ws")
                        .map(s -> s + "://"),
                Arbitraries.just(""),
                Arbitraries.strings().ofMaxLength(6).map(s -> s + "://"));
        Arbitrary<String> authority = Arbitraries.oneOf(
                hosts(),
                hosts().map(h -> "[" + h + "]"),
                Arbitraries.strings().withChars("[]:@%.-_0123456789abcdef").ofMaxLength(20));
        Arbitrary<String> port = Arbitraries.oneOf(
                Arbitraries.just(""),
                Arbitraries.integers().between(-5, 70_000).map(p -> ":" + p),
                Arbitraries.strings().withChars("0123456789 +-:").ofMaxLength(8).map(p -> ":" + p),
                Arbitraries.strings().numeric().ofMaxLength(12).map(p -> ":" + p));
        Arbitrary<String> structured = Combinators.combine(scheme, authority, port, paths())
                .as((s, a, p, path) -> s + a + p + path);
        return Arbitraries.oneOf(structured, structured.map(u -> u.toUpperCase(Locale.ROOT)),
                Arbitraries.strings().ofMaxLength(60), Arbitraries.strings().all().ofMaxLength(30));
    }

    @Provide
    Arbitrary<String> hosts() {
        return Arbitraries.oneOf(
                Arbitraries.of("127.0.0.1", "localhost", "broker.emqx.io", "::1", "fe80::1%eth0", "2001:db8::8:800:200c:417a",
                        "例子.测试", "xn--fsqu00a.xn--0zwm56d", "a_b", "-", ".", "%"),
                Arbitraries.strings().withChars("abcxyz019.-_:%").ofMinLength(1).ofMaxLength(30),
                Arbitraries.strings().ofMaxLength(12));
    }

    @Provide
    Arbitrary<Integer> ports() {
        return Arbitraries.oneOf(Arbitraries.integers().between(-2, 65_537),
                Arbitraries.of(1883, 8883, 8083, 8084, Integer.MIN_VALUE, Integer.MAX_VALUE));
    }

    @Provide
    Arbitrary<String> paths() {
        return Arbitraries.oneOf(
                Arbitraries.of("", "/", "/mqtt", "mqtt", "//", "/a b", "/#", "/?x=1", "/a://b", "/mqtt/", " /mqtt "),
                Arbitraries.strings().withChars("/abc?&=:%#@ .~").ofMaxLength(20).map(p -> "/" + p),
                Arbitraries.strings().ofMaxLength(15).map(p -> "/" + p));
    }
}
