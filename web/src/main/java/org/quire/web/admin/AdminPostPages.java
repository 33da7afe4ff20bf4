package org.quire.web.admin;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.quire.core.RenderedDocument;
import org.quire.web.accounts.Account;
import org.quire.web.accounts.CurrentUser;
import org.quire.web.accounts.Permission;
import org.quire.web.accounts.Requires;
import org.quire.web.content.Autosave;
import org.quire.web.content.ContentException;
import org.quire.web.content.Post;
import org.quire.web.content.PostEvent;
import org.quire.web.content.PostService;
import org.quire.web.content.PostStatus;
import org.quire.web.content.TagEntity;
import org.quire.web.editorial.LineDiff;
import org.quire.web.editorial.PostFields;
import org.quire.web.editorial.PostRights;
import org.quire.web.editorial.PostsApi;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;

/**
 * The admin pages where posts are written, reviewed and published: the list, the editor, the review queue, the
 * revision history and the conflict page. Every change goes through {@link PostsApi}, so the pages and the API
 * allow exactly the same things; the pages only ask {@link PostRights} first, to offer the buttons that will work.
 * Each form works without JavaScript; admin.js adds live preview, autosave, uploads and shortcuts.
 */
@Path("/admin")
@Produces(MediaType.TEXT_HTML)
public class AdminPostPages {

    private static final int PAGE_SIZE = 20;

    @Inject
    PostsApi api;

    @Inject
    PostService posts;

    @Inject
    PostRights rights;

    @Inject
    CurrentUser currentUser;

    @Inject
    AdminChrome chrome;

    @Location("admin/posts.html")
    Template listPage;

    @Location("admin/editor.html")
    Template editorPage;

    @Location("admin/conflict.html")
    Template conflictPage;

    @Location("admin/review-queue.html")
    Template reviewQueuePage;

    @Location("admin/review.html")
    Template reviewPage;

    @Location("admin/revisions.html")
    Template revisionsPage;

    // ---- the list

    public record Filters(String status, String author, String tag, String q) {

        String query(int page) {
            StringBuilder query = new StringBuilder("?page=").append(page);
            append(query, "status", status);
            append(query, "author", author);
            append(query, "tag", tag);
            append(query, "q", q);
            return query.toString();
        }

        private static void append(StringBuilder query, String name, String value) {
            if (value != null && !value.isBlank()) {
                query.append('&').append(name).append('=')
                        .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
            }
        }
    }

    public record Row(long id, String title, String status, String authors, String tags, String updated,
                      String path) {
    }

    /** One line of a diff as the pages show it: added, removed or same. */
    public record DiffLine(String kind, String text) {
    }

    static List<DiffLine> diffLines(List<LineDiff.Line> lines) {
        return lines.stream().map(l -> new DiffLine(l.op().name().toLowerCase(Locale.ROOT), l.text())).toList();
    }

    @GET
    @Path("/posts")
    @Requires(Permission.WRITE_OWN_POSTS)
    public String list(@QueryParam("status") String status, @QueryParam("author") String author,
                       @QueryParam("tag") String tag, @QueryParam("q") String q,
                       @QueryParam("page") @DefaultValue("1") int page) {
        return listPage(new Filters(status, author, tag, q), Math.max(1, page), List.of(), List.of()).render();
    }

    /** Applies one action to the ticked posts, each on its own, and says what happened to each. */
    @POST
    @Path("/posts/bulk")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Requires(Permission.WRITE_OWN_POSTS)
    public String bulk(@RestForm("id") List<Long> ids, @RestForm String action) {
        List<String> done = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        if (ids == null || ids.isEmpty()) {
            refused.add(chrome.text().tickPosts());
        } else {
            for (Long id : ids) {
                try {
                    String title = titleOf(id);
                    switch (action == null ? "" : action) {
                        case "submit" -> api.submit(id);
                        case "publish" -> api.publish(id);
                        case "unpublish" -> api.unpublish(id);
                        case "delete" -> {
                            Response answer = api.delete(id);
                            if (answer.getStatus() >= 400) {
                                throw new PostsApi.Refused(AdminSitePages.problemOf(answer));
                            }
                        }
                        default -> throw new ContentException(ContentException.Reason.INVALID, "action",
                                "Choose an action for the ticked posts");
                    }
                    done.add(title);
                } catch (ContentException | PostsApi.Refused e) {
                    refused.add(e.getMessage());
                }
            }
        }
        List<String> notices = done.isEmpty() ? List.of()
                : List.of(chrome.text().bulkDone(action, String.join(", ", done)));
        return listPage(new Filters(null, null, null, null), 1, notices, refused).render();
    }

