package org.quire.web.plugins;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.quire.api.ApiVersion;
import org.quire.api.CacheInvalidator;
import org.quire.api.MediaItem;
import org.quire.api.MediaStorage;
import org.quire.api.PluginContext;
import org.quire.api.PluginDescriptor;
import org.quire.api.PluginLogger;
import org.quire.api.PluginSettings;
import org.quire.api.SettingDefinition;
import org.quire.api.SiteView;
import org.quire.api.TemplateRenderer;
import org.quire.api.records.PluginRecords;
import org.quire.core.plugin.PluginContextFactory;
import org.quire.web.media.MediaFile;
import org.quire.web.media.MediaStore;
import org.quire.web.publicsite.PageCache;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;

/**
 * Builds the context each plugin receives: the host's services, narrowed to that plugin (its settings, its
 * templates, a logger that names it).
 */
@ApplicationScoped
public class HostContexts implements PluginContextFactory {

    @Inject
    DatabaseSiteView site;

    @Inject
    MediaStore media;

    @Inject
    PageCache cache;

    @Inject
    Engine qute;

    @Inject
    ObjectMapper json;

    @Inject
    org.quire.web.plugins.records.HostRecords records;

    @Inject
    org.quire.web.plugins.work.HostWork work;

    @Inject
    org.quire.web.plugins.http.HostHttp http;

    @Inject
    WorkFolders workFolders;

    @Inject
    org.quire.web.plugins.mail.PluginMailer mail;

    @Inject
    PluginEventPublisher events;

    @Override
    public PluginContext contextFor(PluginDescriptor descriptor, ClassLoader pluginClassLoader) {
        String id = descriptor.id();
        Logger log = Logger.getLogger("org.quire.plugin." + id);
        PluginLogger logger = new PluginLogger() {
            @Override
            public void debug(String message) {
                log.debugf("[%s] %s", id, message);
            }

            @Override
            public void info(String message) {
                log.infof("[%s] %s", id, message);
            }

            @Override
            public void warn(String message) {
                log.warnf("[%s] %s", id, message);
            }

            @Override
            public void error(String message, Throwable cause) {
                log.errorf(cause, "[%s] %s", id, message);
            }
        };
        PluginSettings settings = new StoredSettings(descriptor);
        TemplateRenderer templates = new PluginTemplates(id, pluginClassLoader);
        MediaStorage storage = new Storage();
        CacheInvalidator invalidator = new CacheInvalidator() {
            @Override
            public void invalidatePath(String path) {
                cache.invalidatePath(path);
            }

            @Override
            public void invalidatePrefix(String prefix) {
                cache.invalidatePrefix(prefix);
            }

            @Override
            public void invalidateAll() {
                cache.invalidateAll();
            }
        };
        if (descriptor.uses(org.quire.api.Capability.RECORDS)) {
            records.indexAsDeclared(descriptor);
        }
        return new PluginContext() {
            private volatile PluginRecords pluginRecords;
            private volatile org.quire.api.work.PluginWork pluginWork;

            @Override
            public java.nio.file.Path workFolder() {
                return workFolders.of(id);
            }

            @Override
            public org.quire.api.mail.PluginMail mail() {
                return mail.forPlugin(descriptor);
            }

            @Override
            public org.quire.api.events.EventPublisher events() {
                return events.forPlugin(descriptor);
            }

            @Override
            public org.quire.api.http.OutboundHttp http() {
                return http.forPlugin(descriptor);
            }

            @Override
            public org.quire.api.work.PluginWork work() {
                org.quire.api.work.PluginWork known = pluginWork;
                if (known == null) {
                    known = pluginWork = work.workOf(descriptor);
                }
                return known;
            }

            @Override
            public PluginRecords records() {
                PluginRecords known = pluginRecords;
                if (known == null) {
                    known = pluginRecords = records.recordsOf(descriptor);
                }
                return known;
            }

            @Override
            public ApiVersion apiVersion() {
                return ApiVersion.CURRENT;
            }

            @Override
            public SiteView site() {
                return site;
            }

            @Override
            public PluginSettings settings() {
                return settings;
            }

            @Override
            public MediaStorage media() {
                return storage;
            }

            @Override
            public TemplateRenderer templates() {
                return templates;
            }

            @Override
            public CacheInvalidator cache() {
                return invalidator;
            }

            @Override
            public PluginLogger logger() {
                return logger;
            }
        };
    }

    /** Counts saves of plugins' state here and changes told by other instances; see {@link StoredSettings}. */
    private final java.util.concurrent.atomic.AtomicLong settingsChanges = new java.util.concurrent.atomic.AtomicLong();

