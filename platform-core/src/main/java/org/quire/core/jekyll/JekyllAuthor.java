package org.quire.core.jekyll;

/**
 * An author a Jekyll site defines, in {@code _authors/<handle>.md} or {@code _data/authors.yml}.
 *
 * @param handle the key posts use in {@code author:} / {@code authors:}
 * @param name   the display name ({@code full_name}, {@code name}, or first and last name)
 * @param bio    a short biography, or empty
 */
public record JekyllAuthor(String handle, String name, String bio) {
}
