package org.quire.web.editorial;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.quire.web.accounts.CurrentUser;
import org.quire.web.accounts.Permission;
import org.quire.web.accounts.Requires;
import org.quire.web.content.ContentException;
import org.quire.web.content.TagEntity;
import org.quire.web.content.TagService;

/** Tags through the admin API: every writer lists them (for autocomplete); editors rename, merge and describe. */
@Path("/api/admin/tags")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tags", description = "Listing, renaming, merging and describing tags")
public class TagsApi {

    public record TagInfo(String name, String key, String urlForm, long posts, String description, String coverPath) {
    }

    public record TagChange(String name, String description, String coverPath) {
    }

    public record Merge(String into) {
    }

    public record Changed(TagInfo tag, int postsChanged) {
    }

    @Inject
    TagService tags;

    @Inject
    CurrentUser currentUser;

    /** Tag pages show names and descriptions that no post change would drop. */
    @Inject
    org.quire.web.publicsite.PageCache cache;

    @GET
    @Requires(Permission.WRITE_OWN_POSTS)
    @Operation(summary = "Every tag with the number of posts (not in the bin) carrying it")
    @Transactional
    public List<TagInfo> list() {
        return TagEntity.<TagEntity>list("order by key").stream().map(TagsApi::info).toList();
    }

    @PATCH
    @Path("/{tag}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permission.MANAGE_TAGS)
    @Operation(summary = "Rename (posts follow, each as a new revision) and/or describe a tag")
    public Changed change(@PathParam("tag") String urlForm, TagChange change) {
        if (change != null && change.coverPath() != null && change.coverPath().strip().length() > 500) {
            throw new ContentException(ContentException.Reason.INVALID, "coverPath", "The cover's path is "
                    + change.coverPath().strip().length() + " characters long; at most 500 are allowed");
        }
        TagEntity tag = tags.find(urlForm);
        int changed = 0;
        if (change != null && change.name() != null && !change.name().strip().equals(tag.name)) {
            TagService.Result result = tags.rename(tag, change.name(), currentUser.account());
            tag = result.tag();
            changed = result.postsChanged();
        }
        if (change != null && (change.description() != null || change.coverPath() != null)) {
            tag = tags.describe(tag, change.description(), change.coverPath());
        }
        cache.invalidateAll();
        return new Changed(info(tag), changed);
    }

    @POST
    @Path("/{tag}/merge")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permission.MANAGE_TAGS)
    @Operation(summary = "Merge this tag into another: its posts carry the other one instead")
    public Changed merge(@PathParam("tag") String urlForm, Merge merge) {
        TagEntity from = tags.find(urlForm);
        if (merge == null || merge.into() == null || merge.into().isBlank()) {
            throw new org.quire.web.content.ContentException(org.quire.web.content.ContentException.Reason.INVALID,
                    "into", "Name the tag to merge into");
        }
        TagService.Result result = tags.merge(from, tags.find(merge.into()), currentUser.account());
        cache.invalidateAll();
        return new Changed(info(result.tag()), result.postsChanged());
    }

    private static TagInfo info(TagEntity tag) {
        return new TagInfo(tag.name, tag.key, tag.urlForm, TagService.postsCarrying(tag.id, false), tag.description,
                tag.coverPath);
    }
}
