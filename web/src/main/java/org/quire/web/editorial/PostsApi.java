package org.quire.web.editorial;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.quire.core.Diagnostic;
import org.quire.core.RenderedDocument;
import org.quire.web.accounts.AccessFilter;
import org.quire.web.accounts.CurrentUser;
import org.quire.web.accounts.Permission;
import org.quire.web.accounts.Requires;
import org.quire.web.content.ContentException;
import org.quire.web.content.Post;
import org.quire.web.content.PostLimits;
import org.quire.web.content.PostService;
import org.quire.web.content.PostStatus;
import org.quire.web.content.Revision;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Posts through the admin API, with each role's rights on each post: contributors and authors see and edit the
 * posts they are an author of (contributors only while unpublished), editors and administrators every post. A post
 * someone may not see answers 404, as if it did not exist. Every save names the version it started from; saving
 * over a newer one answers 409 with both texts, and nothing is lost.
 */
@Path("/api/admin/posts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Posts", description = "Drafts, edits, revisions, preview, publishing and the bin")
public class PostsApi {

    static final String MARKDOWN = "text/markdown";
    private static final int LARGEST_PAGE = 100;

    public record PostSummary(long id, String slug, String path, String title, String status, long version,
                              List<String> authors, List<String> tags, Instant publishedAt, Instant updatedAt,
                              Instant deletedAt) {
    }

    public record PostDetail(long id, String slug, String path, String title, String status, long version,
                             List<String> authors, List<String> tags, String category, String description,
                             Instant publishedAt, Instant updatedAt, Instant deletedAt, int revision, String source,
                             PostFields fields, List<String> diagnostics) {
    }

    public record PostPage(List<PostSummary> posts, int page, int size, long total) {
    }

    /**
     * A save: the text as one Markdown file ({@code source}) or as separate fields ({@code fields}), and the
     * version it was edited from.
     */
    public record Edit(String source, Long version, PostFields fields, String frontMatter) {

        public Edit(String source, Long version, PostFields fields) {
            this(source, version, fields, null);
        }

        /**
         * The Markdown to store: {@code source}, else the file the fields make, with {@code frontMatter} (custom
         * keys as YAML text, as the editor's box has them) in place of {@code fields.extra} when given.
         */
        String markdown() {
            if (source != null || fields == null) {
                return source;
            }
            PostLimits.check(fields.title(), fields.slug(), fields.category(), fields.tags(), fields.authors(),
                    fields.description());
            return (frontMatter == null ? fields : fields.withExtra(PostFields.extraFromYaml(frontMatter))).toMarkdown();
        }
    }

    public record Conflict(int status, String error, long currentVersion, String theirs, String yours) {
    }

    public record RevisionSummary(int number, String title, String author, Instant createdAt, String note) {
    }

    public record RevisionDetail(int number, String title, String author, Instant createdAt, String note,
                                 String source) {
    }

    public record Diff(int from, int to, List<LineDiff.Line> lines, String unified) {
    }

    public record Preview(String html, List<RenderedDocument.TocEntry> toc, int words, int readingMinutes,
                          List<String> diagnostics) {
    }

    @Inject
    PostService posts;

    @Inject
    CurrentUser currentUser;

    @Inject
    PostRights rights;