    private io.quarkus.qute.TemplateInstance listPage(Filters filters, int page, List<String> notices,
                                                       List<String> problems) {
        PostsApi.PostPage found;
        List<String> listProblems = new ArrayList<>(problems);
        try {
            found = api.list(filters.status(), filters.author(), filters.tag(), filters.q(), false, page, PAGE_SIZE);
        } catch (ContentException e) {
            listProblems.add(e.getMessage());
            found = api.list(null, null, null, null, false, 1, PAGE_SIZE);
        }
        List<Row> rows = found.posts().stream().map(p -> new Row(p.id(), p.title(), p.status(),
                String.join(", ", p.authors()), String.join(", ", p.tags()), chrome.time(p.updatedAt()),
                "published".equals(p.status()) ? p.path() : null)).toList();
        long pages = Math.max(1, (found.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        List<String> actions = new ArrayList<>();
        actions.add("submit");
        if (currentUser.may(Permission.PUBLISH_OWN_POSTS)) {
            actions.add("publish");
            actions.add("unpublish");
        }
        actions.add("delete");
        return chrome.page(listPage, "posts").data("filters", filters).data("rows", rows)
                .data("total", found.total()).data("page", (long) found.page()).data("pages", pages)
                .data("previous", page > 1 ? filters.query(page - 1) : null)
                .data("next", page < pages ? filters.query(page + 1) : null)
                .data("statuses", List.of("draft", "in_review", "scheduled", "published", "unpublished"))
                .data("authors", QuarkusTransaction.joiningExisting().call(() -> Account.<Account>list(
                        "order by handle")).stream().map(a -> a.handle).toList())
                .data("tags", tagNames()).data("actions", actions).data("notices", notices)
                .data("problems", listProblems).data("mayFilterByAuthor", rights.mayReview());
    }

    // ---- the editor

    public record SentBack(String by, String at, String comment) {
    }

    @GET
    @Path("/posts/new")
    @Requires(Permission.WRITE_OWN_POSTS)
    public String newPost() {
        return editor(null, EditorForm.blank(), List.of(), null).render();
    }

    @POST
    @Path("/posts")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Requires(Permission.WRITE_OWN_POSTS)
    public Response create(@BeanParam EditorForm form) {
        long id;
        try {
            Response created = api.create(new PostsApi.Edit(form.markdown(), null, null));
            id = ((PostsApi.PostDetail) created.getEntity()).id();
        } catch (ContentException e) {
            return Response.status(400).entity(editor(null, form, List.of(e.getMessage()), null).render())
                    .build();
        }
        return afterSave(id, form.action, form.publishAt, "created");
    }

    @GET
    @Path("/posts/{id}/edit")
    @Requires(Permission.WRITE_OWN_POSTS)
    public String edit(@PathParam("id") long id, @QueryParam("done") String done) {
        PostsApi.PostDetail post = api.get(id);
        EditorForm form = EditorForm.of(post.fields(), post.version());
        String notice = done == null || !DONE.contains(done) ? null : chrome.text().done(done);
        // What was typed and not saved (autosaved, or lost to a closed tab) comes back into the editor, when the
        // post can still be changed; a post now in review or published shows its current text.
        Optional<Autosave> kept = QuarkusTransaction.joiningExisting().call(
                () -> Autosave.of(id, currentUser.account().id));
        boolean editable = QuarkusTransaction.joiningExisting().call(
                () -> rights.whyNotEditable(Post.findById(id)).isEmpty());
        if (kept.isPresent() && editable && post.deletedAt() == null && !kept.get().source.equals(post.source())) {
            form = EditorForm.of(PostFields.of(kept.get().source), post.version());
            notice = chrome.text().autosaveBack(chrome.time(kept.get().savedAt));
            if (kept.get().baseVersion != post.version()) {
                notice += " " + chrome.text().autosaveStale();
                form.version = kept.get().baseVersion;
            }
        }
        return editor(id, form, List.of(), notice).render();
    }

    /** What the editor says after a redirect: {@code ?done=saved} and so on, never text from the URL. */
    private static final java.util.Set<String> DONE = java.util.Set.of("created", "saved", "submitted", "published",
            "scheduled", "unpublished", "restored", "merged");

    @POST
    @Path("/posts/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Requires(Permission.WRITE_OWN_POSTS)
    public Response save(@PathParam("id") long id, @BeanParam EditorForm form) {
        // A post I may not see answers 404 here, before anything of it is shown.
        PostsApi.PostDetail current = api.get(id);
        if ("delete".equals(form.action)) {
            return binned(id, form);
        }
        String markdown;
        try {
            markdown = form.markdown();
        } catch (ContentException e) {
            return Response.status(400).entity(editor(id, form, List.of(e.getMessage()), null).render()).build();
        }
        if (form.version == null) {
            return Response.status(400).entity(editor(id, form, List.of(
                    "The form lacks the version it was opened at; open the post again."), null).render()).build();
        }
        try {
            // Saving the fields as they came makes no revision: an untouched imported file stays byte for byte.
            boolean unchanged = markdown.equals(current.source()) || markdown.equals(asFields(current));
            if (!unchanged || form.version != current.version()) {
                Response saved = api.update(id, new PostsApi.Edit(markdown, form.version, null));
                if (saved.getStatus() == 409) {
                    return conflict(id, (PostsApi.Conflict) saved.getEntity(), form.action, form.publishAt);
                }
            }
            posts.discardAutosave(id, currentUser.account());
        } catch (ContentException | PostsApi.Refused e) {
            return Response.status(statusOf(e)).entity(editor(id, form, List.of(e.getMessage()), null).render())
                    .build();
        }
        return afterSave(id, form.action, form.publishAt, "saved");
    }

    /** Runs the button's action on the saved post, then back to the editor (post/redirect/get). */
    private Response afterSave(long id, String action, String publishAt, String saved) {
        String done = saved;
        try {
            switch (action == null ? "save" : action) {
                case "submit" -> {
                    api.submit(id);
                    done = "submitted";
                }
                case "publish" -> {
                    api.publish(id);
                    done = "published";
                }
                case "schedule" -> {
                    api.schedule(id, new PostsApi.Step(null, localTime(publishAt, "publishAt")));
                    done = "scheduled";
                }
                case "unpublish" -> {
                    api.unpublish(id);
                    done = "unpublished";
                }
                default -> {
                }
            }
        } catch (ContentException | PostsApi.Refused e) {
            PostsApi.PostDetail post = api.get(id);
            return Response.status(statusOf(e)).entity(editor(id, EditorForm.of(post.fields(), post.version()),
                    List.of(e.getMessage()), chrome.text().savedButNot(action)).render()).build();
        }
        return Response.seeOther(URI.create("/admin/posts/" + id + "/edit?done=" + done)).build();
    }

    private Response binned(long id, EditorForm form) {
        try {
            Response answer = api.delete(id);
            if (answer.getStatus() >= 400) {
                return Response.status(answer.getStatus()).entity(editor(id, form, List.of(AdminSitePages.problemOf(answer)), null)
                        .render()).build();
            }
        } catch (ContentException | PostsApi.Refused e) {
            return Response.status(statusOf(e)).entity(editor(id, form, List.of(e.getMessage()), null).render())
                    .build();
        }
        return Response.seeOther(URI.create("/admin/posts")).build();
    }

    /** The stored file as the editor's fields would write it, or null when its fields cannot make a file. */
    private static String asFields(PostsApi.PostDetail post) {
        try {
            return post.fields().toMarkdown();
        } catch (ContentException e) {
            return null;
        }
    }

    /** The status a refused or failed change answers with, as the API would. */
    static int statusOf(RuntimeException e) {
        if (e instanceof PostsApi.Refused) {
            return 403;
        }
        return switch (((ContentException) e).reason()) {
            case INVALID -> 400;
            case NOT_FOUND -> 404;
            case CONFLICT, STALE -> 409;
        };
    }

    /** The editor for a new post ({@code id} null) or one I may see (404 otherwise), showing {@code form}. */
    private io.quarkus.qute.TemplateInstance editor(Long id, EditorForm form, List<String> problems, String notice) {
        Post post = id == null ? null : QuarkusTransaction.joiningExisting().call(() -> {
            Post found = Post.findById(id);
            if (found == null || found.deletedAt != null || !rights.maySee(found)) {
                throw new ContentException(ContentException.Reason.NOT_FOUND, "id", "There is no post " + id);
            }
            found.authors.size();
            return found;
        });
        String whyReadOnly = post == null ? null : rights.whyNotEditable(post).orElse(null);
        boolean published = post != null && post.status == PostStatus.PUBLISHED;
        boolean draftLike = post == null || post.status == PostStatus.DRAFT || post.status == PostStatus.UNPUBLISHED;
        boolean mayPublish = post == null ? currentUser.may(Permission.PUBLISH_OWN_POSTS) : rights.mayPublish(post);
        return chrome.page(editorPage, "posts").data("id", id).data("form", form)
                .data("status", post == null ? "new" : post.status.name().toLowerCase(Locale.ROOT))
                .data("publicPath", published ? post.path : null)
                .data("scheduledFor", post != null && post.status == PostStatus.SCHEDULED
                        ? chrome.time(post.publishedAt) : null)
                .data("readOnly", whyReadOnly)
                .data("maySubmit", whyReadOnly == null && draftLike)
                .data("mayPublish", whyReadOnly == null && mayPublish && !published)
                .data("mayUnpublish", whyReadOnly == null && mayPublish
                        && (published || (post != null && post.status == PostStatus.SCHEDULED)))
                .data("mayDelete", post != null && whyReadOnly == null && (!published || mayPublish))
                .data("mayReview", post != null && post.status == PostStatus.IN_REVIEW && rights.mayReview())
                .data("problems", problems).data("notice", notice)
                .data("sentBack", post == null ? null : sentBack(post))
                .data("preview", previewDocument(form, id))
                .data("tags", tagNames()).data("handles", handles()).data("zone", chrome.zone().getId());
    }

    /** The reviewer's comment when the post's last step was being sent back. */
    private SentBack sentBack(Post post) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            PostEvent last = PostEvent.<PostEvent>find("post = ?1 order by createdAt desc, id desc", post)
                    .firstResult();
            if (last == null || last.kind != PostEvent.Kind.SENT_BACK || post.status != PostStatus.DRAFT) {
                return null;
            }
            return new SentBack(last.account == null ? "-" : last.account.displayName,
                    chrome.time(last.createdAt), last.comment);
        });
    }

