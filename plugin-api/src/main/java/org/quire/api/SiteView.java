package org.quire.api;

import java.util.List;
import java.util.Optional;

/**
 * The published site, read-only. What it returns reflects the site when the call is made; it never includes
 * drafts, scheduled or deleted posts. Lists are immutable; posts are newest first.
 */
public interface SiteView {

    SiteInfo info();

    /**
     * A number that changes whenever anything this view returns may have changed (on this instance or another):
     * a plugin may keep what it derives from the site (an index over every post, say) for as long as this stays the
     * same. Since API 1.3; this default changes at every call, so nothing is kept.
     */
    default long changeCount() {
        return System.nanoTime();
    }

    List<PostView> publishedPosts();

    /** Up to {@code limit} of {@link #publishedPosts()} after the first {@code offset}; only those are loaded. Since API 1.3. */
    default List<PostView> publishedPosts(int offset, int limit) {
        return publishedPosts().stream().skip(Math.max(0, offset)).limit(Math.max(0, limit)).toList();
    }

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
     * Up to {@code limit} of {@link #postsTagged(TagView)}, skipping the first {@code offset}: one page of a tag's
     * archive or feed. A host loads only those posts, where taking a page of {@link #postsTagged(TagView)} loads
     * every post of the tag each time; {@link TagView#count()} gives the total. Since API 1.3.
     */
    default List<PostView> postsTagged(TagView tag, int offset, int limit) {
        return postsTagged(tag).stream().skip(Math.max(0, offset)).limit(Math.max(0, limit)).toList();
    }

    /**
     * Up to {@code limit} other published posts that share tags with {@code post}: most shared tags first, then
     * newest (then the later id). A host answers this with one bounded query, where going through {@link #postsTagged} would load every
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
        // Ids are numbers on the Quire host; compared as such, the later post wins a tie on the date.
        java.util.Comparator<String> laterId = java.util.Comparator.comparing((String id) -> id.length())
                .thenComparing(java.util.Comparator.naturalOrder());
        return byId.values().stream()
                .sorted(java.util.Comparator.comparing((PostView p) -> -shared.get(p.id()))
                        .thenComparing(PostView::published,
                                java.util.Comparator.nullsLast(java.util.Comparator.reverseOrder()))
                        .thenComparing(PostView::id, laterId.reversed()))
                .limit(Math.max(0, limit)).toList();
    }

    /** Categories of published posts, each once, in the site's order. */
    List<String> categories();

    /** Published posts in a category (compared without regard to case), newest first. */
    List<PostView> postsInCategory(String category);

    /** One page of {@link #postsInCategory(String)}, as {@link #postsTagged(TagView, int, int)}. Since API 1.3. */
    default List<PostView> postsInCategory(String category, int offset, int limit) {
        return postsInCategory(category).stream().skip(Math.max(0, offset)).limit(Math.max(0, limit)).toList();
    }

    /** How many published posts are in the category, without loading them. Since API 1.3. */
    default int postCountInCategory(String category) {
        return postsInCategory(category).size();
    }

    /** Authors of published posts. */
    List<AuthorView> authors();

    /** Published posts an author wrote or co-wrote, newest first; empty for an unknown handle. */
    List<PostView> postsBy(String authorHandle);

    /** One page of {@link #postsBy(String)}, as {@link #postsTagged(TagView, int, int)}. Since API 1.3. */
    default List<PostView> postsBy(String authorHandle, int offset, int limit) {
        return postsBy(authorHandle).stream().skip(Math.max(0, offset)).limit(Math.max(0, limit)).toList();
    }
}
