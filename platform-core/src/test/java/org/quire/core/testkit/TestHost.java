package org.quire.core.testkit;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkus.qute.Engine;
import io.quarkus.qute.HtmlEscaper;
import io.quarkus.qute.ReflectionValueResolver;
import io.quarkus.qute.Variant;
import org.quire.api.ApiVersion;
import org.quire.api.AuthorView;
import org.quire.api.CacheInvalidator;
import org.quire.api.Capability;
import org.quire.api.MediaItem;
import org.quire.api.MediaStorage;
import org.quire.api.PluginContext;
import org.quire.api.PluginDescriptor;
import org.quire.api.PluginLogger;
import org.quire.api.PluginSettings;
import org.quire.api.PostView;
import org.quire.api.SettingDefinition;
import org.quire.api.SiteInfo;
import org.quire.api.SiteView;
import org.quire.api.TagView;
import org.quire.api.TemplateRenderer;
import org.quire.api.records.PluginRecords;
import org.quire.core.plugin.PluginContextFactory;
import org.quire.core.site.Tag;

/**
 * An in-memory host for plugin tests: the services of {@link PluginContext} backed by lists and maps, recording
 * what plugins log and invalidate. Templates are rendered with Qute as HTML (values escaped), as the host renders
 * them. Plugin authors test with it too (see docs/plugins.md): it renders Markdown and routes through a plugin
 * without starting Quarkus.
 */
public final class TestHost implements PluginContextFactory {

    /** As the host renders plugin templates: escaped HTML, with {@code .raw} for markup the plugin vouches for. */
    private static final Engine QUTE = Engine.builder().addDefaults().addValueResolver(new ReflectionValueResolver())
            .addValueResolver(io.quarkus.qute.ValueResolvers.rawResolver())
            .addResultMapper(new HtmlEscaper(List.of(Variant.TEXT_HTML))).build();

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();

    private final SiteInfo info = new SiteInfo("Test site", "A site for tests", "https://example.org", "",
            Locale.ENGLISH, ZoneOffset.UTC);
    private final List<PostView> posts = new CopyOnWriteArrayList<>();
    private final Map<String, Map<String, String>> settingsByPlugin = new ConcurrentHashMap<>();
    /** A stored file; each store gets a later time, so a replaced file has a new version as in the real store. */
    private record StoredFile(byte[] bytes, MediaItem item) {
    }

    private final Map<String, StoredFile> media = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong storeClock = new java.util.concurrent.atomic.AtomicLong();
    private final List<String> log = new CopyOnWriteArrayList<>();
    private final Map<String, InMemoryRecords> recordsByPlugin = new ConcurrentHashMap<>();
    private final Map<String, InMemoryWork> workByPlugin = new ConcurrentHashMap<>();
    private final Map<String, InMemoryMail> mailByPlugin = new ConcurrentHashMap<>();
    private final Map<String, InMemoryHttp> httpByPlugin = new ConcurrentHashMap<>();
    private final Map<String, java.util.function.Function<org.quire.api.http.OutboundRequest,
            org.quire.api.http.OutboundResponse>> answers = new ConcurrentHashMap<>();
    private final Map<String, List<org.quire.api.SiteEvent.PluginEvent>> publishedByPlugin = new ConcurrentHashMap<>();
    private volatile boolean mailOn = true;
    private final List<String> invalidated = new CopyOnWriteArrayList<>();

    public TestHost publish(PostView post) {
        posts.add(0, post);
        return this;
    }

    /** Sets a plugin's setting as an administrator would. */
    public TestHost set(String pluginId, String key, String value) {
        settingsByPlugin.computeIfAbsent(pluginId, id -> new ConcurrentHashMap<>()).put(key, value);
        return this;
    }

    /** Log lines, each {@code LEVEL plugin-id: message}. */
    public List<String> log() {
        return Collections.unmodifiableList(log);
    }

    public List<String> invalidated() {
        return Collections.unmodifiableList(invalidated);
    }

    public SiteView site() {
        return siteView;
    }

