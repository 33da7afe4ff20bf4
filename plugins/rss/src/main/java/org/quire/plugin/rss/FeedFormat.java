package org.quire.plugin.rss;

import java.util.Optional;

/** The three feed formats, each with the file name it is served under and its media type. */
enum FeedFormat {
    RSS("rss.xml", "application/rss+xml; charset=UTF-8"),
    ATOM("atom.xml", "application/atom+xml; charset=UTF-8"),
    JSON("feed.json", "application/feed+json; charset=UTF-8");

    final String fileName;
    final String contentType;

    FeedFormat(String fileName, String contentType) {
        this.fileName = fileName;
        this.contentType = contentType;
    }

    static Optional<FeedFormat> byFileName(String fileName) {
        for (FeedFormat format : values()) {
            if (format.fileName.equals(fileName)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}
