package dev.mqttdesk.miniprogram;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the demo page for a broker from the templates in this package's resources ({@code native/},
 * {@code uniapp/}), with the MQTT.js build when this build has it. Plain text in, files out: nothing is
 * written to disk here ({@link PageWriter} does that).
 */
public final class PageGenerator {

    private static final List<String> NATIVE_PROJECT = List.of("app.js", "app.json", "sitemap.json", "project.config.json");
    private static final List<String> NATIVE_PAGE = List.of("index.js", "index.wxml", "index.wxss", "index.json");

    private final String appVersion;

    public PageGenerator(String appVersion) {
        this.appVersion = appVersion;
    }

    /** The files of the page, the main source first; {@code utils/mqtt.min.js} last when bundled. */
    public List<PageFile> generate(PageRequest request) {
        Map<String, String> values = values(request);
        List<PageFile> files = new ArrayList<>();
        if (request.flavor() == Flavor.NATIVE) {
            for (String name : NATIVE_PAGE) {
                files.add(PageFile.text("pages/index/" + name, expand(template("native/" + name), values)));
            }
            for (String name : NATIVE_PROJECT) {
                files.add(PageFile.text(name, expand(template("native/" + name), values)));
            }
        } else {
            files.add(PageFile.text("pages/index/index.vue", expand(template("uniapp/index.vue"), values)));
        }
        MqttJs.bundled().ifPresent(lib -> files.add(new PageFile(MqttJs.PAGE_PATH, lib)));
        return files;
    }

    /**
     * The page's main source alone (index.js or index.vue), for a preview that follows every keystroke: one
     * template, without reading the other files or the MQTT.js build.
     */
    public PageFile mainSource(PageRequest request) {
        String path = request.flavor() == Flavor.NATIVE ? "pages/index/index.js" : "pages/index/index.vue";
        String template = request.flavor() == Flavor.NATIVE ? "native/index.js" : "uniapp/index.vue";
        return PageFile.text(path, expand(template(template), values(request)));
    }

    private Map<String, String> values(PageRequest r) {
        PageTarget t = r.target();
        Map<String, String> v = new LinkedHashMap<>();
        v.put("APP_VERSION", appVersion);
        v.put("URL", t.pageUrl());
        v.put("MQTTJS_VERSION", MqttJs.VERSION);
        v.put("SCHEME", JsLiteral.of(t.scheme()));
        v.put("HOST", JsLiteral.of(t.host()));
        v.put("PORT", Integer.toString(t.port()));
        v.put("PATH", JsLiteral.of(t.path()));
        v.put("TOPIC", JsLiteral.of(r.topic()));
        v.put("AUTH_OPTIONS", auth(r, "    "));
        v.put("AUTH_OPTIONS_VUE", auth(r, "          "));
        return v;
    }

    private static String auth(PageRequest r, String indent) {
        StringBuilder b = new StringBuilder();
        r.username().ifPresent(u -> b.append(indent).append("username: ").append(JsLiteral.of(u)).append(",\n"));
        r.password().ifPresent(p -> b.append(indent).append("password: ").append(JsLiteral.of(p)).append(",\n"));
        return b.toString();
    }

    static String expand(String template, Map<String, String> values) {
        StringBuilder out = new StringBuilder(template.length() + 256);
        int at = 0;
        while (true) {
            int start = template.indexOf("@@", at);
            if (start < 0) {
                return out.append(template, at, template.length()).toString();
            }
            int end = template.indexOf("@@", start + 2);
            String name = end < 0 ? null : template.substring(start + 2, end);
            if (name == null || !values.containsKey(name)) {
                throw new IllegalStateException("unknown placeholder in a page template at " + start + ": " + name);
            }
            out.append(template, at, start).append(values.get(name));
            at = end + 2;
        }
    }

    private static String template(String name) {
        try (InputStream in = PageGenerator.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("page template missing from the build: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
