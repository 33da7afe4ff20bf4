package org.quire.api;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * A published post as plugins see it.
 *
 * @param path        the site path of the post, such as {@code /2017/12/29/aws-reinvent/}
 * @param html        the rendered body, after every plugin's transforms
 * @param excerptHtml the rendered excerpt
 * @param extra       front-matter keys Quire does not interpret, as parsed from YAML
 */
public record PostView(String id, String slug, String title, String path, OffsetDateTime published,
                       OffsetDateTime updated, String description, String excerptHtml, String html, String category,
                       List<TagView> tags, List<AuthorView> authors, Map<String, Object> extra) {

    public PostView {
        tags = List.copyOf(tags);
        authors = List.copyOf(authors);
        extra = Map.copyOf(extra);
    }
}
