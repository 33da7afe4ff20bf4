package org.quire.web.content;

import java.util.Set;

/**
 * A post changed (saved, published, unpublished, deleted). Fired inside the transaction; observers that act on the
 * outside world observe it after the commit succeeds.
 *
 * @param paths   every site path the post had before or has now
 * @param authors ids of its authors before and after the change
 * @param months  {@code yyyy-MM} of its publication date before and after, in the site's time zone
 */
public record ContentChanged(long postId, Set<String> paths, Set<Long> authors, Set<String> months) {
}