    @GET
    @Requires(Permission.WRITE_OWN_POSTS)
    @Operation(summary = "Posts I may see, newest change first; filters: status, author (handle), tag, q (in the title)")
    @Transactional
    public PostPage list(@QueryParam("status") String status, @QueryParam("author") String author,
                         @QueryParam("tag") String tag, @QueryParam("q") String text,
                         @QueryParam("deleted") @DefaultValue("false") boolean deleted,
                         @QueryParam("page") @DefaultValue("1") int page,
                         @QueryParam("size") @DefaultValue("20") int size) {
        if (page < 1 || size < 1 || size > LARGEST_PAGE) {
            throw new ContentException(ContentException.Reason.INVALID, "page",
                    "page starts at 1 and size is from 1 to " + LARGEST_PAGE);
        }
        StringBuilder query = new StringBuilder("select distinct p from Post p left join p.authors a left join p.tags t"
                + " where p.deletedAt is " + (deleted ? "not null" : "null"));
        Map<String, Object> parameters = new java.util.HashMap<>();
        if (!currentUser.may(Permission.EDIT_ANY_POST)) {
            query.append(" and exists (select 1 from Post own join own.authors me where own = p and me.id = :me)");
            parameters.put("me", currentUser.account().id);
        }
        if (status != null && !status.isBlank()) {
            query.append(" and p.status = :status");
            parameters.put("status", status(status));
        }
        if (author != null && !author.isBlank()) {
            query.append(" and a.handle = :author");
            parameters.put("author", author.trim().toLowerCase(Locale.ROOT));
        }
        if (tag != null && !tag.isBlank()) {
            query.append(" and t.key = :tag");
            parameters.put("tag", new org.quire.core.site.Tag(tag).key());
        }
        if (text != null && !text.isBlank()) {
            query.append(" and lower(p.title) like :text");
            parameters.put("text", "%" + text.trim().toLowerCase(Locale.ROOT).replace("%", "").replace("_", "") + "%");
        }
        jakarta.persistence.EntityManager entities = Post.getEntityManager();
        jakarta.persistence.TypedQuery<Long> count = entities.createQuery(
                query.toString().replace("select distinct p from", "select count(distinct p) from"), Long.class);
        jakarta.persistence.TypedQuery<Post> select = entities.createQuery(
                query + " order by p.updatedAt desc, p.id desc", Post.class);
        parameters.forEach((name, value) -> {
            count.setParameter(name, value);
            select.setParameter(name, value);
        });
        long total = count.getSingleResult();
        List<Post> found = select.setFirstResult((page - 1) * size).setMaxResults(size).getResultList();
        return new PostPage(found.stream().map(PostsApi::summary).toList(), page, size, total);
    }

    @GET
    @Path("/{id}")
    @Requires(Permission.WRITE_OWN_POSTS)
    @Operation(summary = "One post with its Markdown source and version")
    @Transactional
    public PostDetail get(@PathParam("id") long id) {
        return detail(visible(id, true), List.of());
    }

    @GET
    @Path("/{id}/source")
    @Produces(MARKDOWN + "; charset=UTF-8")
    @Requires(Permission.WRITE_OWN_POSTS)
    @Operation(summary = "The post as one Markdown file with front matter, its version in the ETag")
    @Transactional
    public Response source(@PathParam("id") long id) {
        Post post = visible(id, false);
        return Response.ok(post.source).tag(Long.toString(post.version)).header("Content-Disposition",
                "attachment; filename=\"" + post.slug + ".md\"").build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permission.WRITE_OWN_POSTS)
    @Operation(summary = "A new draft from Markdown with front matter; I am its author unless the front matter names others")
    public Response create(Edit edit) {
        return created(edit == null ? null : edit.markdown());
    }

    @POST
    @Consumes(MARKDOWN)
    @Requires(Permission.WRITE_OWN_POSTS)
    @Operation(summary = "A new draft from a Markdown file")
    public Response createFromMarkdown(byte[] source) {
        return created(utf8(source));
    }

    /** A Markdown file's bytes as text; another encoding is refused naming the line, never turned into U+FFFD. */
    private static String utf8(byte[] source) {
        try {
            return org.quire.core.text.Utf8.decode(source, "The post's text");
        } catch (org.quire.core.text.Utf8.NotUtf8Exception e) {
            throw new ContentException(ContentException.Reason.INVALID, "source", e.getMessage());
        }
    }

    private Response created(String source) {
        posts.refuseUnreadable(source);
        PostService.Saved saved = posts.create(source, null, PostStatus.DRAFT, currentUser.account());
        return Response.created(URI.create("/api/admin/posts/" + saved.post().id))
                .entity(detail(saved.post(), saved.diagnostics())).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permission.WRITE_OWN_POSTS)
    @Operation(summary = "Save a new text; 'version' is the one I started from, and a newer one gives 409 with both texts")
    public Response update(@PathParam("id") long id, Edit edit) {
        requireVersion(edit);
        return save(id, edit.markdown(), edit.version());
    }

    @PUT
    @Path("/{id}/source")
    @Consumes(MARKDOWN)
    @Requires(Permission.WRITE_OWN_POSTS)
    @Operation(summary = "Save a Markdown file; If-Match names the version I started from")
    public Response updateFromMarkdown(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
                                       byte[] source) {
        String version = ifMatch == null ? "" : ifMatch.replace("W/", "").replace("\"", "").trim();
        if (!version.matches("[0-9]{1,18}")) {
            throw new ContentException(ContentException.Reason.INVALID, "If-Match",
                    "Send If-Match with the ETag the file came with, so a newer save is never overwritten");
        }
        return save(id, utf8(source), Long.parseLong(version));
    }

