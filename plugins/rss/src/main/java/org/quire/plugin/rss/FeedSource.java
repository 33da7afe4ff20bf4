package org.quire.plugin.rss;

import java.util.List;

import org.quire.api.PostView;

/**
 * What one feed is about: its title and description, the site path of the page it mirrors, its own path, and the
 * posts in it (newest first, before the item limit).
 */
record FeedSource(String title, String description, String pagePath, String selfPath, List<PostView> posts) {
}
