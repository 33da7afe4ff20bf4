package org.quire.plugin.rss;

import java.util.List;

import org.quire.api.PostView;

/**
 * What one feed is about: its title and description, the site path of the page it mirrors, its own path, and its
 * newest posts, up to the number asked for (only those are loaded).
 */
record FeedSource(String title, String description, String pagePath, String selfPath,
                  java.util.function.IntFunction<List<PostView>> newest) {
}
