package org.quire.web.content;

import java.util.Set;

/**
 * A post changed (saved, published, unpublished, deleted). Fired inside the transaction; observers that act on the
 * outside world observe it after the commit succeeds.
 *
 * @param previousPath the path the post had before, or null for a new post
 * @param paths   every site path the post had before or has now
 * @param authors ids of its authors before and after the change
 * @param months  {@code yyyy-MM} of its publication date before and after, in the site's time zone
 * @param tags    identity keys of its tags before and after
 */
public record ContentChanged(long postId, Kind kind, String previousPath, Set<String> paths, Set<Long> authors,
                             Set<String> months, Set<String> tags) {

    /** What happened to the post; plugins hear of it as the matching {@code SiteEvent}. */
    public enum Kind { SAVED, PUBLISHED, UNPUBLISHED, DELETED }
}