    /** The preview as a whole document for a sandboxed frame: the post rendered, styled as the site. */
    private String previewDocument(EditorForm form, Long postId) {
        if (form.title == null || form.title.isBlank()) {
            return PreviewDocument.message(chrome.text().previewNeedsTitle());
        }
        try {
            RenderedDocument rendered = posts.preview(form.markdown(), currentUser.account(), postId);
            return PreviewDocument.of(form.title, rendered.html());
        } catch (ContentException e) {
            return PreviewDocument.message(e.getMessage());
        }
    }

    // ---- conflicts

    /**
     * Both texts after a refused save, and a box to merge them; the button that was pressed (publish, submit…)
     * travels with the merge, so it happens once the merged text is saved.
     */
    private Response conflict(long id, PostsApi.Conflict conflict, String action, String publishAt) {
        return conflictPage(id, conflict.theirs(), conflict.yours(), conflict.currentVersion(), action, publishAt,
                null, 409);
    }

    private Response conflictPage(long id, String theirs, String yours, long version, String action,
                                  String publishAt, String problem, int status) {
        PostsApi.PostDetail current = api.get(id);
        String savedBy = QuarkusTransaction.joiningExisting().call(() -> {
            org.quire.web.content.Revision latest = org.quire.web.content.Revision.<org.quire.web.content.Revision>find(
                    "post.id = ?1 order by number desc", id).firstResult();
            return latest == null || latest.author == null ? "-" : latest.author.displayName;
        });
        return Response.status(status).entity(chrome.page(conflictPage, "posts").data("id", id)
                .data("title", current.title()).data("theirs", theirs).data("yours", yours)
                .data("version", version).data("savedBy", problem == null ? savedBy : null)
                .data("savedAt", chrome.time(current.updatedAt())).data("problem", problem)
                .data("action", action == null ? "save" : action).data("publishAt", publishAt == null ? "" : publishAt)
                .data("lines", diffLines(LineDiff.between(theirs, yours))).render()).build();
    }