    @Override
    public PluginContext contextFor(PluginDescriptor descriptor, ClassLoader pluginClassLoader) {
        String id = descriptor.id();
        PluginSettings settings = new PluginSettings() {
            @Override
            public String get(String key) {
                SettingDefinition definition = descriptor.settings().stream().filter(s -> s.key().equals(key))
                        .findFirst().orElseThrow(() -> new IllegalArgumentException(
                                "plugin '" + id + "' declares no setting '" + key + "'"));
                return settingsByPlugin.getOrDefault(id, Map.of()).getOrDefault(key, definition.defaultValue());
            }

            @Override
            public Map<String, String> asMap() {
                Map<String, String> all = new LinkedHashMap<>();
                descriptor.settings().forEach(s -> all.put(s.key(), get(s.key())));
                return all;
            }
        };
        PluginLogger logger = new PluginLogger() {
            @Override
            public void debug(String message) {
                log.add("DEBUG " + id + ": " + message);
            }

            @Override
            public void info(String message) {
                log.add("INFO " + id + ": " + message);
            }

            @Override
            public void warn(String message) {
                log.add("WARN " + id + ": " + message);
            }

            @Override
            public void error(String message, Throwable cause) {
                log.add("ERROR " + id + ": " + message + (cause == null ? "" : " (" + cause + ")"));
            }
        };
        TemplateRenderer templates = (name, data) -> {
            String resource = TemplateRenderer.TEMPLATE_ROOT + id + "/" + name;
            try (InputStream in = pluginClassLoader.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalArgumentException("plugin '" + id + "' has no template " + resource);
                }
                // As the host does: Qute, parsed as HTML so {value} is escaped.
                return QUTE.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8),
                        Variant.forContentType(Variant.TEXT_HTML), id + "/" + name).render(data);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
        CacheInvalidator cache = new CacheInvalidator() {
            @Override
            public void invalidatePath(String path) {
                invalidated.add(path);
            }

            @Override
            public void invalidatePrefix(String prefix) {
                invalidated.add(prefix + "*");
            }

            @Override
            public void invalidateAll() {
                invalidated.add("*");
            }
        };
        return new PluginContext() {
            @Override
            public ApiVersion apiVersion() {
                return ApiVersion.CURRENT;
            }

            @Override
            public SiteView site() {
                return siteView;
            }

            @Override
            public PluginSettings settings() {
                return settings;
            }

            @Override
            public MediaStorage media() {
                return mediaStorage;
            }

            @Override
            public TemplateRenderer templates() {
                return templates;
            }

            @Override
            public CacheInvalidator cache() {
                return cache;
            }

            @Override
            public PluginLogger logger() {
                return logger;
            }

            @Override
            public PluginRecords records() {
                if (!descriptor.uses(Capability.RECORDS)) {
                    throw new IllegalStateException("Plugin '" + id + "' declares no collection of records: declare"
                            + " each in its descriptor (PluginDescriptor.Builder#collection) to use records()");
                }
                return recordsOf(descriptor);
            }

            @Override
            public java.nio.file.Path workFolder() {
                try {
                    return java.nio.file.Files.createDirectories(workRoot().resolve(id));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public org.quire.api.work.PluginWork work() {
                if (!descriptor.uses(Capability.WORK)) {
                    throw new IllegalStateException("Plugin '" + id + "' does not declare the WORK capability: add"
                            + " .uses(Capability.WORK) to its descriptor to use work()");
                }
                return workOf(id);
            }

            @Override
            public org.quire.api.mail.PluginMail mail() {
                if (!descriptor.uses(Capability.MAIL)) {
                    throw new IllegalStateException("Plugin '" + id + "' does not declare the MAIL capability: add"
                            + " .uses(Capability.MAIL) to its descriptor to use mail()");
                }
                return mailByPlugin.computeIfAbsent(id, pluginId -> new InMemoryMail(pluginId, () -> mailOn));
            }

            @Override
            public org.quire.api.http.OutboundHttp http() {
                if (!descriptor.uses(Capability.OUTBOUND_HTTP)) {
                    throw new IllegalStateException("Plugin '" + id + "' declares no host it calls: declare each in"
                            + " its descriptor (PluginDescriptor.Builder#calls) to use http()");
                }
                return httpByPlugin.computeIfAbsent(id, ignored -> new InMemoryHttp(descriptor, answers));
            }

            @Override
            public org.quire.api.events.EventPublisher events() {
                if (descriptor.publishes().isEmpty()) {
                    throw new IllegalStateException("Plugin '" + id + "' declares no type of event it publishes:"
                            + " declare each in its descriptor (PluginDescriptor.Builder#publishes) to use events()");
                }
                return (type, payload) -> publishedOf(id).add(checkedEvent(descriptor, type, payload));
            }
        };
    }

    private List<org.quire.api.SiteEvent.PluginEvent> publishedOf(String pluginId) {
        return publishedByPlugin.computeIfAbsent(pluginId, ignored -> new CopyOnWriteArrayList<>());
    }

    /** The host's checks of a published event: a declared type and a JSON object of bounded size. */
    private static org.quire.api.SiteEvent.PluginEvent checkedEvent(PluginDescriptor descriptor, String type,
                                                                    String payload) {
        String where = "Plugin '" + descriptor.id() + "', event '" + type + "'";
        if (!descriptor.publishes(type)) {
            throw new IllegalArgumentException(where + ": the descriptor does not declare it; it publishes "
                    + String.join(", ", descriptor.publishes()));
        }
        if (payload == null || payload.length() > org.quire.api.events.EventPublisher.LONGEST_PAYLOAD) {
            throw new IllegalArgumentException(where + ": the payload is missing or too long");
        }
        com.fasterxml.jackson.databind.JsonNode parsed;
        try {
            parsed = JSON.readTree(payload);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(where + ": the payload is not JSON (" + e.getOriginalMessage() + ")");
        }
        if (parsed == null || !parsed.isObject()) {
            throw new IllegalArgumentException(where + ": the payload is not a JSON object");
        }
        return new org.quire.api.SiteEvent.PluginEvent(type, descriptor.id(), payload);
    }

    /** Answers plugins' calls to URLs that start with {@code urlPrefix} (the longest prefix that matches wins). */
    public TestHost answer(String urlPrefix, java.util.function.Function<org.quire.api.http.OutboundRequest,
            org.quire.api.http.OutboundResponse> answer) {
        answers.put(urlPrefix, answer);
        return this;
    }

    /** The calls the plugin with this id made that its descriptor allows, in order. */
    public List<org.quire.api.http.OutboundRequest> sentRequests(String pluginId) {
        InMemoryHttp http = httpByPlugin.get(pluginId);
        return http == null ? List.of() : http.sent();
    }

    /** The events the plugin with this id published, in order, to hand to a plugin that hears them. */
    public List<org.quire.api.SiteEvent.PluginEvent> publishedEvents(String pluginId) {
        return List.copyOf(publishedOf(pluginId));
    }

    /** Turns the host's mail off (or on again), as a site without {@code quire.mail.host} has it. */
    public TestHost mail(boolean on) {
        mailOn = on;
        return this;
    }

    /** What the plugin with this id has sent, in order; empty when it sent nothing. */
    public List<org.quire.api.mail.MailMessage> sentMail(String pluginId) {
        InMemoryMail mail = mailByPlugin.get(pluginId);
        return mail == null ? List.of() : mail.sent();
    }

    private volatile java.nio.file.Path workRoot;

    /** A temporary folder for this host's plugins' working folders, made when first asked for. */
    private java.nio.file.Path workRoot() throws IOException {
        if (workRoot == null) {
            synchronized (this) {
                if (workRoot == null) {
                    java.nio.file.Path made = java.nio.file.Files.createTempDirectory("quire-test-host-work-");
                    made.toFile().deleteOnExit();
                    workRoot = made;
                }
            }
        }
        return workRoot;
    }

    /** A plugin's work, kept across its restarts in this host, as the site's database keeps it. */
    private InMemoryWork workOf(String pluginId) {
        return workByPlugin.computeIfAbsent(pluginId, InMemoryWork::new);
    }

    /**
     * Runs the plugin's background work as the host's work threads would: every task due by now (and those they
     * enqueue), each recurring task once, a failing task again up to its attempts.
     *
     * @return how many runs there were
     */
    public int runWork(org.quire.api.QuirePlugin plugin) {
        return workOf(plugin.descriptor().id()).run(plugin.tasks(), Instant.now());
    }

    /** The plugin's tasks kept as failed after their last attempt, each {@code name: error}. */
    public List<String> failedTasks(String pluginId) {
        return workOf(pluginId).failed().stream().map(w -> w.name() + ": " + w.error()).toList();
    }

    /** The plugin's tasks still waiting, by name. */
    public List<String> waitingTasks(String pluginId) {
        return workOf(pluginId).waiting().stream().map(InMemoryWork.Waiting::name).toList();
    }

    /** A plugin's records, kept across its restarts in this host, as the site's database keeps them. */
    private PluginRecords recordsOf(PluginDescriptor descriptor) {
        return recordsByPlugin.computeIfAbsent(descriptor.id(), id -> new InMemoryRecords(descriptor));
    }

    /** The records of the plugin with this id, to look at in a test; empty when it kept none. */
    public java.util.Optional<PluginRecords> records(String pluginId) {
        return java.util.Optional.ofNullable(recordsByPlugin.get(pluginId));
    }

    private final SiteView siteView = new SiteView() {
        @Override
        public SiteInfo info() {
            return info;
        }

        @Override
        public List<PostView> publishedPosts() {
            return List.copyOf(posts);
        }

        @Override
        public Optional<PostView> postBySlug(String slug) {
            return posts.stream().filter(p -> p.slug().equals(slug)).findFirst();
        }

        @Override
        public List<TagView> tags() {
            Map<String, TagView> byKey = new TreeMap<>();
            for (PostView post : posts) {
                for (TagView tag : post.tags()) {
                    byKey.merge(tag.key(), new TagView(tag.name(), tag.key(), tag.urlForm(), 1),
                            (a, b) -> new TagView(a.name(), a.key(), a.urlForm(), a.count() + 1));
                }
            }
            return List.copyOf(byKey.values());
        }

        @Override
        public Optional<TagView> tag(String nameOrUrlForm) {
            String key = Tag.fromUrlForm(nameOrUrlForm).key();
            return tags().stream().filter(t -> t.key().equals(key)).findFirst();
        }

        @Override
        public List<PostView> postsTagged(TagView tag) {
            return posts.stream().filter(p -> p.tags().stream().anyMatch(t -> t.key().equals(tag.key()))).toList();
        }

        @Override
        public List<String> categories() {
            return posts.stream().map(PostView::category).filter(c -> c != null).distinct().toList();
        }

        @Override
        public List<PostView> postsInCategory(String category) {
            return posts.stream().filter(p -> p.category() != null && p.category().equalsIgnoreCase(category.trim()))
                    .toList();
        }

        @Override
        public List<AuthorView> authors() {
            return posts.stream().flatMap(p -> p.authors().stream()).distinct().toList();
        }

        @Override
        public List<PostView> postsBy(String authorHandle) {
            return posts.stream().filter(p -> p.authors().stream()
                    .anyMatch(a -> a.handle().equalsIgnoreCase(authorHandle.trim()))).toList();
        }
    };

    private final MediaStorage mediaStorage = new MediaStorage() {
        @Override
        public MediaItem store(String path, InputStream content, String contentType) throws IOException {
            byte[] bytes = content.readAllBytes();
            MediaItem item = new MediaItem(path, contentType == null ? "application/octet-stream" : contentType,
                    bytes.length, Instant.EPOCH.plusMillis(storeClock.incrementAndGet()));
            media.put(path, new StoredFile(bytes, item));
            return item;
        }

        @Override
        public Optional<InputStream> open(String path) {
            StoredFile file = media.get(path);
            return file == null ? Optional.empty() : Optional.of(new ByteArrayInputStream(file.bytes()));
        }

        @Override
        public Optional<MediaItem> describe(String path) {
            return Optional.ofNullable(media.get(path)).map(StoredFile::item);
        }

        @Override
        public List<MediaItem> list(String prefix) {
            List<MediaItem> items = new ArrayList<>();
            new TreeMap<>(media).forEach((path, file) -> {
                if (path.startsWith(prefix)) {
                    items.add(file.item());
                }
            });
            return items;
        }

        @Override
        public boolean delete(String path) {
            return media.remove(path) != null;
        }

        @Override
        public String publicPath(String path) {
            return "/media/" + path;
        }
    };

    /**
     * A published post for a site view, with the platform's tag identity applied to its tag names; its date comes
     * from a {@code /YYYY/MM/DD/} path, or is 2017-12-29.
     */
    public static PostView post(String slug, String title, String path, String... tags) {
        List<TagView> tagViews = new ArrayList<>();
        for (String name : tags) {
            Tag tag = new Tag(name);
            tagViews.add(new TagView(tag.name(), tag.key(), tag.urlForm(), 1));
        }
        Matcher datePath = Pattern.compile("^/(\\d{4})/(\\d{2})/(\\d{2})/").matcher(path);
        java.time.OffsetDateTime date = datePath.find()
                ? java.time.OffsetDateTime.of(Integer.parseInt(datePath.group(1)), Integer.parseInt(datePath.group(2)),
                        Integer.parseInt(datePath.group(3)), 0, 0, 0, 0, ZoneOffset.UTC)
                : java.time.OffsetDateTime.of(2017, 12, 29, 0, 0, 0, 0, ZoneOffset.UTC);
        return new PostView(slug, slug, title, path, date, date, "", "<p>" + title + "</p>",
                "<p>" + title + "</p>", null, tagViews, List.of(new AuthorView("jane", "Jane", "", null)), Map.of());
    }
}
