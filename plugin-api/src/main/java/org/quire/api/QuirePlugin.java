package org.quire.api;

import java.util.List;

import org.commonmark.Extension;

/**
 * A Quire plugin: created once by the host, started with {@link #start(PluginContext)}, asked for its
 * contributions, and closed when it is disabled, removed or the host stops.
 *
 * <p>Plugins are found with {@link java.util.ServiceLoader}: a plugin jar lists its implementation in
 * {@code META-INF/services/org.quire.api.QuirePlugin}. The class needs a public no-argument constructor and must
 * do no work in it; work belongs in {@link #start(PluginContext)}.
 *
 * <p>What the host guarantees:
 * <ul>
 *   <li><b>Life cycle.</b> {@link #descriptor()} is read first, before anything else is called. If the host's
 *       {@link ApiVersion#CURRENT} is outside {@link PluginDescriptor#requiredApi()} the plugin is refused and
 *       nothing else of it is called. Otherwise {@link #start(PluginContext)} is called once, then the contribution
 *       methods, then eventually {@link #close()} once. Plugins are started one at a time, in
 *       {@link PluginDescriptor#order()}.</li>
 *   <li><b>Contributions are read once</b> after {@code start}. They must be immutable and safe to use from many
 *       threads at once, as commonmark's own extensions are. When a plugin's settings change it receives a
 *       {@link SiteEvent.SettingsChanged} and should read its settings again when next called.</li>
 *   <li><b>Failures are contained.</b> An exception thrown by any method is caught by the host, reported with the
 *       plugin's id, and the plugin's contribution is skipped for that call: a page still renders, an event still
 *       reaches the other plugins. A plugin whose {@code start} throws is not enabled.</li>
 *   <li><b>Isolation.</b> Plugins never see each other. What two plugins share comes from the host through
 *       {@link PluginContext}.</li>
 * </ul>
 */
public interface QuirePlugin {

    /** Who the plugin is and what it needs; must not depend on {@link #start(PluginContext)} having run. */
    PluginDescriptor descriptor();

    /**
     * Called once before any contribution is asked for. Keep the context: it is the plugin's only way to the host.
     */
    default void start(PluginContext context) {
    }

    /**
     * Markdown syntax the plugin adds: commonmark {@code Parser.ParserExtension}s and
     * {@code HtmlRenderer.HtmlRendererExtension}s. The engine builds its parser and renderer once with every
     * enabled plugin's extensions, in plugin order.
     */
    default List<Extension> markdownExtensions() {
        return List.of();
    }

    /** Changes the plugin makes to every rendered document, in the order given. */
    default List<DocumentTransform> documentTransforms() {
        return List.of();
    }

    /** Checks and cleaning of files before the host stores them; see {@link MediaFilter}. Since API 1.1. */
    default List<MediaFilter> mediaFilters() {
        return List.of();
    }

    /** Pages the plugin serves. The live server and the static export both use them. */
    default List<PageRoute> routes() {
        return List.of();
    }

    /**
     * GET addresses answered on request, from the query string and the {@code Accept} header, never cached or
     * exported (a search, a lookup). Read once after {@link #start(PluginContext)}. Since API 1.5.
     */
    default List<DynamicRoute> dynamicRoutes() {
        return List.of();
    }

    /**
     * Other forms of the host's own pages (posts, authors, the home page) this plugin answers for clients that
     * ask for them in {@code Accept}. Read once after {@link #start(PluginContext)}. Since API 1.5.
     */
    default List<Representation> representations() {
        return List.of();
    }

    /**
     * Addresses where readers send the plugin something (a form, JSON), checked by the host first; the descriptor
     * must declare {@link Capability#READER_INPUT}. Read once after {@link #start(PluginContext)}. Since API 1.4.
     */
    default List<org.quire.api.input.InputRoute> inputRoutes() {
        return List.of();
    }

    /** HTML the plugin adds to post pages, such as related posts. */
    default List<PostSection> postSections() {
        return List.of();
    }

    /**
     * The background work the plugin does: tasks it enqueues through {@link PluginContext#work()} and recurring
     * work the host runs once per period across instances. Read once after {@link #start(PluginContext)}; the
     * descriptor must declare {@link Capability#WORK}. Since API 1.4.
     */
    default List<org.quire.api.work.TaskDefinition> tasks() {
        return List.of();
    }

    /** Called for each event in the site; see {@link SiteEvent} for when. */
    default void onEvent(SiteEvent event) {
    }

    /**
     * The Qute templates the plugin ships, as resource names relative to
     * {@link TemplateRenderer#TEMPLATE_ROOT}{@code <plugin id>/}, for example {@code "tag.html"}. The host reads
     * them through the plugin's own class loader; a site theme may override each one.
     */
    default List<String> templates() {
        return List.of();
    }

    /**
     * Checks a value an administrator entered for one of this plugin's settings, beyond what its
     * {@link SettingType} checks: the content of a YAML or list setting, say. The host calls it before saving, and
     * may call it before {@link #start(PluginContext)}; a non-empty result refuses the value, and each message is
     * shown as it is, so name the line or field it concerns.
     */
    default List<String> checkSetting(String key, String value) {
        return List.of();
    }

    /** Called once when the plugin is disabled, removed or the host stops. Release what {@code start} took. */
    default void close() {
    }
}