    /** Saves the text merged by hand on the conflict page, as a whole Markdown file. */
    @POST
    @Path("/posts/{id}/merge")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Requires(Permission.WRITE_OWN_POSTS)
    public Response merge(@PathParam("id") long id, @RestForm String source, @RestForm Long version,
                          @RestForm String action, @RestForm String publishAt) {
        String text = source == null ? "" : source.replace("\r\n", "\n");
        try {
            Response saved = api.update(id, new PostsApi.Edit(text, version, null));
            if (saved.getStatus() == 409) {
                return conflict(id, (PostsApi.Conflict) saved.getEntity(), action, publishAt);
            }
            posts.discardAutosave(id, currentUser.account());
        } catch (ContentException | PostsApi.Refused e) {
            if (e instanceof ContentException c && c.reason() == ContentException.Reason.NOT_FOUND) {
                throw c;
            }
            PostsApi.PostDetail current = api.get(id);
            return conflictPage(id, current.source(), text, current.version(), action, publishAt, e.getMessage(),
                    statusOf(e));
        }
        return afterSave(id, action, publishAt, "merged");
    }

    // ---- review

    public record Waiting(long id, String title, String authors, String submitted, String path) {
    }

    @GET
    @Path("/review")
    @Requires(Permission.EDIT_ANY_POST)
    public String reviewQueue() {
        List<Waiting> waiting = QuarkusTransaction.joiningExisting().call(() -> Post.<Post>list(
                "status = ?1 and deletedAt is null order by updatedAt", PostStatus.IN_REVIEW).stream()
                .map(p -> new Waiting(p.id, p.title, String.join(", ", p.authors.stream()
                        .map(a -> a.displayName).toList()), chrome.time(p.updatedAt), p.path)).toList());
        return chrome.page(reviewQueuePage, "review").data("waiting", waiting).render();
    }

