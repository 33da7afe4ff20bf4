package org.quire.api;

import java.util.Optional;

/**
 * A page of the host's own that a {@link Representation} may answer in another form. Since API 1.5.
 *
 * @param kind   which page it is
 * @param path   its site path, percent-encoded as the request carried it
 * @param post   the post, for {@link Kind#POST}
 * @param author the author, for {@link Kind#AUTHOR}
 */
public record HostPage(Kind kind, String path, Optional<PostView> post, Optional<AuthorView> author) {

    public enum Kind {
        /** The site's home page, {@code /}. */
        HOME,
        /** A published post's page. */
        POST,
        /** An author's page, {@code /authors/{handle}/}. */
        AUTHOR
    }

    public HostPage {
        post = post == null ? Optional.empty() : post;
        author = author == null ? Optional.empty() : author;
    }
}
