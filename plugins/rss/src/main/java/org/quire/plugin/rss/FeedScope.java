package org.quire.plugin.rss;

/** What a scoped feed follows, and the path segment its feeds live under ({@code /feeds/tags/…}). */
enum FeedScope {
    TAG("tags"),
    CATEGORY("categories"),
    AUTHOR("authors");

    final String segment;

    FeedScope(String segment) {
        this.segment = segment;
    }
}