    @GET
    @Path("/posts/{id}/review")
    @Requires(Permission.EDIT_ANY_POST)
    public String review(@PathParam("id") long id) {
        return reviewPage(id, List.of(), "").render();
    }

    /** @param comment what the reviewer typed, kept when the decision was refused */
    private io.quarkus.qute.TemplateInstance reviewPage(long id, List<String> problems, String comment) {
        PostsApi.PostDetail post = api.get(id);
        String html = QuarkusTransaction.joiningExisting().call(() -> Post.<Post>findById(id).html);
        List<PostsApi.HistoryEntry> history = api.history(id);
        return chrome.page(reviewPage, "review").data("post", post)
                .data("authors", String.join(", ", post.authors()))
                .data("status", post.status()).data("inReview", "in_review".equals(post.status()))
                .data("preview", PreviewDocument.of(post.title(), html == null ? "" : html))
                .data("history", history.stream().map(h -> new HistoryLine(h.kind(),
                        h.by() == null ? "Quire" : h.by(), chrome.time(h.at()), h.comment())).toList())
                .data("problems", problems).data("zone", chrome.zone().getId())
                .data("comment", comment == null ? "" : comment);
    }

    public record HistoryLine(String kind, String by, String at, String comment) {
    }

    @POST
    @Path("/posts/{id}/review")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Requires(Permission.EDIT_ANY_POST)
    public Response decide(@PathParam("id") long id, @RestForm String decision, @RestForm String comment,
                           @RestForm String publishAt) {
        try {
            if ("send-back".equals(decision)) {
                api.sendBack(id, new PostsApi.Step(comment, null));
            } else if ("approve".equals(decision)) {
                Instant when = publishAt == null || publishAt.isBlank() ? null : localTime(publishAt, "publishAt");
                api.approve(id, new PostsApi.Step(null, when));
            } else {
                throw new ContentException(ContentException.Reason.INVALID, "decision",
                        "Choose to approve or to send back");
            }
        } catch (ContentException | PostsApi.Refused e) {
            return Response.status(statusOf(e)).entity(reviewPage(id, List.of(e.getMessage()), comment).render())
                    .build();
        }
        return Response.seeOther(URI.create("/admin/review")).build();
    }

