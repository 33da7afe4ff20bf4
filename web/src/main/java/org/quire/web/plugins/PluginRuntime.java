package org.quire.web.plugins;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.quire.api.PluginDescriptor;
import org.quire.api.QuirePlugin;
import org.quire.api.SettingDefinition;
import org.quire.api.SiteEvent;
import org.quire.core.plugin.ActivePlugin;
import org.quire.core.plugin.PluginProblem;
import org.quire.core.plugin.PluginRegistry;
import org.quire.web.cluster.ClusterSignals;
import org.quire.web.media.MediaStore;
import org.quire.web.publicsite.PageCache;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ImageMode;
import io.quarkus.runtime.Startup;

/**
 * Owns the plugins of the running application and changes them while it runs. Built-in plugins are found with
 * {@link ServiceLoader} on the application class path (which also works in a native image); in JVM mode, plugin jars
 * in the plugins folder ({@code quire.plugins.dir}, default {@code <data>/plugins}) are loaded too, each in a class
 * loader of its own that sees only the plugin API and commonmark ({@link PluginJars}).
 *
 * <p>The plugins run as one immutable {@link PluginRegistry}, a <em>generation</em>. Installing, enabling, disabling,
 * removing or upgrading a plugin builds the next generation with fresh plugin instances, swaps it in (the next request
 * renders with it, and cached pages are dropped), then closes the previous one. Enabled state and settings live in
 * the database ({@link PluginState}): built-in plugins are on until turned off, installed ones off until turned on.
 *
 * <p>A plugin that keeps failing while pages are rendered or events delivered ({@code quire.plugins.failure-limit}
 * failures in one generation) is turned off, with the reason stored for the administrator to read.
 */
@Startup
@ApplicationScoped
public class PluginRuntime {

    private static final Logger LOG = Logger.getLogger(PluginRuntime.class);
    /** Failures of a running plugin; a refusal at load or start is not counted, it never ran. */
    private static final Set<String> RUNNING_STAGES = Set.of("render", "event", "route", "section", "media filter");
    private static final int NOTICES_KEPT = 20;
    private static final long MAX_JAR_BYTES = 50L * 1024 * 1024;

    /** One setting of a plugin as the admin pages and API show it. */
    public record Setting(String key, String type, String value, String defaultValue, String description,
                          List<String> choices) {
    }

    /** A failure of a plugin, kept for the admin plugins page. */
    public record Notice(Instant at, String stage, String message) {
    }

    /** One plugin as the admin pages and API show it. */
    public record PluginInfo(String id, String name, String version, String requiredApi, boolean builtIn,
                             boolean enabled, boolean running, String jar, String disabledReason, List<Setting> settings,
                             List<Notice> notices, PluginUses uses) {
    }

    /** A jar in the plugins folder that could not be loaded, and why. */
    public record RefusedJar(String jar, String reason) {
    }

    /** A refused jar as it was on disk: looked at again once it changes (it may have been half copied). */
    private record Refusal(RefusedJar refused, long size, long modified) {
    }

    /** What the registry runs now, and its number (which goes up with every change). */
    private record Generation(long number, PluginRegistry registry) {
    }

