package dev.mqttdesk.testing;

import dev.mqttdesk.core.i18n.InvalidInputException;
import dev.mqttdesk.core.i18n.Text;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** The keys of both i18n bundles, read as files (no fallback to the raw key), for tests that check words exist. */
public final class BundleKeys {

    public static final String ENGLISH = "messages.properties";
    public static final String CHINESE = "messages_zh_CN.properties";

    private static final Properties EN = load(ENGLISH);
    private static final Properties ZH = load(CHINESE);

    private BundleKeys() {
    }

    public static Properties load(String name) {
        Properties p = new Properties();
        try (InputStream in = BundleKeys.class.getResourceAsStream("/dev/mqttdesk/i18n/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no bundle " + name + " on the class path");
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    public static Set<String> keys(String bundle) {
        return new TreeSet<>((bundle.equals(ENGLISH) ? EN : ZH).stringPropertyNames());
    }

    public static boolean inBoth(String key) {
        return EN.containsKey(key) && ZH.containsKey(key);
    }

    /** Fails unless this text's key, and the key of every text among its arguments, is in both bundles. */
    public static void assertInBoth(Text text) {
        assertTrue(inBoth(text.key()), () -> "key missing from a bundle: " + text);
        for (Object arg : text.args()) {
            if (arg instanceof Text nested) {
                assertInBoth(nested);
            }
        }
    }

    /**
     * Runs the action; it may finish or refuse with an {@link InvalidInputException} whose words are
     * in both bundles. Any other exception fails the test, with the input in the message.
     */
    public static void assertFinishesOrRefusesInWords(Object input, Runnable action) {
        try {
            action.run();
        } catch (InvalidInputException refused) {
            assertInBoth(refused.text());
        } catch (RuntimeException | Error escaped) {
            fail("input " + Printable.of(input) + " threw " + escaped, escaped);
        }
    }
}
