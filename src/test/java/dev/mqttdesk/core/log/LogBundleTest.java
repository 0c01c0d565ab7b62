package dev.mqttdesk.core.log;

import dev.mqttdesk.core.i18n.Messages;
import dev.mqttdesk.core.i18n.Text;
import dev.mqttdesk.testing.UsedKeys;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LogBundleTest {

    /** Every key the log core puts in a {@link Text}, read from its source. */
    private static final Set<String> USED = UsedKeys.keysUnder("dev/mqttdesk/core/log/");

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = LogBundleTest.class.getResourceAsStream("/dev/mqttdesk/i18n/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    private static Set<String> logKeys(Properties p) {
        Set<String> keys = new TreeSet<>();
        p.stringPropertyNames().stream().filter(k -> k.startsWith("log.")).forEach(keys::add);
        return keys;
    }

    @Test
    void both_languages_have_every_log_key_the_core_uses_and_the_same_log_keys() throws IOException {
        Properties en = load("messages.properties");
        Properties zh = load("messages_zh_CN.properties");
        assertEquals(logKeys(en), logKeys(zh));
        // The scan sees keys of several classes of the log core (the filter, the JSON view, the sizes).
        assertTrue(USED.containsAll(Set.of("log.filter.status", "log.json.invalid", "log.size.kib", "log.export.unknownFormat")),
                "the scan of core/log found only " + USED);
        for (String key : USED) {
            assertTrue(en.containsKey(key), key);
        }
    }

    @Test
    void every_log_sentence_formats_with_arguments_in_both_languages() {
        Locale before = Locale.getDefault();
        try {
            for (Locale locale : List.of(Locale.US, Locale.SIMPLIFIED_CHINESE)) {
                Locale.setDefault(locale);
                for (String key : USED) {
                    String text = Text.of(key, 3, 1536L, "x").resolve();
                    assertFalse(text.isBlank() || text.startsWith("log."), key + " in " + locale + ": " + text);
                    assertFalse(text.contains("{"), key + " in " + locale + " left a placeholder: " + text);
                }
                assertEquals(locale == Locale.US ? "12 of 1,000,000" : "12 / 1,000,000",
                        Messages.format("log.filter.status", 12, 1_000_000));
            }
        } finally {
            Locale.setDefault(before);
        }
    }
}
