package org.quire.api;

/**
 * Something that happened in the site. The host delivers each event to every enabled plugin after the change is
 * committed (a plugin never sees a change that is later rolled back).
 * <ul>
 *   <li>Changes to posts go where the descriptor's {@link EventDelivery} says (since API 1.5), on a background
 *   thread: once for the whole site, at least once, from the site's database; or on every instance, in the order
 *   they happened. A plugin that throws is reported (once per cluster: the event comes again after a back-off).</li>
 *   <li>Media events reach plugins on the thread that stored or deleted the file, before the upload answers, in
 *   plugin order (the media store is shared, so what a plugin makes beside a file is there for all).</li>
 *   <li>{@link SettingsChanged} reaches every instance, since each holds the settings: on the thread that saved
 *   them here, on the signal's thread elsewhere.</li>
 *   <li>{@link PluginEvent}s, like changes to posts, go where the hearing plugin's descriptor says.</li>
 * </ul>
 */
public sealed interface SiteEvent {

    /** A post became visible on the public site (published now or at its scheduled time). */
    record PostPublished(PostView post) implements SiteEvent {
    }

    /** A published post changed; {@code previousPath} differs from the post's path when its slug changed. */
    record PostUpdated(PostView post, String previousPath) implements SiteEvent {
    }

    /** A post left the public site but still exists. */
    record PostUnpublished(String postId, String path) implements SiteEvent {
    }

    record PostDeleted(String postId, String path) implements SiteEvent {
    }

    record MediaStored(MediaItem item) implements SiteEvent {
    }

    /** A file the host stored was deleted from the media library; remove what was made from it. Since API 1.1. */
    record MediaDeleted(String path) implements SiteEvent {
    }

    /** An administrator changed the settings of the plugin with this id, or the site's own when it is null. */
    record SettingsChanged(String pluginId) implements SiteEvent {
    }

    /**
     * An event another plugin published ({@link org.quire.api.events.EventPublisher}); it reaches only plugins
     * whose descriptor hears its type, once per cluster or on every instance as each chose. Since API 1.5.
     *
     * @param type      such as {@code comments.approved}; it starts with the publisher's id
     * @param publisher the id of the plugin that published it
     * @param payload   the JSON object the publisher documents for the type
     */
    record PluginEvent(String type, String publisher, String payload) implements SiteEvent {
    }
}
