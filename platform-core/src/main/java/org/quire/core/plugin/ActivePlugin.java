package org.quire.core.plugin;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.commonmark.Extension;
import org.quire.api.DocumentTransform;
import org.quire.api.MediaFilter;
import org.quire.api.PageRoute;
import org.quire.api.PluginContext;
import org.quire.api.PluginDescriptor;
import org.quire.api.PostSection;
import org.quire.api.QuirePlugin;
import org.quire.api.TemplateRenderer;

/**
 * A started plugin and its contributions, read once after start (see {@link QuirePlugin}).
 */
public final class ActivePlugin {

    private final QuirePlugin plugin;
    private final PluginDescriptor descriptor;
    private final PluginContext context;
    private final List<Extension> markdownExtensions;
    private final List<DocumentTransform> documentTransforms;
    private final List<PageRoute> routes;
    private final List<String> templates;
    private final List<PostSection> postSections;
    private final List<MediaFilter> mediaFilters;
    private final List<org.quire.api.work.TaskDefinition> tasks;
    private final List<org.quire.api.input.InputRoute> inputRoutes;
    private final List<org.quire.api.DynamicRoute> dynamicRoutes;
    private final List<org.quire.api.Representation> representations;
    private final boolean hearsEvents;

    ActivePlugin(QuirePlugin plugin, PluginDescriptor descriptor, PluginContext context) {
        this.plugin = plugin;
        this.descriptor = descriptor;
        this.context = context;
        this.markdownExtensions = List.copyOf(plugin.markdownExtensions());
        this.documentTransforms = List.copyOf(plugin.documentTransforms());
        this.routes = List.copyOf(plugin.routes());
        this.templates = List.copyOf(plugin.templates());
        this.postSections = List.copyOf(plugin.postSections());
        this.mediaFilters = List.copyOf(plugin.mediaFilters());
        this.tasks = List.copyOf(plugin.tasks());
        this.inputRoutes = List.copyOf(plugin.inputRoutes());
        this.dynamicRoutes = List.copyOf(plugin.dynamicRoutes());
        this.representations = List.copyOf(plugin.representations());
        this.hearsEvents = overridesOnEvent(plugin);
        if (!inputRoutes.isEmpty() && !descriptor.uses(org.quire.api.Capability.READER_INPUT)) {
            throw new IllegalStateException("it takes reader input but does not declare the READER_INPUT"
                    + " capability: add .uses(Capability.READER_INPUT) to its descriptor");
        }
        if (!tasks.isEmpty() && !descriptor.uses(org.quire.api.Capability.WORK)) {
            throw new IllegalStateException("it declares tasks but not the WORK capability: add"
                    + " .uses(Capability.WORK) to its descriptor");
        }
        if (tasks.stream().map(org.quire.api.work.TaskDefinition::name).distinct().count() != tasks.size()) {
            throw new IllegalStateException("it declares a task name twice");
        }
    }

    /** Whether it listens to site events at all: only then does the host keep events for it. */
    public boolean hearsEvents() {
        return hearsEvents;
    }

    /** Whether it hears of posts and others' events once for the whole site (the default), not on each instance. */
    public boolean hearsOncePerCluster() {
        return hearsEvents && descriptor.events() == org.quire.api.EventDelivery.ONCE_PER_CLUSTER;
    }

    /** Hands it one event; what it throws is the caller's to report (a kept event is tried again). */
    public void hear(org.quire.api.SiteEvent event) {
        plugin.onEvent(event);
    }

    private static boolean overridesOnEvent(QuirePlugin plugin) {
        try {
            return plugin.getClass().getMethod("onEvent", org.quire.api.SiteEvent.class).getDeclaringClass()
                    != QuirePlugin.class;
        } catch (NoSuchMethodException impossible) {
            return true;
        }
    }

    /** The other forms of the host's pages it answers (API 1.5). */
    public List<org.quire.api.Representation> representations() {
        return representations;
    }

    /** The GET addresses it answers on request (API 1.5). */
    public List<org.quire.api.DynamicRoute> dynamicRoutes() {
        return dynamicRoutes;
    }

    /** The addresses where it takes readers' POSTs (API 1.4). */
    public List<org.quire.api.input.InputRoute> inputRoutes() {
        return inputRoutes;
    }

    /** The background work it declared (API 1.4). */
    public List<org.quire.api.work.TaskDefinition> tasks() {
        return tasks;
    }

    public List<MediaFilter> mediaFilters() {
        return mediaFilters;
    }

    public List<PostSection> postSections() {
        return postSections;
    }

    public String id() {
        return descriptor.id();
    }

    public PluginDescriptor descriptor() {
        return descriptor;
    }

    public PluginContext context() {
        return context;
    }

    public List<Extension> markdownExtensions() {
        return markdownExtensions;
    }

    public List<DocumentTransform> documentTransforms() {
        return documentTransforms;
    }

    public List<PageRoute> routes() {
        return routes;
    }

    public List<String> templates() {
        return templates;
    }

    public ClassLoader classLoader() {
        return plugin.getClass().getClassLoader();
    }

    /** Whether a class of this name is the plugin's class, one of its contributions, or nested in one of them. */
    boolean ownsClass(String className) {
        for (Class<?> own : contributionClasses()) {
            if (className.equals(own.getName()) || className.startsWith(own.getName() + "$")) {
                return true;
            }
        }
        return false;
    }

    /** The package the plugin's class is in; a weaker hint of ownership than {@link #ownsClass}. */
    String packageName() {
        return plugin.getClass().getPackageName();
    }

    private List<Class<?>> contributionClasses() {
        List<Class<?>> classes = new java.util.ArrayList<>();
        classes.add(plugin.getClass());
        markdownExtensions.forEach(e -> classes.add(e.getClass()));
        documentTransforms.forEach(t -> classes.add(t.getClass()));
        mediaFilters.forEach(f -> classes.add(f.getClass()));
        tasks.forEach(t -> classes.add(t.handler().getClass()));
        return classes;
    }

    /**
     * Reads one of the plugin's templates from its own class loader.
     *
     * @return empty when the plugin did not list the name or its jar lacks the resource
     */
    public Optional<String> templateSource(String name) throws IOException {
        if (!templates.contains(name)) {
            return Optional.empty();
        }
        String resource = TemplateRenderer.TEMPLATE_ROOT + id() + "/" + name;
        try (InputStream in = classLoader().getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    QuirePlugin plugin() {
        return plugin;
    }
}
