package org.quire.core;

import java.util.List;

import org.quire.core.source.PostMetadata;

/**
 * A post rendered by the engine.
 *
 * @param metadata       what the front matter and file name say
 * @param html           the body as an HTML fragment, after the HTML policy and every plugin's transforms
 * @param excerptHtml    the excerpt as an HTML fragment: the front matter's {@code excerpt}, the text before the
 *                       excerpt separator, or the first paragraph
 * @param excerptText    the excerpt as plain text, for summaries and meta descriptions
 * @param tableOfContents headings in document order, with the ids the HTML carries
 * @param words          word count, each Han, Kana or Hangul character counting as a word
 * @param readingMinutes estimated reading time
 * @param images         images the post shows, in order, each once
 * @param links          links the post makes, in order, each once
 * @param diagnostics    everything the engine could not handle or changed, with file and line
 */
public record RenderedDocument(PostMetadata metadata, String html, String excerptHtml, String excerptText,
                               List<TocEntry> tableOfContents, int words, int readingMinutes,
                               List<Reference> images, List<Reference> links, List<Diagnostic> diagnostics) {

    public RenderedDocument {
        tableOfContents = List.copyOf(tableOfContents);
        images = List.copyOf(images);
        links = List.copyOf(links);
        diagnostics = List.copyOf(diagnostics);
    }

    /** One heading: its level (1-6), the id it carries in {@link #html()}, and its text. */
    public record TocEntry(int level, String id, String text) {
    }

    /** An image or link: where it points and its alt text or link text. */
    public record Reference(String target, String text) {
    }
}
