package org.quire.api;

/**
 * An author as the public site shows them.
 *
 * @param handle stable, URL-safe identifier such as {@code jane-doe}
 */
public record AuthorView(String handle, String displayName, String bio, String avatarPath) {
}