    private final HostContexts contexts;
    private final PageCache pageCache;
    private final ObjectMapper json;
    private final Clock clock;
    private final Path folder;
    private final int failureLimit;
    private final ClassLoader application = PluginRuntime.class.getClassLoader();
    private final Object changes = new Object();
    /** Installed jars by plugin id, in the order they were found. */
    private final Map<String, PluginJars.OpenJar> installed = new LinkedHashMap<>();
    private final Map<String, Refusal> refusedJars = new TreeMap<>();
    private final Map<String, Deque<Notice>> notices = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
    private final Set<String> beingTurnedOff = ConcurrentHashMap.newKeySet();
    private final ExecutorService background = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "quire-plugin-runtime");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Generation current;
    /** At start the store only adds jars: one found here alone may just have been dropped in, not removed elsewhere. */
    private boolean firstFetchDone;

    /** Payloads of the PLUGINS signal: look at the jars and state again, or one plugin's settings changed. */
    private static final String REBUILD = "rebuild";
    private static final String SETTINGS = "settings:";
    /** Beside {@code _plugins/<id>.jar}: the plugin was removed, at the time the file holds. */
    private static final String REMOVED = ".removed";

    private final jakarta.enterprise.event.Event<PluginsChanged> changed;
    private final ClusterSignals cluster;
    private final MediaStore media;

    @Inject
    public PluginRuntime(HostContexts contexts, PageCache pageCache, ObjectMapper json, Clock clock,
                         jakarta.enterprise.event.Event<PluginsChanged> changed, ClusterSignals cluster,
                         MediaStore media,
                         @ConfigProperty(name = "quire.data-dir") String dataDir,
                         @ConfigProperty(name = "quire.plugins.dir") Optional<String> pluginsDir,
                         @ConfigProperty(name = "quire.plugins.failure-limit", defaultValue = "5") int failureLimit) {
        this.contexts = contexts;
        this.changed = changed;
        this.cluster = cluster;
        this.media = media;
        this.pageCache = pageCache;
        this.json = json;
        this.clock = clock;
        this.folder = pluginsDir.map(Path::of).orElse(Path.of(dataDir).resolve("plugins")).toAbsolutePath().normalize();
        this.failureLimit = Math.max(1, failureLimit);
        synchronized (changes) {
            if (externalJarsSupported()) {
                fetchSharedJars();
                loadFolder();
                shareLocalJars();
            }
            rebuild();
        }
        cluster.onSignal(ClusterSignals.Kind.PLUGINS, this::changedElsewhere);
        for (ActivePlugin plugin : active()) {
            LOG.infof("Plugin %s %s started", plugin.id(), plugin.descriptor().version());
        }
    }

    /** Whether plugin jars can be installed: not in a native image, which cannot load classes at run time. */
    public static boolean externalJarsSupported() {
        return ImageMode.current() != ImageMode.NATIVE_RUN;
    }

    public PluginRegistry registry() {
        return current.registry();
    }

    /** Goes up by one with every change of the running plugins; caches built from a registry compare it. */
    public long generation() {
        return current.number();
    }

    public List<ActivePlugin> active() {
        return registry().active();
    }

    public List<PluginProblem> refused() {
        return registry().refused();
    }

    public Path folder() {
        return folder;
    }

    public List<RefusedJar> refusedJars() {
        synchronized (changes) {
            return refusedJars.values().stream().map(Refusal::refused).toList();
        }
    }

    /** Every plugin known: running, turned off, or installed but refused, sorted by id. */
    public List<PluginInfo> plugins() {
        Map<String, PluginState> states = states();
        PluginRegistry registry = registry();
        Map<String, PluginInfo> all = new TreeMap<>();
        for (ActivePlugin plugin : registry.active()) {
            all.put(plugin.id(), info(plugin.descriptor(), true, states));
        }
        for (PluginDescriptor descriptor : registry.disabled()) {
            all.put(descriptor.id(), info(descriptor, false, states));
        }
        // An installed plugin turned on whose start failed: listed, so it can be turned off or removed.
        synchronized (changes) {
            for (PluginJars.OpenJar jar : installed.values()) {
                all.putIfAbsent(jar.descriptor().id(), info(jar.descriptor(), false, states));
            }
        }
        return List.copyOf(all.values());
    }

    public Optional<PluginInfo> plugin(String id) {
        return plugins().stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** Loads jars dropped into the plugins folder since the last look; they arrive turned off. */
    public void rescan() {
        if (!externalJarsSupported()) {
            return;
        }
        synchronized (changes) {
            int before = installed.size() + refusedJars.size();
            loadFolder();
            if (installed.size() + refusedJars.size() != before) {
                shareLocalJars();
                rebuild();
                cluster.send(ClusterSignals.Kind.PLUGINS, REBUILD);
            }
        }
    }

    /**
     * Installs a plugin jar, or upgrades the installed plugin with the same id (keeping its state and settings).
     * The jar is checked, its plugin started once on trial and closed, then it is listed, turned off when new.
     *
     * @param fileName the uploaded file's name, for messages
     * @throws PluginJars.PluginJarException naming the jar and what is wrong; nothing installed changes
     */
    public PluginInfo install(InputStream content, String fileName) throws PluginJars.PluginJarException, IOException {
        String shown = fileName == null || fileName.isBlank() ? "upload" : Path.of(fileName).getFileName().toString();
        if (!externalJarsSupported()) {
            throw new PluginJars.PluginJarException("Plugin jar '" + shown + "' is not installed: this Quire runs as a"
                    + " native executable, which cannot load plugin classes at run time; use the JVM build (the"
                    + " container image 'jvm') to install plugins", null);
        }
        Files.createDirectories(folder);
        Path upload = folder.resolve(".upload-" + UUID.randomUUID() + ".part");
        try {
            try (InputStream in = content) {
                long size = Files.copy(new LimitedStream(in, MAX_JAR_BYTES + 1), upload);
                if (size > MAX_JAR_BYTES) {
                    throw new PluginJars.PluginJarException("Plugin jar '" + shown + "' is larger than "
                            + MAX_JAR_BYTES / (1024 * 1024) + " MB", null);
                }
            }
            String id;
            try (PluginJars.OpenJar trial = PluginJars.open(upload, shown, application)) {
                id = trial.descriptor().id();
                checkIdIsFree(id, shown);
                tryStart(trial, shown);
            }
            synchronized (changes) {
                Path target = folder.resolve(id + ".jar");
                PluginJars.OpenJar previous = installed.get(id);
                moveInPlace(upload, target);
                PluginJars.OpenJar opened = PluginJars.open(target, target.getFileName().toString(), application);
                QuarkusTransaction.requiringNew().run(() -> {
                    if (PluginState.findById(id) == null) {
                        PluginState state = new PluginState();
                        state.pluginId = id;
                        state.enabled = false;
                        state.settingsJson = "{}";
                        state.updatedAt = clock.instant();
                        state.persist();
                    }
                });
                installed.put(id, opened);
                refusedJars.remove(target.getFileName().toString());
                share(id, target);
                try {
                    rebuild();
                    cluster.send(ClusterSignals.Kind.PLUGINS, REBUILD);
                } finally {
                    if (previous != null) {
                        previous.close();
                        if (!previous.jar().equals(target)) {
                            // A jar dropped in under another name: left there, a restart would load it again.
                            Files.deleteIfExists(previous.jar());
                        }
                    }
                }
                if (previous != null) {
                    LOG.infof("Plugin %s upgraded from %s to %s (%s)", id, previous.descriptor().version(),
                            opened.descriptor().version(), shown);
                } else {
                    LOG.infof("Plugin %s %s installed from %s (turned off until enabled)", id,
                            opened.descriptor().version(), shown);
                }
            }
            return plugin(id).orElseThrow();
        } finally {
            Files.deleteIfExists(upload);
        }
    }

    /** Turns a plugin on or off; takes effect on the next request. */
    public PluginInfo setEnabled(String id, boolean enabled) {
        synchronized (changes) {
            requireKnown(id);
            saveState(id, state -> {
                state.enabled = enabled;
                state.disabledReason = null;
            });
            failures.remove(id);
            rebuild();
            cluster.send(ClusterSignals.Kind.PLUGINS, REBUILD);
        }
        return plugin(id).orElseThrow();
    }

    /**
     * Stores new values for some of a plugin's settings after checking each against its declaration and the
     * plugin's own {@code checkSetting}. Nothing is stored when any value is refused.
     *
     * @return the refusals, each naming its setting; empty when stored
     */
    public List<String> saveSettings(String id, Map<String, String> values) {
        PluginDescriptor descriptor = descriptorOf(id);
        QuirePlugin checker = freshInstance(id);
        List<String> problems = new ArrayList<>();
        Map<String, SettingDefinition> declared = new HashMap<>();
        descriptor.settings().forEach(s -> declared.put(s.key(), s));
        for (Map.Entry<String, String> entry : values.entrySet()) {
            SettingDefinition definition = declared.get(entry.getKey());
            if (definition == null) {
                problems.add("Plugin '" + id + "' has no setting '" + entry.getKey() + "'; it has "
                        + declared.keySet().stream().sorted().toList());
                continue;
            }
            String problem = definition.validate(entry.getValue());
            if (problem != null) {
                problems.add(problem);
                continue;
            }
            try {
                problems.addAll(checker.checkSetting(entry.getKey(), entry.getValue()));
            } catch (RuntimeException | LinkageError e) {
                problems.add("Setting '" + entry.getKey() + "': plugin '" + id + "' failed to check it (" + e + ")");
            }
        }
        if (!problems.isEmpty()) {
            return problems;
        }
        synchronized (changes) {
            saveState(id, state -> {
                Map<String, String> stored = readSettings(state.settingsJson);
                stored.putAll(values);
                try {
                    state.settingsJson = json.writeValueAsString(new TreeMap<>(stored));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            // Told before posts are rendered again, so a plugin that caches what its settings give is current.
            registry().dispatch(new SiteEvent.SettingsChanged(id));
            announce();
            cluster.send(ClusterSignals.Kind.PLUGINS, SETTINGS + id);
        }
        return List.of();
    }

    /**
     * Removes an installed plugin: it stops, its class loader is closed and its jar deleted, with its state and
     * settings; a jar in the folder that was refused can be removed the same way, by the name it would have.
     *
     * @throws IllegalStateException for a built-in plugin, which can be turned off but not removed
     * @return false when there was nothing of that id to remove
     */
    public boolean uninstall(String id) throws IOException {
        synchronized (changes) {
            PluginJars.OpenJar jar = installed.remove(id);
            if (jar == null) {
                if (isBuiltIn(id)) {
                    throw new IllegalStateException("Plugin '" + id + "' is built in: turn it off instead;"
                            + " only installed plugins can be removed");
                }
                for (String name : List.of(id, id + ".jar")) {
                    if (refusedJars.remove(name) != null) {
                        Files.deleteIfExists(folder.resolve(name));
                        return true;
                    }
                }
                return false;
            }
            // Each step on its own: one that fails must not keep the others (and the other instances) from it.
            List<IOException> failed = new ArrayList<>();
            step(failed, this::rebuild);
            step(failed, jar::close);
            step(failed, () -> Files.deleteIfExists(jar.jar()));
            step(failed, () -> {
                // A mark that it was removed, so an instance that was down and still has the jar drops it.
                media.store(MediaStore.PLUGIN_JARS + id + REMOVED, new java.io.ByteArrayInputStream(
                        clock.instant().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)), "text/plain",
                        null, null);
                media.delete(MediaStore.PLUGIN_JARS + id + ".jar");
            });
            step(failed, () -> QuarkusTransaction.requiringNew().run(() -> PluginState.deleteById(id)));
            step(failed, () -> cluster.send(ClusterSignals.Kind.PLUGINS, REBUILD));
            if (!failed.isEmpty()) {
                throw failed.get(0);
            }
            notices.remove(id);
            failures.remove(id);
            LOG.infof("Plugin %s removed", id);
            return true;
        }
    }

    /** Builds the next generation from the database's state and swaps it in; the caller holds {@code changes}. */
    private void rebuild() {
        rebuild(true);
    }

    /**
     * @param here whether the change was made on this instance, which renders the posts again; another instance
     *             only follows (the posts' HTML is in the shared database already)
     */
    private void rebuild(boolean here) {
        Map<String, PluginState> states = states();
        long number = current == null ? 1 : current.number() + 1;
        PluginRegistry.Builder builder = PluginRegistry.builder()
                .discover(application)
                .contexts(contexts)
                .onProblem(problem -> onProblem(problem, number))
                .enabledWhen(descriptor -> enabled(descriptor.id(), states));
        for (Map.Entry<String, PluginJars.OpenJar> jar : installed.entrySet()) {
            try {
                builder.add(jar.getValue().newPlugin());
            } catch (RuntimeException | LinkageError e) {
                onProblem(new PluginProblem(jar.getKey(), "load", "cannot be created: " + e, e), number);
            }
        }
        PluginRegistry next = builder.build();
        Generation previous = current;
        current = new Generation(number, next);
        failures.clear();
        beingTurnedOff.clear();
        if (previous != null) {
            try {
                if (here) {
                    announce();
                } else {
                    pageCache.invalidateAllHere();
                }
            } finally {
                previous.registry().close();
            }
        }
    }

    /**
     * Now and then, makes sure this instance runs what the database and the store say, in case a signal from
     * another instance was missed or could not be applied (the store did not answer, say).
     */
    @io.quarkus.scheduler.Scheduled(every = "${quire.plugins.reconcile:60s}", delayed = "60s",
            concurrentExecution = io.quarkus.scheduler.Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = io.quarkus.scheduler.Scheduled.ApplicationNotRunning.class)
    void reconcile() {
        synchronized (changes) {
            Map<String, PluginState> states = states();
            PluginRegistry registry = registry();
            java.util.Set<String> running = new java.util.HashSet<>();
            registry.active().forEach(p -> running.add(p.id()));
            java.util.Set<String> wanted = new java.util.HashSet<>();
            registry.active().forEach(p -> {
                if (enabled(p.id(), states)) {
                    wanted.add(p.id());
                }
            });
            registry.disabled().forEach(d -> {
                if (enabled(d.id(), states)) {
                    wanted.add(d.id());
                }
            });
            // A plugin that is wanted but refused (its start fails) is not a reason to rebuild every minute.
            registry.refused().forEach(p -> wanted.remove(p.plugin()));
            java.util.Set<String> jarsBefore = new java.util.HashSet<>(installed.keySet());
            List<PluginJars.OpenJar> replaced = externalJarsSupported() ? fetchSharedJars() : List.of();
            if (!replaced.isEmpty() || !jarsBefore.equals(installed.keySet()) || !wanted.equals(running)) {
                try {
                    rebuild(false);
                } finally {
                    replaced.forEach(PluginJars.OpenJar::close);
                }
            }
        }
    }

    /**
     * Runs what the database and the shared store say now, after a restore replaced both: the jars in the store
     * (those no longer there are dropped), each plugin's state and settings, fresh instances; other instances
     * are told to do the same.
     */
    public void reloadFromStore() {
        changedElsewhere(REBUILD);
        cluster.send(ClusterSignals.Kind.PLUGINS, REBUILD);
    }

    /** Another instance changed the plugins: take its jars and state, or tell a plugin its settings changed. */
    private void changedElsewhere(String payload) {
        contexts.settingsMayHaveChanged();
        synchronized (changes) {
            if (payload.startsWith(SETTINGS)) {
                registry().dispatch(new SiteEvent.SettingsChanged(payload.substring(SETTINGS.length())));
                pageCache.invalidateAllHere();
                return;
            }
            if (externalJarsSupported()) {
                List<PluginJars.OpenJar> replaced = fetchSharedJars();
                try {
                    rebuild(false);
                } finally {
                    replaced.forEach(PluginJars.OpenJar::close);
                }
            } else {
                rebuild(false);
            }
        }
    }

    /**
     * Makes the plugins folder hold the jars kept in the shared media store ({@code _plugins/}): writes the ones
     * missing or different here, and forgets installed jars the store no longer has (removed on another instance).
     *
     * @return the jars replaced or removed, to close once the next generation runs
     */
    private List<PluginJars.OpenJar> fetchSharedJars() {
        List<PluginJars.OpenJar> replaced = new ArrayList<>();
        try {
            Files.createDirectories(folder);
            Map<String, String> sharedHashes = new HashMap<>();
            for (org.quire.api.MediaItem item : media.list(MediaStore.PLUGIN_JARS)) {
                String name = item.path().substring(MediaStore.PLUGIN_JARS.length());
                if (!name.endsWith(".jar") || name.contains("/")) {
                    continue;
                }
                String id = name.substring(0, name.length() - ".jar".length());
                org.quire.web.media.MediaFile file = media.find(item.path()).orElse(null);
                if (file == null) {
                    continue;
                }
                sharedHashes.put(id, file.sha256);
                PluginJars.OpenJar local = installed.get(id);
                if (local != null && file.sha256.equals(local.sha256())) {
                    continue;
                }
                Path target = folder.resolve(id + ".jar");
                Path part = folder.resolve(".fetch-" + UUID.randomUUID() + ".part");
                try (InputStream in = media.open(file)) {
                    Files.copy(in, part);
                }
                moveInPlace(part, target);
                try {
                    PluginJars.OpenJar opened = PluginJars.open(target, target.getFileName().toString(), application);
                    PluginJars.OpenJar previous = installed.put(id, opened);
                    if (previous != null) {
                        replaced.add(previous);
                    }
                    refusedJars.remove(target.getFileName().toString());
                } catch (PluginJars.PluginJarException e) {
                    refuse(target.getFileName().toString(), e.getMessage());
                }
            }
            if (!firstFetchDone) {
                firstFetchDone = true;
                return replaced;
            }
            for (String id : List.copyOf(installed.keySet())) {
                if (!sharedHashes.containsKey(id)) {
                    PluginJars.OpenJar gone = installed.remove(id);
                    Files.deleteIfExists(gone.jar());
                    replaced.add(gone);
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.errorf(e, "Could not fetch the plugin jars kept in the media store");
        }
        return replaced;
    }

    /**
     * Keeps jars found only in this instance's folder (dropped there) in the shared store too, unless the plugin was
     * removed on another instance meanwhile: then its jar goes here too.
     */
    private void shareLocalJars() {
        for (Map.Entry<String, PluginJars.OpenJar> jar : List.copyOf(installed.entrySet())) {
            try {
                if (media.find(MediaStore.PLUGIN_JARS + jar.getKey() + ".jar").isPresent()) {
                    continue;
                }
                if (media.find(MediaStore.PLUGIN_JARS + jar.getKey() + REMOVED).isPresent()
                        && Files.getLastModifiedTime(jar.getValue().jar()).toInstant().isBefore(
                        media.find(MediaStore.PLUGIN_JARS + jar.getKey() + REMOVED).get().createdAt)) {
                    installed.remove(jar.getKey());
                    jar.getValue().close();
                    Files.deleteIfExists(jar.getValue().jar());
                    LOG.infof("Plugin %s was removed on another instance; its jar here is deleted", jar.getKey());
                } else {
                    share(jar.getKey(), jar.getValue().jar());
                }
            } catch (IOException | RuntimeException e) {
                LOG.errorf(e, "Could not keep plugin jar %s in the media store", jar.getValue().jar());
            }
        }
    }

    private void share(String id, Path jar) throws IOException {
        try (InputStream in = Files.newInputStream(jar)) {
            media.store(MediaStore.PLUGIN_JARS + id + ".jar", in, "application/java-archive",
                    jar.getFileName().toString(), null);
        }
        media.delete(MediaStore.PLUGIN_JARS + id + REMOVED);
    }

    /** Posts are rendered again with what runs now, then cached pages are dropped. */
    private void announce() {
        try {
            changed.fire(new PluginsChanged(current.number()));
        } finally {
            pageCache.invalidateAll();
        }
    }

    private void loadFolder() {
        if (!Files.isDirectory(folder)) {
            return;
        }
        List<Path> jars = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, "*.jar")) {
            entries.forEach(jars::add);
        } catch (IOException e) {
            LOG.errorf(e, "Cannot list the plugins folder %s", folder);
            return;
        }
        jars.sort(Comparator.comparing(Path::toString));
        Set<Path> known = new java.util.HashSet<>();
        installed.values().forEach(jar -> known.add(jar.jar()));
        for (Path jar : jars) {
            String name = jar.getFileName().toString();
            if (known.contains(jar) || unchangedSinceRefused(jar, refusedJars.get(name))) {
                continue;
            }
            refusedJars.remove(name);
            try {
                PluginJars.OpenJar opened = PluginJars.open(jar, name, application);
                String id = opened.descriptor().id();
                if (isBuiltIn(id) || installed.containsKey(id)) {
                    opened.close();
                    refuse(name, "Plugin jar '" + name + "': the id '" + id + "' is already taken by "
                            + (isBuiltIn(id) ? "a built-in plugin" : "another installed jar"));
                    continue;
                }
                installed.put(id, opened);
            } catch (PluginJars.PluginJarException e) {
                refuse(name, e.getMessage());
            }
        }
    }

    private void refuse(String jarName, String reason) {
        Path jar = folder.resolve(jarName);
        long size = -1;
        long modified = -1;
        try {
            size = Files.size(jar);
            modified = Files.getLastModifiedTime(jar).toMillis();
        } catch (IOException e) {
            // looked at again next time
        }
        refusedJars.put(jarName, new Refusal(new RefusedJar(jarName, reason), size, modified));
        LOG.warn(reason);
    }

    private static boolean unchangedSinceRefused(Path jar, Refusal refusal) {
        if (refusal == null) {
            return false;
        }
        try {
            return Files.size(jar) == refusal.size() && Files.getLastModifiedTime(jar).toMillis() == refusal.modified();
        } catch (IOException e) {
            return false;
        }
    }

    private void checkIdIsFree(String id, String shown) throws PluginJars.PluginJarException {
        if (isBuiltIn(id)) {
            throw new PluginJars.PluginJarException("Plugin jar '" + shown + "': the id '" + id
                    + "' belongs to a built-in plugin; give the plugin an id of its own", null);
        }
    }

    /** Starts the plugin once with its real context and closes it, so a jar that cannot start is refused. */
    private void tryStart(PluginJars.OpenJar jar, String shown) throws PluginJars.PluginJarException {
        var context = contexts.contextFor(jar.descriptor(), jar.loader());
        try {
            BoundedPluginCall.run("start()", () -> {
                QuirePlugin plugin = jar.newPlugin();
                try {
                    plugin.start(context);
                } finally {
                    try {
                        plugin.close();
                    } catch (RuntimeException | LinkageError ignored) {
                        // a failed start is the message worth giving
                    }
                }
                return null;
            });
        } catch (BoundedPluginCall.Failed e) {
            throw new PluginJars.PluginJarException("Plugin jar '" + shown + "': plugin '" + jar.descriptor().id()
                    + "' failed to start: its " + e.getMessage(), e);
        }
    }

    private interface Step {
        void run() throws IOException;
    }

    private static void step(List<IOException> failed, Step step) {
        try {
            step.run();
        } catch (IOException e) {
            failed.add(e);
        } catch (RuntimeException e) {
            failed.add(new IOException(e.getMessage(), e));
        }
    }

    private static void moveInPlace(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** @param generation the generation whose plugin failed; only the running one's failures count */
    private void onProblem(PluginProblem problem, long generation) {
        LOG.warnf(problem.error(), "Plugin %s [%s]: %s", problem.plugin(), problem.stage(), problem.message());
        Deque<Notice> kept = notices.computeIfAbsent(problem.plugin(), id -> new ArrayDeque<>());
        synchronized (kept) {
            // Milliseconds, as HTML's datetime attribute takes at most three digits of a second.
            kept.addFirst(new Notice(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS),
                    problem.stage(), problem.message()));
            while (kept.size() > NOTICES_KEPT) {
                kept.removeLast();
            }
        }
        Generation running = current;
        if (!RUNNING_STAGES.contains(problem.stage()) || running == null || running.number() != generation) {
            return;
        }
        int count = failures.computeIfAbsent(problem.plugin(), id -> new AtomicInteger()).incrementAndGet();
        if (count >= failureLimit && beingTurnedOff.add(problem.plugin())) {
            String reason = "Turned off by Quire after " + count + " failures; the last, while "
                    + problem.stage() + ": " + problem.message();
            // Not on the rendering thread: the swap closes the plugin that is failing right now.
            background.execute(() -> turnOff(problem.plugin(), reason, generation));
        }
    }

    private void turnOff(String id, String reason, long generation) {
        try {
            synchronized (changes) {
                if (current.number() != generation || plugin(id).isEmpty()) {
                    return;
                }
                saveState(id, state -> {
                    state.enabled = false;
                    state.disabledReason = reason.length() > 2000 ? reason.substring(0, 1997) + "..." : reason;
                });
                rebuild();
                cluster.send(ClusterSignals.Kind.PLUGINS, REBUILD);
            }
            LOG.errorf("Plugin %s: %s", id, reason);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Could not turn off failing plugin %s", id);
        }
    }

    private PluginInfo info(PluginDescriptor descriptor, boolean running, Map<String, PluginState> states) {
        String id = descriptor.id();
        PluginState state = states.get(id);
        Map<String, String> stored = state == null ? Map.of() : readSettings(state.settingsJson);
        List<Setting> settings = descriptor.settings().stream()
                .map(s -> new Setting(s.key(), s.type().name().toLowerCase(java.util.Locale.ROOT),
                        stored.getOrDefault(s.key(), s.defaultValue()), s.defaultValue(), s.description(), s.choices()))
                .toList();
        PluginJars.OpenJar jar;
        synchronized (changes) {
            jar = installed.get(id);
        }
        Deque<Notice> kept = notices.getOrDefault(id, new ArrayDeque<>());
        List<Notice> recent;
        synchronized (kept) {
            recent = List.copyOf(kept);
        }
        return new PluginInfo(id, descriptor.name(), descriptor.version(), descriptor.requiredApi().toString(),
                jar == null, enabled(id, states), running, jar == null ? null : jar.jar().getFileName().toString(),
                state == null ? null : state.disabledReason, settings, recent, PluginUses.of(descriptor));
    }

    private boolean enabled(String id, Map<String, PluginState> states) {
        PluginState state = states.get(id);
        boolean installedJar;
        synchronized (changes) {
            installedJar = installed.containsKey(id);
        }
        return state == null ? !installedJar : state.enabled;
    }

    private boolean isBuiltIn(String id) {
        for (ServiceLoader.Provider<QuirePlugin> provider : ServiceLoader.load(QuirePlugin.class, application)
                .stream().toList()) {
            try {
                if (provider.get().descriptor().id().equals(id)) {
                    return true;
                }
            } catch (RuntimeException | LinkageError | java.util.ServiceConfigurationError e) {
                // a built-in that cannot load is reported by the registry
            }
        }
        return false;
    }

    private void requireKnown(String id) {
        if (plugin(id).isEmpty()) {
            throw new java.util.NoSuchElementException("No plugin '" + id + "'");
        }
    }

    private PluginDescriptor descriptorOf(String id) {
        PluginRegistry registry = registry();
        return registry.active().stream().map(ActivePlugin::descriptor).filter(d -> d.id().equals(id)).findFirst()
                .or(() -> registry.disabled().stream().filter(d -> d.id().equals(id)).findFirst())
                .orElseThrow(() -> new java.util.NoSuchElementException("No plugin '" + id + "'"));
    }

    /** A plugin instance that is never started, to check setting values (allowed before start). */
    private QuirePlugin freshInstance(String id) {
        synchronized (changes) {
            PluginJars.OpenJar jar = installed.get(id);
            if (jar != null) {
                return jar.newPlugin();
            }
        }
        for (ServiceLoader.Provider<QuirePlugin> provider : ServiceLoader.load(QuirePlugin.class, application)
                .stream().toList()) {
            QuirePlugin plugin = provider.get();
            if (plugin.descriptor().id().equals(id)) {
                return plugin;
            }
        }
        throw new java.util.NoSuchElementException("No plugin '" + id + "'");
    }

    private Map<String, PluginState> states() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<String, PluginState> byId = new HashMap<>();
            for (PluginState state : PluginState.<PluginState>listAll()) {
                byId.put(state.pluginId, state);
            }
            return byId;
        });
    }

    private void saveState(String id, java.util.function.Consumer<PluginState> change) {
        // Before, and again after the commit: settings read in between are the old ones, kept under the first count.
        contexts.settingsMayHaveChanged();
        QuarkusTransaction.requiringNew().run(() -> {
            PluginState state = PluginState.findById(id);
            if (state == null) {
                state = new PluginState();
                state.pluginId = id;
                state.enabled = !installed.containsKey(id);
                state.settingsJson = "{}";
            }
            change.accept(state);
            state.updatedAt = clock.instant();
            state.persist();
        });
        contexts.settingsMayHaveChanged();
    }

    private Map<String, String> readSettings(String settingsJson) {
        try {
            return new HashMap<>(json.readValue(settingsJson == null ? "{}" : settingsJson,
                    new TypeReference<Map<String, String>>() {
                    }));
        } catch (IOException e) {
            return new HashMap<>();
        }
    }

    @PreDestroy
    void close() {
        background.shutdownNow();
        synchronized (changes) {
            current.registry().close();
            installed.values().forEach(PluginJars.OpenJar::close);
        }
    }

    /** Stops reading after {@code limit} bytes, so an endless upload cannot fill the disk. */
    private static final class LimitedStream extends java.io.FilterInputStream {
        private long left;

        LimitedStream(InputStream in, long limit) {
            super(in);
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int b = super.read();
            if (b >= 0) {
                left--;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = super.read(buffer, offset, (int) Math.min(length, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }
    }
}
