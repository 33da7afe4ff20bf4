package org.quire.core.source;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import org.quire.core.site.Tag;

/**
 * What a post's front matter and file name say about it, read with Jekyll's conventions.
 *
 * @param title         {@code title}, or made from the slug as Jekyll does ({@code aws-reinvent} → {@code Aws Reinvent})
 * @param date          {@code date}, or the file name's date at midnight, in the site zone; null when neither gives one
 * @param slug          {@code slug}, or the file name without date and extension
 * @param categories    {@code category} and {@code categories}, trimmed, in order, each once
 * @param tags          {@code tags} (a list or a space-separated string), each once by tag identity
 * @param authors       {@code author} and {@code authors}, in order, each once
 * @param permalink     the post's site path: its {@code permalink} key, or the site's pattern expanded
 * @param published     false when {@code published: false}
 * @param redirectFrom  {@code redirect_from} paths
 * @param excerpt       {@code excerpt} as written (Markdown), or null
 * @param extra         front-matter keys Quire does not interpret, kept as parsed whatever their length
 * @param frontMatter   the whole front matter as parsed
 * @param bodyFirstLine the 1-based file line where the body starts
 */
public record PostMetadata(String source, String title, ZonedDateTime date, String slug, List<String> categories,
                           List<Tag> tags, List<String> authors, String permalink, boolean published,
                           List<String> redirectFrom, String excerpt, String description, String layout,
                           Map<String, Object> extra, Map<String, Object> frontMatter, int bodyFirstLine,
                           boolean html) {

    public PostMetadata {
        categories = List.copyOf(categories);
        tags = List.copyOf(tags);
        authors = List.copyOf(authors);
        redirectFrom = List.copyOf(redirectFrom);
        extra = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(extra));
    }
}