    // ---- revisions

    public record RevisionRow(int number, String title, String author, String at, String note, boolean from,
                              boolean to) {
    }

    @GET
    @Path("/posts/{id}/revisions")
    @Requires(Permission.WRITE_OWN_POSTS)
    public String revisions(@PathParam("id") long id, @QueryParam("from") Integer from,
                            @QueryParam("to") Integer to) {
        return revisionsPage(id, from, to, List.of()).render();
    }

    private io.quarkus.qute.TemplateInstance revisionsPage(long id, Integer from, Integer to, List<String> problems) {
        PostsApi.PostDetail post = api.get(id);
        List<PostsApi.RevisionSummary> revisions = api.revisions(id);
        int newest = revisions.isEmpty() ? 0 : revisions.get(0).number();
        int right = to == null ? newest : to;
        int left = from == null ? Math.max(1, right - 1) : from;
        List<RevisionRow> rows = revisions.stream().map(r -> new RevisionRow(r.number(), r.title(),
                r.author() == null ? "" : r.author(), chrome.time(r.createdAt()), r.note(), r.number() == left,
                r.number() == right)).toList();
        List<String> shown = new ArrayList<>(problems);
        PostsApi.Diff diff = null;
        if (revisions.size() > 1 && left != right) {
            try {
                diff = api.diff(id, left, right);
            } catch (ContentException e) {
                shown.add(e.getMessage());
            }
        }
        boolean editable = QuarkusTransaction.joiningExisting().call(
                () -> rights.whyNotEditable(Post.findById(id)).isEmpty()) && post.deletedAt() == null;
        return chrome.page(revisionsPage, "posts").data("post", post).data("rows", rows)
                .data("diff", diff).data("lines", diff == null ? List.of() : diffLines(diff.lines())).data("from", left).data("to", right).data("editable", editable)
                .data("problems", shown);
    }

    @POST
    @Path("/posts/{id}/revisions/{number}/restore")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Requires(Permission.WRITE_OWN_POSTS)
    public Response restoreRevision(@PathParam("id") long id, @PathParam("number") int number,
                                    @RestForm Long version) {
        try {
            Response restored = api.restoreRevision(id, number, new PostsApi.Edit(null, version, null));
            if (restored.getStatus() == 409) {
                return conflict(id, (PostsApi.Conflict) restored.getEntity(), null, null);
            }
            posts.discardAutosave(id, currentUser.account());
        } catch (ContentException | PostsApi.Refused e) {
            return Response.status(statusOf(e)).entity(revisionsPage(id, null, null, List.of(e.getMessage()))
                    .render()).build();
        }
        return Response.seeOther(URI.create("/admin/posts/" + id + "/edit?done=restored")).build();
    }

    // ---- shared

    private Instant localTime(String text, String field) {
        if (text == null || text.isBlank()) {
            throw new ContentException(ContentException.Reason.INVALID, field,
                    "Give the date and time to publish at (in " + chrome.zone().getId() + ")");
        }
        try {
            return LocalDateTime.parse(text.strip()).atZone(chrome.zone()).toInstant();
        } catch (DateTimeParseException e) {
            throw new ContentException(ContentException.Reason.INVALID, field, "'" + text
                    + "' is not a date and time such as 2030-01-31T09:00 (in " + chrome.zone().getId() + ")");
        }
    }

    private String titleOf(long id) {
        return api.get(id).title();
    }

    private List<String> tagNames() {
        return QuarkusTransaction.joiningExisting().call(() -> TagEntity.<TagEntity>list("order by name").stream()
                .map(t -> t.name).toList());
    }

    private List<String> handles() {
        return QuarkusTransaction.joiningExisting().call(() -> Account.<Account>list("active = true order by handle")
                .stream().map(a -> a.handle).toList());
    }
}
