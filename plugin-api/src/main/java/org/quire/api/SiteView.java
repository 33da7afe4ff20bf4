package org.quire.api;

import java.util.List;
import java.util.Optional;

/**
 * The published site, read-only. What it returns reflects the site when the call is made; it never includes
 * drafts, scheduled or deleted posts. Lists are immutable; posts are newest first.
 */
public interface SiteView {

    SiteInfo info();

    List<PostView> publishedPosts();

    Optional<PostView> postBySlug(String slug);

    /** Every tag that at least one published post carries, in the site's tag order. */
    List<TagView> tags();

    /**
     * Finds a tag by its URL form (as in {@link TagView#urlForm()}), or by any spelling of its name: the host
     * applies the platform's one tag identity rule, so {@code Nova} and {@code nova} find the same tag.
     */
    Optional<TagView> tag(String nameOrUrlForm);

    /** Published posts carrying the tag, newest first. */
    List<PostView> postsTagged(TagView tag);

    /** Categories of published posts, each once, in the site's order. */
    List<String> categories();

    /** Published posts in a category (compared without regard to case), newest first. */
    List<PostView> postsInCategory(String category);

    /** Authors of published posts. */
    List<AuthorView> authors();

    /** Published posts an author wrote or co-wrote, newest first; empty for an unknown handle. */
    List<PostView> postsBy(String authorHandle);
}
