package org.quire.web.plugins;

/**
 * Raised (synchronously) after the running plugins or their settings changed: posts' stored HTML is rendered again
 * before the page cache is dropped, so the next request shows the change.
 *
 * @param generation the generation now running
 */
public record PluginsChanged(long generation) {
}
