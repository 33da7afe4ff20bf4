package org.quire.web.content;

import java.time.ZoneId;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.quire.core.ContentEngine;
import org.quire.core.site.PermalinkPattern;
import org.quire.core.site.SiteSettings;
import org.quire.web.plugins.PluginRuntime;
import org.quire.web.site.Site;

/**
 * The content engine for the site as it is configured now. The engine is immutable; a new one is built when the
 * site settings change (their version moves) or the running plugins do (their generation moves), so a render
 * never sees half-changed settings or half a set of plugins.
 */
@ApplicationScoped
public class SiteEngine {

    private record Built(long siteVersion, long pluginGeneration, ContentEngine engine) {
    }

    @Inject
    PluginRuntime plugins;

    @Inject
    com.fasterxml.jackson.databind.ObjectMapper json;

    private volatile Built current;

    /** The engine for {@code site}; call inside a transaction that loaded it. */
    public ContentEngine engineFor(Site site) {
        Built built = current;
        long generation = plugins.generation();
        if (built == null || built.siteVersion() != site.version || built.pluginGeneration() != generation) {
            built = new Built(site.version, generation,
                    ContentEngine.create(settingsOf(site, liquidSettings(site)), plugins.registry()));
            current = built;
        }
        return built.engine();
    }

    public static SiteSettings settingsOf(Site site, Map<String, Object> liquidSettings) {
        Map<String, Object> config = new java.util.LinkedHashMap<>(liquidSettings);
        config.put("locale", site.locale);
        return new SiteSettings(site.title, site.description, site.url, site.basePath, ZoneId.of(site.timeZone), null,
                PermalinkPattern.of(site.permalink), config);
    }

    private Map<String, Object> liquidSettings(Site site) {
        if (site.liquidJson == null || site.liquidJson.isBlank()) {
            return Map.of();
        }
        try {
            return json.readValue(site.liquidJson, new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() {
            });
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("The site's Liquid settings are not a JSON object: " + e.getMessage(), e);
        }
    }
}
