package dev.mqttdesk.check;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The app speaks English and Chinese alike: the same keys, the same placeholders, in every part. */
class BundlesTest {

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = BundlesTest.class.getResourceAsStream("/dev/mqttdesk/i18n/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    private static Set<String> checkKeys(Properties p) {
        return new TreeSet<>(p.stringPropertyNames());
    }

    private static Set<String> placeholders(String pattern) {
        Set<String> found = new TreeSet<>();
        Matcher m = Pattern.compile("\\{\\d+}").matcher(pattern);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    @Test
    void english_and_chinese_have_the_same_keys_with_the_same_placeholders() throws IOException {
        Properties en = load("messages.properties");
        Properties zh = load("messages_zh_CN.properties");
        assertEquals(checkKeys(en), checkKeys(zh));
        for (String key : checkKeys(en)) {
            assertEquals(placeholders(en.getProperty(key)), placeholders(zh.getProperty(key)), key);
        }
    }

    @Test
    void every_step_and_status_has_a_title_in_both_languages() throws IOException {
        Properties en = load("messages.properties");
        Properties zh = load("messages_zh_CN.properties");
        for (CheckId id : CheckId.values()) {
            assertTrue(en.containsKey(id.titleKey()) && zh.containsKey(id.titleKey()), id.titleKey());
        }
        for (CheckStatus s : CheckStatus.values()) {
            assertTrue(en.containsKey(s.labelKey()) && zh.containsKey(s.labelKey()), s.labelKey());
        }
    }

    @Test
    void no_sentence_holds_an_apostrophe_that_message_format_would_swallow() throws IOException {
        for (String bundle : new String[]{"messages.properties", "messages_zh_CN.properties"}) {
            Properties p = load(bundle);
            for (String key : checkKeys(p)) {
                assertFalse(p.getProperty(key).contains("'"), bundle + " " + key);
            }
        }
    }
}
