package org.quire.core.site;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.quire.core.Diagnostic;
import org.quire.core.Diagnostic.Kind;
import org.quire.core.text.LenientYaml;

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

    /** Settings read as far as they can be, and what could not be read. */
    public record Read(SiteSettings settings, List<Diagnostic> diagnostics) {
        public Read {
            diagnostics = List.copyOf(diagnostics);
        }
    }

    /**
     * Reads the file as far as it can be read, as an import needs it: a line that is not valid YAML loses its
     * setting (reported with its line) and the others are read; a {@code timezone} or {@code permalink} that cannot
     * be used is reported and Jekyll's default kept. Tabs are read where Ruby's Psych reads them.
     *
     * @param name how diagnostics name the file, such as {@code _config.yml}
     */
    public static Read readAsFarAsPossible(Path configFile, String name) throws IOException {
        String text = Files.readString(configFile, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<Diagnostic> diagnostics = new ArrayList<>();
        Object loaded;
        try {
            LenientYaml.Result result = LenientYaml.load(new Yaml(new SafeConstructor(new LoaderOptions())), text);
            loaded = result.value();
            for (LenientYaml.Loss loss : result.losses()) {
                diagnostics.add(Diagnostic.error(name, loss.line(), Kind.CONFIG_PARTLY_READ, "setting '" + loss.key()
                        + "' is not read, as it is not valid YAML: " + loss.problem()
                        + "; the other settings are read"));
            }
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            diagnostics.add(Diagnostic.error(name, line, Kind.CONFIG_PARTLY_READ, "not valid YAML: "
                    + e.getProblem() + "; Jekyll's default settings are used"));
            return new Read(SiteSettings.defaults(), diagnostics);
        } catch (YAMLException e) {
            diagnostics.add(Diagnostic.error(name, 0, Kind.CONFIG_PARTLY_READ, "not valid YAML: " + e.getMessage()
                    + "; Jekyll's default settings are used"));
            return new Read(SiteSettings.defaults(), diagnostics);
        }
        if (loaded == null) {
            return new Read(SiteSettings.defaults(), diagnostics);
        }
        if (!(loaded instanceof Map<?, ?> map)) {
            diagnostics.add(Diagnostic.error(name, 1, Kind.CONFIG_PARTLY_READ, "expected a mapping of settings"
                    + " (key: value); Jekyll's default settings are used"));
            return new Read(SiteSettings.defaults(), diagnostics);
        }
        Map<String, Object> config = new LinkedHashMap<>();
        map.forEach((key, value) -> config.put(String.valueOf(key), value));
        for (String key : List.of("timezone", "permalink")) {
            try {
                fromMap(name, config);
                break;
            } catch (IllegalArgumentException e) {
                String bad = e.getMessage().contains("timezone '") ? "timezone" : "permalink";
                diagnostics.add(Diagnostic.error(name, lineOf(text, bad), Kind.CONFIG_PARTLY_READ,
                        e.getMessage().substring(name.length() + 2) + "; Jekyll's default is used"));
                config.remove(bad);
                if (bad.equals("permalink") && config.get("collections") instanceof Map<?, ?> collections
                        && collections.get("posts") instanceof Map<?, ?> posts && posts.containsKey("permalink")) {
                    Map<Object, Object> withoutPattern = new LinkedHashMap<>(posts);
                    withoutPattern.remove("permalink");
                    Map<Object, Object> otherCollections = new LinkedHashMap<>(collections);
                    otherCollections.put("posts", withoutPattern);
                    config.put("collections", otherCollections);
                }
            }
        }
        return new Read(fromMap(name, config), diagnostics);
    }

    private static int lineOf(String text, String key) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].stripLeading().startsWith(key + ":")) {
                return i + 1;
            }
        }
        return 0;
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
