package org.quire.web.content;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.quire.web.content.ContentException.Reason;
import org.quire.web.site.PathClaim;

/**
 * Keeps every path of the site with one owner: a post's address and old addresses may not take a path the site
 * itself or a running plugin serves ({@link PathClaim}); other posts' addresses are checked by slug and path.
 */
@ApplicationScoped
public class PathOwners {

    @Inject
    Instance<PathClaim> claims;

    /** Who other than a post serves {@code sitePath}, in words; empty when no one does. */
    public Optional<String> ownerOf(String sitePath) {
        for (PathClaim claim : claims) {
            Optional<String> owner = claim.ownerOf(sitePath);
            if (owner.isPresent()) {
                return owner;
            }
        }
        return Optional.empty();
    }

    /** Refuses {@code sitePath} for {@code field} when someone else serves it, with 409 naming them. */
    public void refuseTaken(String field, String sitePath, String remedy) {
        Optional<String> owner = ownerOf(sitePath);
        if (owner.isPresent()) {
            throw taken(field, sitePath, owner.get(), remedy);
        }
    }

    static ContentException taken(String field, String sitePath, String owner, String remedy) {
        return new ContentException(Reason.CONFLICT, field, "The path " + sitePath + " belongs to " + owner + "; "
                + remedy);
    }
}
