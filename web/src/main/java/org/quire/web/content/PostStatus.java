package org.quire.web.content;

/** Where a post is in its life. Only {@link #PUBLISHED} posts appear on the public site. */
public enum PostStatus {
    DRAFT,
    IN_REVIEW,
    SCHEDULED,
    PUBLISHED,
    UNPUBLISHED
}