    private Response save(long id, String source, long version) {
        editable(id);
        posts.refuseUnreadable(source);
        try {
            PostService.Saved saved = posts.update(id, version, source, currentUser.account());
            return Response.ok(detail(saved.post(), saved.diagnostics())).build();
        } catch (ContentException e) {
            if (e.reason() != ContentException.Reason.STALE) {
                throw e;
            }
            return conflict(id, e, source);
        }
    }

    public record AutosaveState(String source, long baseVersion, Instant savedAt) {
    }

    @PUT
    @Path("/{id}/autosave")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permission.WRITE_OWN_POSTS)
    @Operation(summary = "Keep what I am typing (call it every few seconds); not a revision, replaced each time")
    public AutosaveState autosave(@PathParam("id") long id, Edit edit) {
        editable(id);
        requireVersion(edit);
        org.quire.web.content.Autosave kept = posts.autosave(id, edit.version(), edit.markdown(), currentUser.account());
        return new AutosaveState(kept.source, kept.baseVersion, kept.savedAt);
    }

    @GET
    @Path("/{id}/autosave")
    @Requires(Permission.WRITE_OWN_POSTS)
    @Operation(summary = "My autosaved text of this post, if I have one newer than my last save")
    @Transactional
    public Response autosaved(@PathParam("id") long id) {
        visible(id, false);
        return org.quire.web.content.Autosave.of(id, currentUser.account().id)
                .map(a -> Response.ok(new AutosaveState(a.source, a.baseVersion, a.savedAt)).build())
                .orElseGet(() -> AccessFilter.problem(Response.Status.NOT_FOUND, "Nothing autosaved for post " + id));
    }

    @POST
    @Path("/{id}/publish")
    @Requires(Permission.PUBLISH_OWN_POSTS)
    @Operation(summary = "Publish now (my own posts; editors any post)")
    public PostDetail publish(@PathParam("id") long id) {
        publishable(id);
        return detail(posts.publish(id, currentUser.account(), org.quire.web.content.PostEvent.Kind.PUBLISHED),
                List.of());
    }

    @POST
    @Path("/{id}/unpublish")
    @Requires(Permission.PUBLISH_OWN_POSTS)
    @Operation(summary = "Take off the public site, keeping the post")
    public PostDetail unpublish(@PathParam("id") long id) {
        publishable(id);
        return detail(posts.unpublish(id, currentUser.account()), List.of());
    }

    /** A step of the review workflow: a reviewer's comment, or the time to publish at. */
    public record Step(String comment, Instant publishAt) {
    }

    public record HistoryEntry(String kind, String from, String to, String by, Instant at, Instant publishAt,
                               String comment) {
    }

    @POST
    @Path("/{id}/submit")
    @Requires(Permission.WRITE_OWN_POSTS)
    @Operation(summary = "Hand my draft to the editors for review")
    public PostDetail submit(@PathParam("id") long id) {
        editable(id);
        return detail(posts.submit(id, currentUser.account()), List.of());
    }

    @POST
    @Path("/{id}/send-back")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permission.EDIT_ANY_POST)
    @Operation(summary = "Return a post in review to its writers with a comment they see in its history")
    public PostDetail sendBack(@PathParam("id") long id, Step step) {
        visible(id, false);
        return detail(posts.sendBack(id, currentUser.account(), step == null ? null : step.comment()), List.of());
    }

    @POST
    @Path("/{id}/approve")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permission.EDIT_ANY_POST)
    @Operation(summary = "Approve a post in review: published now, or scheduled when publishAt is in the future")
    public PostDetail approve(@PathParam("id") long id, Step step) {
        visible(id, false);
        return detail(posts.approve(id, currentUser.account(), step == null ? null : step.publishAt()), List.of());
    }

    @POST
    @Path("/{id}/schedule")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permission.PUBLISH_OWN_POSTS)
    @Operation(summary = "Publish at a future time (publishAt); until then it is on no public page, list or feed")
    public PostDetail schedule(@PathParam("id") long id, Step step) {
        publishable(id);
        return detail(posts.schedule(id, currentUser.account(), step == null ? null : step.publishAt()), List.of());
    }

    @GET
    @Path("/{id}/history")
    @Requires(Permission.WRITE_OWN_POSTS)
    @Operation(summary = "Every change of status: who, when, and reviewers' comments")
    @Transactional
    public List<HistoryEntry> history(@PathParam("id") long id) {
        Post post = visible(id, true);
        return org.quire.web.content.PostEvent.<org.quire.web.content.PostEvent>list("post = ?1 order by createdAt, id",
                post).stream().map(e -> new HistoryEntry(e.kind.name().toLowerCase(Locale.ROOT), status(e.fromStatus),
                        status(e.toStatus), e.account == null ? null : e.account.handle, e.createdAt, e.publishAt,
                        e.comment)).toList();
    }

    @DELETE
    @Path("/{id}")
    @Requires(Permission.WRITE_OWN_POSTS)
    @Operation(summary = "Move to the bin (restorable)")
    public Response delete(@PathParam("id") long id) {
        Post post = editable(id);
        if (post.status == PostStatus.PUBLISHED && !mayPublish(post)) {
            return AccessFilter.problem(Response.Status.FORBIDDEN, "Only someone who may publish this post may delete it while it is published.");
        }
        posts.delete(id, currentUser.account());
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/restore")
    @Requires(Permission.WRITE_OWN_POSTS)
    @Operation(summary = "Take out of the bin")
    public PostDetail restore(@PathParam("id") long id) {
        Post binned = visibleInBin(id);
        boolean onTheSite = binned.status == PostStatus.PUBLISHED || binned.status == PostStatus.SCHEDULED;
        if (onTheSite && !mayPublish(binned)) {
            throw new Refused("This post would be back on the site; only someone who may publish it may restore it.");
        }
        return detail(posts.restore(id, currentUser.account()), List.of());
    }

    @GET
    @Path("/{id}/revisions")
    @Requires(Permission.WRITE_OWN_POSTS)
    @Operation(summary = "Every saved revision, newest first")
    @Transactional
    public List<RevisionSummary> revisions(@PathParam("id") long id) {
        Post post = visible(id, true);
        return Revision.<Revision>list("post = ?1 order by number desc", post).stream()
                .map(r -> new RevisionSummary(r.number, r.title, r.author == null ? null : r.author.handle,
                        r.createdAt, r.note)).toList();
    }

    @GET
    @Path("/{id}/revisions/{number}")
    @Requires(Permission.WRITE_OWN_POSTS)
    @Operation(summary = "One revision with its full text")
    @Transactional
    public RevisionDetail revision(@PathParam("id") long id, @PathParam("number") int number) {
        Revision r = revisionOf(visible(id, true), number);
        return new RevisionDetail(r.number, r.title, r.author == null ? null : r.author.handle, r.createdAt, r.note,
                r.source);
    }

    @GET
    @Path("/{id}/diff")
    @Requires(Permission.WRITE_OWN_POSTS)
    @Operation(summary = "A line diff between two revisions (from, to)")
    @Transactional
    public Diff diff(@PathParam("id") long id, @QueryParam("from") int from, @QueryParam("to") int to) {
        Post post = visible(id, true);
        List<LineDiff.Line> lines = LineDiff.between(revisionOf(post, from).source, revisionOf(post, to).source);
        return new Diff(from, to, lines, LineDiff.render(lines));
    }

    @POST
    @Path("/{id}/revisions/{number}/restore")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permission.WRITE_OWN_POSTS)
    @Operation(summary = "Make a revision's text current again, as a new revision; 'version' as for a save")
    public Response restoreRevision(@PathParam("id") long id, @PathParam("number") int number, Edit edit) {
        editable(id);
        requireVersion(edit);
        try {
            PostService.Saved saved = posts.restoreRevision(id, number, edit.version(), currentUser.account());
            return Response.ok(detail(saved.post(), saved.diagnostics())).build();
        } catch (ContentException e) {
            if (e.reason() != ContentException.Reason.STALE) {
                throw e;
            }
            return conflict(id, e, QuarkusTransaction.joiningExisting().call(
                    () -> revisionOf(Post.findById(id), number).source));
        }
    }

    @POST
    @Path("/preview")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permission.WRITE_OWN_POSTS)
    @Operation(summary = "Render a text as the public site would, through the same engine and plugins, storing nothing")
    public Preview preview(Edit edit, @jakarta.ws.rs.QueryParam("post") Long postId) {
        // The post's writers count: an editor previewing a contributor's draft sees it cleaned, as it will be saved.
        RenderedDocument rendered = posts.preview(edit == null ? null : edit.markdown(), currentUser.account(), postId);
        return new Preview(rendered.html(), rendered.tableOfContents(), rendered.words(), rendered.readingMinutes(),
                messages(rendered.diagnostics()));
    }

    // ---- who may do what with which post

    private boolean mayPublish(Post post) {
        return rights.mayPublish(post);
    }

    /** The post if I may see it; otherwise 404, as for a post that does not exist. */
    Post visible(long id, boolean includeBin) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            Post post = Post.findById(id);
            if (post == null || (!includeBin && post.deletedAt != null) || !rights.maySee(post)) {
                throw new ContentException(ContentException.Reason.NOT_FOUND, "id", "There is no post " + id);
            }
            post.authors.size();
            post.tags.size();
            return post;
        });
    }

    private Post visibleInBin(long id) {
        Post post = visible(id, true);
        if (post.deletedAt == null) {
            throw new ContentException(ContentException.Reason.NOT_FOUND, "id", "Post " + id + " is not in the bin");
        }
        return post;
    }

    /** The post if I may change it ({@link PostRights#whyNotEditable}); otherwise 403 saying why. */
    private Post editable(long id) {
        Post post = visible(id, false);
        rights.whyNotEditable(post).ifPresent(why -> {
            throw new Refused(why);
        });
        return post;
    }

    private void publishable(long id) {
        Post post = visible(id, false);
        if (!mayPublish(post)) {
            throw new Refused("Only the post's authors who may publish, and editors, may publish or unpublish it.");
        }
    }

    /** 409 with the text saved since ({@code theirs}) and the one that was refused ({@code yours}). */
    private static Response conflict(long id, ContentException stale, String yours) {
        Post current = QuarkusTransaction.joiningExisting().call(() -> Post.findById(id));
        return Response.status(Response.Status.CONFLICT).entity(new Conflict(409, stale.getMessage(), current.version,
                current.source, yours)).build();
    }

    private static void requireVersion(Edit edit) {
        if (edit == null || edit.version() == null) {
            throw new ContentException(ContentException.Reason.INVALID, "version",
                    "Send the version you started from (\"version\"), so a newer save is never overwritten");
        }
    }

    private static Revision revisionOf(Post post, int number) {
        Revision revision = Revision.<Revision>find("post = ?1 and number = ?2", post, number).firstResult();
        if (revision == null) {
            throw new ContentException(ContentException.Reason.NOT_FOUND, "revision",
                    "Post " + post.id + " has no revision " + number);
        }
        return revision;
    }

    private static PostStatus status(String text) {
        try {
            return PostStatus.valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new ContentException(ContentException.Reason.INVALID, "status", "'" + text + "' is not a status;"
                    + " use draft, in_review, scheduled, published or unpublished");
        }
    }

    private static PostSummary summary(Post post) {
        return new PostSummary(post.id, post.slug, post.path, post.title, status(post.status), post.version,
                post.authors.stream().map(a -> a.handle).toList(), post.tags.stream().map(t -> t.name).toList(),
                post.publishedAt, post.updatedAt, post.deletedAt);
    }

    private static PostDetail detail(Post post, List<Diagnostic> diagnostics) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            Post fresh = Post.findById(post.id);
            int revision = (int) Revision.count("post", fresh);
            return new PostDetail(fresh.id, fresh.slug, fresh.path, fresh.title, status(fresh.status), fresh.version,
                    fresh.authors.stream().map(a -> a.handle).toList(), fresh.tags.stream().map(t -> t.name).toList(),
                    fresh.category, fresh.description, fresh.publishedAt, fresh.updatedAt, fresh.deletedAt, revision,
                    fresh.source, PostFields.of(fresh.source), messages(diagnostics));
        });
    }

    private static String status(PostStatus status) {
        return status.name().toLowerCase(Locale.ROOT);
    }

    private static List<String> messages(List<Diagnostic> diagnostics) {
        List<String> messages = new ArrayList<>();
        diagnostics.forEach(d -> messages.add(d.toString()));
        return messages;
    }

    /** A request the role allows in general but not for this post: answered 403 by {@link EditorialErrors}. */
    public static final class Refused extends RuntimeException {
        public Refused(String message) {
            super(message, null, false, false);
        }
    }
}
