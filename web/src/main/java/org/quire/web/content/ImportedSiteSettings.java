package org.quire.web.content;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.quire.core.site.SiteSettings;
import org.quire.web.site.SettingsApi;
import org.quire.web.site.Site;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * A Jekyll site's {@code _config.yml} as Quire's site settings: {@code title}, {@code description}, {@code url},
 * {@code lang} (or {@code locale}), {@code timezone}, {@code permalink} and {@code paginate}. The first import into
 * a site takes them over, so that canonical links, feeds and every post's address are the old site's; a later
 * import only lists where they differ, unless asked to apply them. Jekyll's {@code baseurl} is not Quire's to
 * take: where Quire is served is its deployment's {@code quire.base-path}, and the old addresses under
 * {@code baseurl} answer 301. The site's {@code author} is the author of posts that name none (see
 * {@link JekyllImport}).
 */
@ApplicationScoped
class ImportedSiteSettings {

    /** What the site's settings would be, each as text, with the value the Jekyll site gives. */
    record Wanted(Map<String, String> values) {
    }

    @Inject
    SettingsApi settings;

    /** The settings {@code _config.yml} gives, by Quire's names; a setting it leaves out is not listed. */
    static Wanted wanted(SiteSettings jekyll) {
        Map<String, Object> config = jekyll.config();
        Map<String, String> values = new LinkedHashMap<>();
        putIfSet(values, "title", config.get("title"));
        putIfSet(values, "description", config.get("description"));
        putIfSet(values, "url", config.get("url"));
        Object language = config.get("lang") != null ? config.get("lang") : config.get("locale");
        if (language != null && !language.toString().isBlank()) {
            String tag = Locale.forLanguageTag(language.toString().strip().replace('_', '-')).toLanguageTag();
            if (!tag.equals("und")) {
                values.put("locale", tag);
            }
        }
        if (config.get("timezone") != null) {
            values.put("timeZone", jekyll.timeZone().getId());
        }
        Object permalink = permalinkOf(config);
        values.put("permalink", permalink == null || permalink.toString().isBlank() ? "date"
                : permalink.toString().strip());
        Object paginate = config.get("paginate");
        if (paginate instanceof Number number && number.intValue() > 0) {
            values.put("postsPerPage", String.valueOf(number.intValue()));
        }
        return new Wanted(values);
    }

    /** Each setting that differs, as {@code name: 'quire' here, 'jekyll' in _config.yml}. */
    List<String> differences(Wanted wanted) {
        Map<String, String> current = QuarkusTransaction.requiringNew().call(() -> current(Site.get()));
        List<String> differences = new ArrayList<>();
        wanted.values().forEach((name, value) -> {
            String now = current.get(name);
            if (!value.equals(now)) {
                differences.add(name + ": '" + now + "' here, '" + value + "' in _config.yml");
            }
        });
        return differences;
    }

    /**
     * Makes them the site's settings, moving posts to new addresses as a settings change does.
     *
     * @return each setting changed, as {@code name: 'before' → 'after'}
     */
    List<String> apply(Wanted wanted) {
        List<String> changes = differences(wanted);
        if (changes.isEmpty()) {
            return changes;
        }
        Map<String, String> v = wanted.values();
        settings.put(new SettingsApi.Settings(v.get("title"), v.get("description"), v.get("url"), v.get("locale"),
                v.get("timeZone"), v.get("permalink"),
                v.containsKey("postsPerPage") ? Integer.valueOf(v.get("postsPerPage")) : null, null));
        return changes;
    }

    private static Map<String, String> current(Site site) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("title", site.title);
        values.put("description", site.description);
        values.put("url", site.url);
        values.put("locale", site.locale);
        values.put("timeZone", site.timeZone);
        values.put("permalink", site.permalink);
        values.put("postsPerPage", String.valueOf(site.postsPerPage));
        return values;
    }

    private static Object permalinkOf(Map<String, Object> config) {
        if (config.get("collections") instanceof Map<?, ?> collections
                && collections.get("posts") instanceof Map<?, ?> posts && posts.get("permalink") != null) {
            return posts.get("permalink");
        }
        return config.get("permalink");
    }

    private static void putIfSet(Map<String, String> values, String name, Object value) {
        if (value != null && !(value instanceof Map<?, ?>) && !(value instanceof List<?>)
                && !value.toString().isBlank()) {
            String text = value.toString().strip();
            values.put(name, name.equals("url") && text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        }
    }
}
