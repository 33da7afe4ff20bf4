package org.quire.web.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.quire.core.Diagnostic;
import org.quire.core.source.PostMetadata;
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

    /**
     * Refuses an address someone else serves; a post keeps the address it already has, even one a plugin turned on
     * later also matches (the plugin was told, see {@code RouteCollisions}).
     */
    public void refuseAddressTaken(String address, String currentAddress) {
        if (!address.equals(currentAddress)) {
            refuseTaken("permalink", address, "choose another slug or permalink");
        }
    }

    /**
     * The post's {@code redirect_from} paths, each starting with {@code /}, that no one else serves. One that is
     * served is refused for someone saving; an import keeps the post and names in {@code diagnostics} what it left
     * out, rather than losing the post.
     */
    public List<String> redirectsKept(PostMetadata m, boolean importing, List<Diagnostic> diagnostics) {
        List<String> kept = new ArrayList<>();
        for (String from : m.redirectFrom()) {
            String path = from.startsWith("/") ? from : "/" + from;
            Optional<String> owner = ownerOf(path);
            if (owner.isEmpty()) {
                kept.add(path);
            } else if (!importing) {
                throw taken("redirect_from", path, owner.get(), "remove it from redirect_from");
            } else {
                diagnostics.add(Diagnostic.warning(m.source(), m.bodyFirstLine(), Diagnostic.Kind.FRONT_MATTER_FIELD,
                        "redirect_from " + path + " is not kept: that path belongs to " + owner.get()));
            }
        }
        return kept;
    }

    private static ContentException taken(String field, String sitePath, String owner, String remedy) {
        return new ContentException(Reason.CONFLICT, field, "The path " + sitePath + " belongs to " + owner + "; "
                + remedy);
    }
}
