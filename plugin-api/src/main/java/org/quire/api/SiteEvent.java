package org.quire.api;

/**
 * Something that happened in the site. The host delivers each event to every enabled plugin, in plugin order,
 * after the change is committed (a plugin never sees a change that is later rolled back), on a background thread,
 * one event at a time per plugin. A plugin that throws is reported and the next plugin still gets the event.
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
}