    /** Called before and after a plugin's stored state changes here, and when another instance says it changed. */
    void settingsMayHaveChanged() {
        settingsChanges.incrementAndGet();
    }

    /** Stored settings as read at a count of page drops and of settings changes. */
    private record ReadSettings(long drops, long changes, Map<String, String> values) {
    }

    /**
     * A plugin's settings: stored values over the declared defaults. Plugins ask while rendering every post and
     * page, so what was read is kept until the plugins' state is saved (here, or on another instance), or pages are
     * dropped (a restored backup drops them all).
     */
    private final class StoredSettings implements PluginSettings {
        private final PluginDescriptor descriptor;
        private volatile ReadSettings read;

        StoredSettings(PluginDescriptor descriptor) {
            this.descriptor = descriptor;
        }

        @Override
        public String get(String key) {
            SettingDefinition definition = descriptor.settings().stream().filter(s -> s.key().equals(key)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("Plugin '" + descriptor.id()
                            + "' declares no setting '" + key + "'"));
            return stored().getOrDefault(key, definition.defaultValue());
        }

        @Override
        public Map<String, String> asMap() {
            Map<String, String> stored = stored();
            Map<String, String> all = new LinkedHashMap<>();
            descriptor.settings().forEach(s -> all.put(s.key(), stored.getOrDefault(s.key(), s.defaultValue())));
            return all;
        }

        private Map<String, String> stored() {
            // Both counts before reading: a change made during the read leaves this copy already out of date.
            long drops = cache.dropsSoFar();
            long changes = settingsChanges.get();
            ReadSettings known = read;
            if (known != null && known.drops() == drops && known.changes() == changes) {
                return known.values();
            }
            // Not Map.copyOf: a stored setting may be null (a restored or hand-edited row), as before.
            Map<String, String> values = java.util.Collections.unmodifiableMap(new java.util.HashMap<>(readStored()));
            read = new ReadSettings(drops, changes, values);
            return values;
        }

        private Map<String, String> readStored() {
            return QuarkusTransaction.joiningExisting().call(() -> {
                PluginState state = PluginState.findById(descriptor.id());
                if (state == null) {
                    return Map.<String, String>of();
                }
                try {
                    return json.readValue(state.settingsJson, new TypeReference<Map<String, String>>() {
                    });
                } catch (IOException e) {
                    return Map.<String, String>of();
                }
            });
        }
    }

    /**
     * Renders a plugin's templates with the host's Qute engine. A theme overrides one by shipping
     * {@code templates/theme/plugins/<plugin id>/<name>}.
     */
    private final class PluginTemplates implements TemplateRenderer {
        private final String pluginId;
        private final ClassLoader loader;
        private final Map<String, Template> parsed = new ConcurrentHashMap<>();

        PluginTemplates(String pluginId, ClassLoader loader) {
            this.pluginId = pluginId;
            this.loader = loader;
        }

        @Override
        public String render(String name, Map<String, Object> data) {
            Template template = parsed.computeIfAbsent(name, this::load);
            return template.render(data);
        }

        private Template load(String name) {
            Template override = qute.getTemplate("theme/plugins/" + pluginId + "/" + name);
            if (override != null) {
                return override;
            }
            String resource = TEMPLATE_ROOT + pluginId + "/" + name;
            try (InputStream in = loader.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalArgumentException("Plugin '" + pluginId + "' has no template " + resource);
                }
                // As HTML, so {value} is escaped: plugin pages show authors' titles and administrators' text.
                return qute.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8),
                        io.quarkus.qute.Variant.forContentType(io.quarkus.qute.Variant.TEXT_HTML), pluginId + "/" + name);
            } catch (IOException e) {
                throw new IllegalStateException("Cannot read template " + resource + " of plugin " + pluginId, e);
            }
        }
    }

    /** The media store as the SPI describes it. */
    private final class Storage implements MediaStorage {
        @Override
        public MediaItem store(String path, InputStream content, String contentType) throws IOException {
            return media.store(path, content, contentType, null, null);
        }

        @Override
        public Optional<InputStream> open(String path) throws IOException {
            Optional<MediaFile> file = media.find(path);
            return file.isEmpty() ? Optional.empty() : Optional.of(media.open(file.get()));
        }

        @Override
        public Optional<MediaItem> describe(String path) {
            return media.find(path).map(MediaStore::item);
        }

        @Override
        public List<MediaItem> list(String prefix) {
            return media.list(prefix);
        }

        @Override
        public boolean delete(String path) throws IOException {
            return media.delete(path);
        }

        @Override
        public String publicPath(String path) {
            return path.isEmpty() ? "/media/" : "/media/" + MediaStore.checkPath(path);
        }
    }
}
