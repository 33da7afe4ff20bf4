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

    /**
     * Up to {@code limit} other published posts that share tags with {@code post}: most shared tags first, then
     * newest. A host answers this with one bounded query, where going through {@link #postsTagged} would load every
     * post of every tag for every page. Since API 1.2.
     */
    default List<PostView> relatedPosts(PostView post, int limit) {
        java.util.Map<String, Integer> shared = new java.util.HashMap<>();
        java.util.Map<String, PostView> byId = new java.util.HashMap<>();
        for (TagView tag : post.tags()) {
            for (PostView other : postsTagged(tag)) {
                if (!other.id().equals(post.id())) {
                    shared.merge(other.id(), 1, Integer::sum);
                    byId.put(other.id(), other);
                }
            }
        }
        return byId.values().stream()
                .sorted(java.util.Comparator.comparing((PostView p) -> -shared.get(p.id()))
                        .thenComparing(PostView::published,
                                java.util.Comparator.nullsLast(java.util.Comparator.reverseOrder())))
                .limit(Math.max(0, limit)).toList();
    }

    /** Categories of published posts, each once, in the site's order. */
    List<String> categories();

    /** Published posts in a category (compared without regard to case), newest first. */
    List<PostView> postsInCategory(String category);

    /** Authors of published posts. */
    List<AuthorView> authors();

    /** Published posts an author wrote or co-wrote, newest first; empty for an unknown handle. */
    List<PostView> postsBy(String authorHandle);
}
