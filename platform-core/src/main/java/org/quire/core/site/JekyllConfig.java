package org.quire.core.site;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads a Jekyll {@code _config.yml} into {@link SiteSettings}: {@code title}, {@code description}, {@code url},
 * {@code baseurl}, {@code timezone} (UTC when absent, as the platform never uses the machine's zone),
 * {@code excerpt_separator}, and the post permalink ({@code collections.posts.permalink} before
 * {@code permalink}, default {@code date}). Every key is kept for {@code {{ site.KEY }}}.
 */
public final class JekyllConfig {

    private JekyllConfig() {
    }

    /**
     * @throws IllegalArgumentException naming the file, line and field when the file is not a YAML mapping or a
     *                                  setting has a value Jekyll would refuse
     */
    public static SiteSettings read(Path configFile) throws IOException {
        String text = Files.readString(configFile, StandardCharsets.UTF_8);
        Object loaded;
        try {
            loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            throw new IllegalArgumentException(configFile + ":" + line + ": not valid YAML: " + e.getProblem(), e);
        } catch (YAMLException e) {
            throw new IllegalArgumentException(configFile + ": not valid YAML: " + e.getMessage(), e);
        }
        if (loaded == null) {
            return SiteSettings.defaults();
        }
        if (!(loaded instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(configFile + ": expected a mapping of settings (key: value)");
        }
        Map<String, Object> config = new LinkedHashMap<>();
        map.forEach((key, value) -> config.put(String.valueOf(key), value));
        return fromMap(configFile.toString(), config);
    }

    static SiteSettings fromMap(String name, Map<String, Object> config) {
        ZoneId zone = ZoneOffset.UTC;
        Object timezone = config.get("timezone");
        if (timezone != null && !timezone.toString().isBlank()) {
            try {
                zone = ZoneId.of(timezone.toString().trim());
            } catch (DateTimeException e) {
                throw new IllegalArgumentException(name + ": timezone '" + timezone
                        + "' is not an IANA time zone name such as Europe/Berlin or America/Los_Angeles", e);
            }
        }
        String permalink = nested(config, "collections", "posts", "permalink");
        if (permalink == null) {
            permalink = string(config.get("permalink"));
        }
        PermalinkPattern pattern;
        try {
            pattern = permalink == null || permalink.isBlank() ? PermalinkPattern.DATE : PermalinkPattern.of(permalink);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
        }
        return new SiteSettings(string(config.get("title")), string(config.get("description")),
                string(config.get("url")), string(config.get("baseurl")), zone,
                string(config.get("excerpt_separator")), pattern, config);
    }

    private static String nested(Map<String, Object> config, String... keys) {
        Object current = config;
        for (String key : keys) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(key);
        }
        return string(current);
    }

    private static String string(Object value) {
        return value == null || value instanceof Map<?, ?> ? null : value.toString();
    }
}
