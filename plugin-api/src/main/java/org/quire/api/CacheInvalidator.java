package org.quire.api;

/**
 * Tells the host that pages it cached no longer match their content. On a cluster the host passes the request on
 * to every instance; the call itself returns at once.
 */
public interface CacheInvalidator {

    /** Drops one page, by its site path such as {@code /tags/aws/}. */
    void invalidatePath(String path);

    /** Drops every page whose path starts with {@code prefix}, such as {@code /tags/}. */
    void invalidatePrefix(String prefix);

    /** Drops every cached page. */
    void invalidateAll();
}
