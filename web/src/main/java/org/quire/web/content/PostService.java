package org.quire.web.content;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.quire.core.ContentEngine;
import org.quire.core.Diagnostic;
import org.quire.core.RenderOptions;
import org.quire.core.RenderedDocument;
import org.quire.core.markdown.NestingTooDeepException;
import org.quire.core.site.Slugs;
import org.quire.core.site.Tag;
import org.quire.core.source.PostMetadata;
import org.quire.core.source.PostReader;
import org.quire.core.source.PostSource;
import org.quire.web.accounts.Account;
import org.quire.web.accounts.Role;
import org.quire.web.content.ContentException.Reason;
import org.quire.web.site.Site;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Stores posts: every save renders the source through the engine (with the plugins), keeps a revision, updates
 * tags and authors, and leaves a redirect behind when a post's path changes.
 */
@ApplicationScoped
public class PostService {

    private static final DateTimeFormatter FILE_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM", Locale.ROOT);

    @Inject
    SiteEngine engines;

    @Inject
    PathOwners pathOwners;

    @Inject
    org.quire.web.publicsite.PageCache pageCache;

    /** Render timings for Prometheus (/q/metrics): posts are rendered from Markdown when saved. */
    @Inject
    io.micrometer.core.instrument.MeterRegistry metrics;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    @Inject
    jakarta.enterprise.event.Event<ContentChanged> changes;

    /** What a post looked like before a change, so listeners can drop what showed the old state too. */
    private record Before(Set<String> paths, Set<Long> authors, Set<String> months, Set<String> tags) {
        static Before of(Post post, ZoneId zone) {
            Set<String> paths = new HashSet<>();
            Set<Long> authors = new HashSet<>();
            Set<String> months = new HashSet<>();
            Set<String> tags = new HashSet<>();
            if (post.path != null) {
                paths.add(post.path);
            }
            post.authors.forEach(a -> authors.add(a.id));
            if (post.publishedAt != null) {
                months.add(MONTH.format(post.publishedAt.atZone(zone)));
            }
            post.tags.forEach(t -> tags.add(t.key));
            return new Before(paths, authors, months, tags);
        }
    }

    private void fireChanged(Post post, Before before, ZoneId zone, ContentChanged.Kind kind, String previousPath) {
        Before after = Before.of(post, zone);
        Set<String> paths = new HashSet<>(before.paths());
        paths.addAll(after.paths());
        Set<Long> authors = new HashSet<>(before.authors());
        authors.addAll(after.authors());
        Set<String> months = new HashSet<>(before.months());
        months.addAll(after.months());
        Set<String> tags = new HashSet<>(before.tags());
        tags.addAll(after.tags());
        changes.fire(new ContentChanged(post.id, kind, previousPath, paths, authors, months, tags));
    }

    /** A post as saved: what it became and what the engine reported. */
    public record Saved(Post post, List<Diagnostic> diagnostics) {
    }

    /**
     * Creates a post from Markdown with front matter.
     *
     * @param fileName a Jekyll file name ({@code 2017-12-29-aws-reinvent.md}) when the post comes from one; it gives
     *                 the date and slug as in Jekyll. Null for a post written here.
     * @param status   the status to store; {@code published: false} in the front matter turns PUBLISHED into DRAFT
     */
    @Transactional
    public Saved create(String source, String fileName, PostStatus status, Account savedBy) {
        Post post = new Post();
        post.createdAt = clock.instant();
        post.status = status;
        return save(post, source, fileName, savedBy, "created");
    }

    /**
     * Replaces a post's source.
     *
     * @param expectedVersion the version the editor started from; another save since then is a conflict
     */
    @Transactional
    public Saved update(long postId, long expectedVersion, String source, Account savedBy) {
        return update(postId, expectedVersion, source, null, savedBy);
    }

    /**
     * Replaces a post's source with a Jekyll file's, read as {@link #create} reads one: a re-import.
     *
     * @param fileName the Jekyll file name, or null for a post written here
     */
    @Transactional
    public Saved update(long postId, long expectedVersion, String source, String fileName, Account savedBy) {
        Post post = Post.findById(postId);
        if (post == null || post.deletedAt != null) {
            throw new ContentException(Reason.NOT_FOUND, "id", "There is no post " + postId);
        }
        if (post.version != expectedVersion) {
            throw new ContentException(Reason.STALE, "version", "Post " + postId + " was saved by someone else since"
                    + " version " + expectedVersion + " (it is now at version " + post.version + "); reload it and"
                    + " apply your change again");
        }
        return save(post, source, fileName, savedBy, "edited");
    }

    @Transactional
    public Post publish(long postId) {
        return publish(postId, null, PostEvent.Kind.PUBLISHED);
    }

    /** Publishes now, recording who did it ({@code by} null: the scheduler). */
    @Transactional
    public Post publish(long postId, Account by, PostEvent.Kind kind) {
        Post post = existing(postId);
        ZoneId zone = ZoneId.of(Site.get().timeZone);
        Before before = Before.of(post, zone);
        PostStatus from = post.status;
        post.status = PostStatus.PUBLISHED;
        if (post.publishedAt == null || from == PostStatus.SCHEDULED && post.publishedAt.isAfter(clock.instant())) {
            post.publishedAt = clock.instant();
        }
        post.updatedAt = clock.instant();
        record(post, by, kind, from, null, null);
        fireChanged(post, before, zone, ContentChanged.Kind.PUBLISHED, post.path);
        return post;
    }

    @Transactional
    public Post unpublish(long postId) {
        return unpublish(postId, null);
    }

    @Transactional
    public Post unpublish(long postId, Account by) {
        Post post = existing(postId);
        ZoneId zone = ZoneId.of(Site.get().timeZone);
        Before before = Before.of(post, zone);
        PostStatus from = post.status;
        post.status = PostStatus.UNPUBLISHED;
        post.updatedAt = clock.instant();
        record(post, by, PostEvent.Kind.UNPUBLISHED, from, null, null);
        fireChanged(post, before, zone, ContentChanged.Kind.UNPUBLISHED, post.path);
        return post;
    }

    /** A writer hands a draft to the editors. */
    @Transactional
    public Post submit(long postId, Account by) {
        Post post = existing(postId);
        requireStatus(post, "submitted for review", PostStatus.DRAFT, PostStatus.UNPUBLISHED);
        return move(post, PostStatus.IN_REVIEW, by, PostEvent.Kind.SUBMITTED, null, null);
    }

    /** A reviewer returns a post to its writers, saying why; the comment is in the post's history. */
    @Transactional
    public Post sendBack(long postId, Account by, String comment) {
        Post post = existing(postId);
        requireStatus(post, "sent back", PostStatus.IN_REVIEW);
        if (comment == null || comment.isBlank()) {
            throw new ContentException(Reason.INVALID, "comment", "Say what should change: the writer sees this comment");
        }
        return move(post, PostStatus.DRAFT, by, PostEvent.Kind.SENT_BACK, null, comment.strip());
    }

    /**
     * A reviewer approves a post in review: published now, or scheduled when {@code publishAt} is in the future.
     */
    @Transactional
    public Post approve(long postId, Account by, Instant publishAt) {
        Post post = existing(postId);
        requireStatus(post, "approved", PostStatus.IN_REVIEW);
        if (publishAt != null && publishAt.isAfter(clock.instant())) {
            return schedule(post, by, publishAt, PostEvent.Kind.APPROVED);
        }
        return publish(postId, by, PostEvent.Kind.APPROVED);
    }

    /** Publishes at {@code publishAt} (in the future): until then the post is on no public page, list or feed. */
    @Transactional
    public Post schedule(long postId, Account by, Instant publishAt) {
        Post post = existing(postId);
        if (publishAt == null || !publishAt.isAfter(clock.instant())) {
            throw new ContentException(Reason.INVALID, "publishAt", "Give a time in the future to schedule for, "
                    + "such as 2030-01-31T09:00:00Z; to publish now, publish");
        }
        return schedule(post, by, publishAt, PostEvent.Kind.SCHEDULED);
    }

    private Post schedule(Post post, Account by, Instant publishAt, PostEvent.Kind kind) {
        ZoneId zone = ZoneId.of(Site.get().timeZone);
        Before before = Before.of(post, zone);
        PostStatus from = post.status;
        post.status = PostStatus.SCHEDULED;
        post.publishedAt = publishAt;
        post.updatedAt = clock.instant();
        record(post, by, kind, from, publishAt, null);
        fireChanged(post, before, zone, from == PostStatus.PUBLISHED ? ContentChanged.Kind.UNPUBLISHED
                : ContentChanged.Kind.SAVED, post.path);
        return post;
    }

    /**
     * Publishes every scheduled post whose time has come; the scheduler calls it with the clock's time, tests with
     * any time. Each post in its own transaction, so one failure holds back no other.
     *
     * @return the ids published
     */
    public List<Long> publishDue(Instant now) {
        List<Long> due = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() ->
                Post.<Post>find("status = ?1 and deletedAt is null and publishedAt <= ?2", PostStatus.SCHEDULED, now)
                        .stream().map(p -> p.id).toList());
        List<Long> published = new ArrayList<>();
        for (Long id : due) {
            try {
                publishScheduled(id, now, published);
            } catch (RuntimeException e) {
                // Another instance published it first (its version moved on), or it changed meanwhile.
                org.jboss.logging.Logger.getLogger(PostService.class).warnf("Post %d was not published on schedule: %s",
                        id, e.toString());
            }
        }
        return published;
    }

    private void publishScheduled(Long id, Instant now, List<Long> published) {
        boolean done = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> {
            Post post = existing(id);
            // Looked at again inside the transaction: it may have been rescheduled since the list was read.
            if (post.status == PostStatus.SCHEDULED && post.publishedAt != null && !post.publishedAt.isAfter(now)) {
                ZoneId zone = ZoneId.of(Site.get().timeZone);
                Before before = Before.of(post, zone);
                post.status = PostStatus.PUBLISHED;
                post.updatedAt = now;
                record(post, null, PostEvent.Kind.PUBLISHED, PostStatus.SCHEDULED, null, "at its scheduled time");
                fireChanged(post, before, zone, ContentChanged.Kind.PUBLISHED, post.path);
                return true;
            }
            return false;
        });
        if (done) {
            published.add(id);
        }
    }

    private Post move(Post post, PostStatus to, Account by, PostEvent.Kind kind, Instant publishAt, String comment) {
        ZoneId zone = ZoneId.of(Site.get().timeZone);
        Before before = Before.of(post, zone);
        PostStatus from = post.status;
        post.status = to;
        post.updatedAt = clock.instant();
        record(post, by, kind, from, publishAt, comment);
        fireChanged(post, before, zone, ContentChanged.Kind.SAVED, post.path);
        return post;
    }

    private void record(Post post, Account by, PostEvent.Kind kind, PostStatus from, Instant publishAt, String comment) {
        PostEvent event = new PostEvent();
        event.post = post;
        event.account = by == null ? null : Account.findById(by.id);
        event.kind = kind;
        event.fromStatus = from;
        event.toStatus = post.status;
        event.publishAt = publishAt;
        event.comment = comment;
        event.createdAt = clock.instant();
        event.persist();
    }

    private static void requireStatus(Post post, String what, PostStatus... allowed) {
        for (PostStatus status : allowed) {
            if (post.status == status) {
                return;
            }
        }
        throw new ContentException(Reason.CONFLICT, "status", "Post " + post.id + " is "
                + post.status.name().toLowerCase(java.util.Locale.ROOT) + "; only a post that is "
                + String.join(" or ", java.util.Arrays.stream(allowed).map(s -> s.name().toLowerCase(java.util.Locale.ROOT)).toList())
                + " can be " + what);
    }

    /** Keeps what someone is typing, replacing their previous autosave of the post; adds no revision. */
    @Transactional
    public Autosave autosave(long postId, long baseVersion, String source, Account by) {
        Post post = existing(postId);
        if (source == null) {
            throw new ContentException(Reason.INVALID, "source", "Send the text to keep");
        }
        PostLimits.refuseNul(source);
        Autosave autosave = Autosave.of(postId, by.id).orElseGet(Autosave::new);
        autosave.post = post;
        autosave.account = Account.findById(by.id);
        autosave.source = source;
        autosave.baseVersion = baseVersion;
        autosave.savedAt = clock.instant();
        autosave.persist();
        return autosave;
    }

    /** Forgets someone's autosaved text of a post: they saved it, or chose what to keep. */
    @Transactional
    public void discardAutosave(long postId, Account by) {
        Autosave.delete("post.id = ?1 and account.id = ?2", postId, by.id);
    }

    /**
     * Gives every post of {@code from} to {@code to} instead (co-authors stay), so an account can be retired without
     * deleting anything. A post whose front matter names its authors has that list rewritten and is saved as a
     * revision by {@code by}; otherwise only the stored authorship changes.
     *
     * @return the number of posts reassigned
     */
    public int reassign(Account from, Account to, Account by) {
        List<Long> ids = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> Post.<Post>find(
                "select p from Post p join p.authors a where a.id = ?1 and p.deletedAt is null order by p.id", from.id).stream()
                .map(p -> p.id).toList());
        for (Long id : ids) {
            io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> {
                Post post = Post.findById(id);
                Site site = Site.get();
                PostMetadata m = engines.engineFor(site).read(new PostSource("post.md", post.source)).metadata();
                boolean named = m.frontMatter().containsKey("authors") || m.frontMatter().containsKey("author");
                if (named) {
                    List<String> handles = new ArrayList<>();
                    for (String handle : m.authors()) {
                        boolean theirs = handle.trim().equalsIgnoreCase(from.handle)
                                || Slugs.slugify(handle).equals(from.handle);
                        String kept = theirs ? to.handle : handle;
                        if (!handles.contains(kept)) {
                            handles.add(kept);
                        }
                    }
                    String key = m.frontMatter().containsKey("authors") ? "authors" : "author";
                    String edited = org.quire.core.source.FrontMatterEditor.withList(post.source, key, handles);
                    update(id, post.version, edited, by);
                } else {
                    ZoneId zone = ZoneId.of(site.timeZone);
                    Before before = Before.of(post, zone);
                    post.authors.removeIf(a -> a.id.equals(from.id));
                    if (post.authors.stream().noneMatch(a -> a.id.equals(to.id))) {
                        post.authors.add(Account.findById(to.id));
                    }
                    fireChanged(post, before, zone, ContentChanged.Kind.SAVED, post.path);
                }
            });
        }
        return ids.size();
    }

    /** Moves a post to the bin: it leaves the site and every list, and can be restored with {@link #restore}. */
    @Transactional
    public Post delete(long postId) {
        return delete(postId, null);
    }

    @Transactional
    public Post delete(long postId, Account by) {
        Post post = existing(postId);
        ZoneId zone = ZoneId.of(Site.get().timeZone);
        Before before = Before.of(post, zone);
        post.deletedAt = clock.instant();
        record(post, by, PostEvent.Kind.DELETED, post.status, null, null);
        fireChanged(post, before, zone, ContentChanged.Kind.DELETED, post.path);
        return post;
    }

    /** Takes a post out of the bin, in the status it had. */
    @Transactional
    public Post restore(long postId) {
        return restore(postId, null);
    }

    @Transactional
    public Post restore(long postId, Account by) {
        Post post = Post.findById(postId);
        if (post == null || post.deletedAt == null) {
            throw new ContentException(Reason.NOT_FOUND, "id", "Post " + postId + " is not in the bin");
        }
        ZoneId zone = ZoneId.of(Site.get().timeZone);
        Before before = Before.of(post, zone);
        post.deletedAt = null;
        record(post, by, PostEvent.Kind.RESTORED, post.status, null, null);
        fireChanged(post, before, zone, ContentChanged.Kind.SAVED, post.path);
        return post;
    }

    /**
     * Makes an earlier revision's text the post's text again, as a new revision: the history keeps everything.
     *
     * @param expectedVersion as for {@link #update}: restoring over a save made since is a conflict
     */
    @Transactional
    public Saved restoreRevision(long postId, int number, long expectedVersion, Account savedBy) {
        Post post = existing(postId);
        Revision revision = Revision.<Revision>find("post = ?1 and number = ?2", post, number).firstResult();
        if (revision == null) {
            throw new ContentException(Reason.NOT_FOUND, "revision", "Post " + postId + " has no revision " + number);
        }
        if (post.version != expectedVersion) {
            throw new ContentException(Reason.STALE, "version", "Post " + postId + " was saved by someone else since"
                    + " version " + expectedVersion + " (it is now at version " + post.version + ")");
        }
        return save(post, revision.source, null, savedBy, "restored revision " + number);
    }

    /** Renders a text as the site would show it, through the same engine and plugins, storing nothing. */
    @Transactional
    public RenderedDocument preview(String source, Account by) {
        return preview(source, by, null);
    }

    /**
     * As {@link #preview(String, Account)} for the post {@code postId} (null for a new one): raw HTML is kept only
     * when saving would keep it, that is when whoever previews and every writer of the post may publish it as
     * written, so an editor looking at a contributor's draft sees it cleaned, as readers will.
     */
    @Transactional
    public RenderedDocument preview(String source, Account by, Long postId) {
        if (source == null || source.isBlank()) {
            throw new ContentException(Reason.INVALID, "source", "There is nothing to preview");
        }
        Site site = Site.get();
        ContentEngine engine = engines.engineFor(site);
        PostMetadata m = engine.read(new PostSource("post.md", source)).metadata();
        boolean trusted = site.trustStaffHtml && trusts(by) && previewWritersTrusted(m, postId);
        String slug = Slugs.slugify(m.title()).isEmpty() ? "preview" : Slugs.slugify(m.title());
        String name = FILE_DATE.format((m.date() != null ? m.date().toInstant() : clock.instant()).atZone(
                ZoneId.of(site.timeZone))) + "-" + slug + ".md";
        return renderOrRefuse(engine, new PostSource(name, source),
                trusted ? RenderOptions.trusted() : RenderOptions.untrusted());
    }

    /** Whether everyone a save would count as a writer may publish raw HTML; looks only, creates no account. */
    private boolean previewWritersTrusted(PostMetadata m, Long postId) {
        Post post = postId == null ? null : Post.findById(postId);
        if (post != null && !post.authors.stream().allMatch(PostService::trusts)) {
            return false;
        }
        for (String handle : m.authors()) {
            String normalised = Slugs.slugify(handle);
            if (normalised.isEmpty()) {
                continue;
            }
            Optional<Account> named = Account.findByHandle(handle).or(() -> Account.findByHandle(normalised));
            if (named.isEmpty() || !trusts(named.get())) {
                return false;
            }
        }
        return true;
    }

    /**
     * The Jekyll file name a post written here would have, which gives the engine its date and slug: the front
     * matter's slug, else the slug the post already has (an imported post keeps the one its file name gave it),
     * else one made from the title.
     */
    private String fileNameFor(Post post, PostMetadata m, ZoneId zone) {
        return fileNameFor(post.slug, post.publishedAt, m, zone);
    }

    private String fileNameFor(String storedSlug, Instant publishedAt, PostMetadata m, ZoneId zone) {
        String slug = m.frontMatter().get("slug") != null ? m.slug()
                : storedSlug != null ? storedSlug : Slugs.slugify(m.title(), PostLimits.SLUG_FROM_TITLE);
        if (slug.isEmpty()) {
            throw new ContentException(Reason.INVALID, "slug", "The title '" + m.title() + "' gives no slug;"
                    + " add slug: with letters or digits to the front matter");
        }
        ZonedDateTime date = m.frontMatter().get("date") != null && m.date() != null ? m.date()
                : (publishedAt != null ? publishedAt : clock.instant()).atZone(zone);
        return FILE_DATE.format(date) + "-" + slug + ".md";
    }

    /**
     * Recomputes every post's address after the site's permalink pattern or time zone changed; each old address
     * answers 301 to the new one. A post whose new address another post already has keeps its own, and is reported.
     *
     * @return the number of posts that moved
     */
    /**
     * Renders every post's stored HTML again with the engine as it is now, after plugins were turned on or off or
     * reconfigured. Only what rendering gives is written, by a bulk update that leaves the post's version alone (an
     * editor open on it saves without a false conflict) and skips a post saved meanwhile (that save rendered with the
     * new plugins already). A post that fails to render keeps its HTML and is logged.
     *
     * @return how many posts were rendered
     */
    public int rerenderAll() {
        return rerender(false).rendered();
    }

    /** A post's HTML as stored, and the version of the post it belongs to. */
    public record CurrentHtml(long version, String html) {
    }

    /**
     * What {@link #rerenderAllKeepingHtml()} did: how many posts it rendered, and the HTML each rendered post holds
     * now (read to compare, or just written), by post id. A post that failed to render is left out.
     */
    public record Rerendering(int rendered, Map<Long, CurrentHtml> html) {
    }

    /**
     * As {@link #rerenderAll()}, keeping every post's resulting HTML: an export that follows shows every post, and
     * need not read again what this read or wrote.
     */
    public Rerendering rerenderAllKeepingHtml() {
        return rerender(true);
    }

    private Rerendering rerender(boolean keepHtml) {
        List<Long> ids = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> Post.getEntityManager()
                .createQuery("select p.id from Post p order by p.id", Long.class)
                .getResultList());
        java.util.concurrent.atomic.AtomicInteger written = new java.util.concurrent.atomic.AtomicInteger();
        // Kept only when asked: otherwise every post's HTML would stay in memory until the last is rendered.
        Map<Long, CurrentHtml> html = keepHtml ? new java.util.HashMap<>() : null;
        int rendered = 0;
        // Rendering is most of the work and needs no transaction: every core renders one batch while this thread
        // reads the next from the database and then writes the one before, in order.
        ClassLoader applicationLoader = Thread.currentThread().getContextClassLoader();
        java.util.concurrent.ForkJoinPool renderers = new java.util.concurrent.ForkJoinPool(
                Runtime.getRuntime().availableProcessors(), pool -> {
                    // A pool's threads get the system class loader; plugins and templates need the application's.
                    var thread = java.util.concurrent.ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
                    thread.setContextClassLoader(applicationLoader);
                    thread.setName("quire-render-" + thread.getPoolIndex());
                    return thread;
                }, null, false);
        try {
            java.util.concurrent.Future<List<RenderResult>> previous = null;
            for (int start = 0; start < ids.size(); start += 200) {
                RenderBatch batch = readBatch(ids.subList(start, Math.min(ids.size(), start + 200)));
                java.util.concurrent.Future<List<RenderResult>> rendering = renderers.submit(() -> batch.jobs()
                        .parallelStream().map(job -> render(job, batch.engine(), batch.zone())).toList());
                if (previous != null) {
                    rendered += storeResults(previous.get(), written, html);
                }
                previous = rendering;
            }
            if (previous != null) {
                rendered += storeResults(previous.get(), written, html);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Rendering the posts again was interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } finally {
            renderers.shutdownNow();
            if (written.get() > 0) {
                // Bulk updates bypass the change events: pages showing the old HTML (or its excerpt) go here, also
                // when a later batch failed.
                pageCache.invalidateAll();
            }
        }
        return new Rerendering(rendered, html == null ? Map.of() : html);
    }

    private record RenderBatch(ContentEngine engine, ZoneId zone, List<RenderJob> jobs) {
    }

    /** What rendering these posts again needs, and what they store now: only the columns, not whole posts. */
    private RenderBatch readBatch(List<Long> ids) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> {
            Site site = Site.get();
            List<RenderJob> jobs = new java.util.ArrayList<>();
            for (Object[] row : Post.getEntityManager().createQuery("select p.id, p.version, p.source, p.trustedHtml,"
                            + " p.slug, p.publishedAt, p.html, p.excerptHtml, p.excerptText, p.tocJson, p.wordCount,"
                            + " p.readingMinutes from Post p where p.id in :ids order by p.id", Object[].class)
                    .setParameter("ids", ids).getResultList()) {
                jobs.add(new RenderJob((Long) row[0], (Long) row[1], (String) row[2],
                        (Boolean) row[3] && site.trustStaffHtml, (String) row[4], (Instant) row[5],
                        new Stored((String) row[6], (String) row[7], (String) row[8], (String) row[9],
                                (Integer) row[10], (Integer) row[11])));
            }
            return new RenderBatch(engines.engineFor(site), ZoneId.of(site.timeZone), jobs);
        });
    }

    /**
     * Writes what changed, each only if its post was not saved meanwhile; the number of posts done. Each post's HTML
     * as stored after this goes into {@code html} when it is not null.
     */
    private int storeResults(List<RenderResult> results, java.util.concurrent.atomic.AtomicInteger written,
                             Map<Long, CurrentHtml> html) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> {
            int done = 0;
            for (RenderResult result : results) {
                if (result.rendered() == null) {
                    org.jboss.logging.Logger.getLogger(PostService.class).warnf(result.failure(),
                            "Post %d keeps its HTML: it could not be rendered again", result.job().id());
                    if (!result.job().trusted()) {
                        // Kept, but never kept trusted when it must not be: cleaned as contributors' HTML is.
                        int cleaned = storeCleaned(result.job());
                        written.addAndGet(cleaned);
                        done += cleaned;
                    }
                } else if (!result.job().stored().equals(stored(result.rendered()))) {
                    int stored = store(result.job(), result.rendered());
                    written.addAndGet(stored);
                    done += stored;
                    if (stored == 1 && html != null) {
                        html.put(result.job().id(), new CurrentHtml(result.job().version(), result.rendered().html()));
                    }
                } else {
                    if (html != null) {
                        html.put(result.job().id(), new CurrentHtml(result.job().version(),
                                result.job().stored().html()));
                    }
                    done++;
                }
            }
            return done;
        });
    }

    /**
     * What rendering a stored post again needs, copied out of its entity so another thread may use it, and what it
     * has stored, so that a post rendered to the same result is not written again.
     */
    private record RenderJob(long id, long version, String source, boolean trusted, String slug, Instant publishedAt,
                             Stored stored) {
    }

    /** What rendering produces and a post stores. */
    private record Stored(String html, String excerptHtml, String excerptText, String tocJson, int words,
                          int readingMinutes) {
    }

    private Stored stored(RenderedDocument rendered) {
        return new Stored(rendered.html(), rendered.excerptHtml(), rendered.excerptText(),
                toJson(rendered.tableOfContents()), rendered.words(), rendered.readingMinutes());
    }

    private record RenderResult(RenderJob job, RenderedDocument rendered, RuntimeException failure) {
    }

    private RenderResult render(RenderJob job, ContentEngine engine, ZoneId zone) {
        try {
            return new RenderResult(job, engine.renderRenamed(new PostSource("post.md", job.source()),
                    metadata -> fileNameFor(job.slug(), job.publishedAt(), metadata, zone),
                    job.trusted() ? RenderOptions.trusted() : RenderOptions.untrusted()), null);
        } catch (RuntimeException e) {
            return new RenderResult(job, null, e);
        }
    }

    private int storeCleaned(RenderJob job) {
        Post post = Post.findById(job.id());
        if (post == null || post.version != job.version()) {
            return 0;
        }
        org.quire.core.html.HtmlPolicy policy = new org.quire.core.html.HtmlPolicy();
        String html = policy.apply(post.html, org.quire.core.html.TrustLevel.UNTRUSTED).html();
        String excerpt = post.excerptHtml == null ? null
                : policy.apply(post.excerptHtml, org.quire.core.html.TrustLevel.UNTRUSTED).html();
        Post.getEntityManager().detach(post);
        // As store(): a bulk update, so the version (and open editors) are left alone.
        return Post.getEntityManager().createQuery("update Post p set p.html = :html, p.excerptHtml = :excerpt"
                        + " where p.id = :id and p.version = :version").setParameter("html", html)
                .setParameter("excerpt", excerpt).setParameter("id", job.id()).setParameter("version", job.version())
                .executeUpdate();
    }

    private int store(RenderJob job, RenderedDocument rendered) {
        return Post.getEntityManager().createQuery("update Post p set p.html = :html, p.excerptHtml = :excerptHtml,"
                        + " p.excerptText = :excerptText, p.tocJson = :toc, p.wordCount = :words,"
                        + " p.readingMinutes = :minutes where p.id = :id and p.version = :version")
                .setParameter("html", rendered.html()).setParameter("excerptHtml", rendered.excerptHtml())
                .setParameter("excerptText", rendered.excerptText())
                .setParameter("toc", toJson(rendered.tableOfContents())).setParameter("words", rendered.words())
                .setParameter("minutes", rendered.readingMinutes()).setParameter("id", job.id())
                .setParameter("version", job.version()).executeUpdate();
    }

    void onPluginsChanged(@jakarta.enterprise.event.Observes org.quire.web.plugins.PluginsChanged change) {
        long started = System.nanoTime();
        int count = rerenderAll();
        org.jboss.logging.Logger.getLogger(PostService.class).infof("Plugins changed: %d posts rendered again in %d ms",
                count, (System.nanoTime() - started) / 1_000_000);
    }

    public int repathAll() {
        List<Long> ids = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() ->
                Post.<Post>find("deletedAt is null order by id").stream().map(p -> p.id).toList());
        int moved = 0;
        for (Long id : ids) {
            boolean changed = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> repath(id));
            if (changed) {
                moved++;
            }
        }
        return moved;
    }

    private boolean repath(long id) {
        Post post = existing(id);
        Site site = Site.get();
        ContentEngine engine = engines.engineFor(site);
        ZoneId zone = ZoneId.of(site.timeZone);
        PostMetadata first = engine.read(new PostSource("post.md", post.source)).metadata();
        String path = engine.read(new PostSource(fileNameFor(post, first, zone), post.source)).metadata().permalink();
        if (path.equals(post.path)) {
            return false;
        }
        if (Post.findByPath(path).filter(other -> !other.id.equals(post.id)).isPresent()) {
            org.jboss.logging.Logger.getLogger(PostService.class).warnf("Post %d keeps %s: its new address %s is"
                    + " another post's", post.id, post.path, path);
            return false;
        }
        Optional<String> owner = pathOwners.ownerOf(path);
        if (owner.isPresent()) {
            org.jboss.logging.Logger.getLogger(PostService.class).warnf("Post %d keeps %s: its new address %s belongs"
                    + " to %s", post.id, post.path, path, owner.get());
            return false;
        }
        Before before = Before.of(post, zone);
        String previous = post.path;
        post.path = path;
        addRedirect(previous, post);
        Redirect.delete("fromPath", post.path);
        fireChanged(post, before, zone, ContentChanged.Kind.SAVED, previous);
        return true;
    }

    /**
     * Editors' and administrators' HTML may be kept as written (when the site trusts it); everyone else's goes
     * through the HTML policy.
     */
    private static boolean trusts(Account author) {
        return author == null || author.role == Role.ADMINISTRATOR || author.role == Role.EDITOR;
    }

    /**
     * Refuses a text whose front matter cannot be read, whose fields are over their {@link PostLimits}, or whose
     * {@code date} cannot be read (or only in part). Jekyll stops a build on such a date; an
     * import, a tag renamed across posts or a plugin change keeps the date it can and reports it, but someone
     * saving in the editor is told at once rather than finding the post misdated.
     */
    @Transactional
    public void refuseUnreadable(String source) {
        if (source == null) {
            return;
        }
        PostLimits.refuseNul(source);
        PostReader.Read read = engines.engineFor(Site.get()).read(new PostSource("post.md", source));
        refuseUnreadableFrontMatter(read, true);
        PostLimits.check(read.metadata());
        for (Diagnostic diagnostic : read.diagnostics()) {
            if (diagnostic.kind() == Diagnostic.Kind.DATE_UNREADABLE
                    || diagnostic.kind() == Diagnostic.Kind.DATE_PARTLY_READ
                    || diagnostic.kind() == Diagnostic.Kind.DATE_ROLLED_OVER) {
                throw new ContentException(Reason.INVALID, "date", "line " + diagnostic.line() + ": "
                        + diagnostic.message().replace("; the file name's date is used", "")
                        .replace("; the post has no date", ""));
            }
        }
    }

    /**
     * Refuses front matter that cannot be read as a whole: stored, it would become a post titled "Post" at the slug
     * {@code post}, its real title and keys lost. Someone saving in the editor is also refused front matter that is
     * only partly read, naming the key and line; an import keeps such a post, as written, with what can be read
     * (the report names what cannot), since a Jekyll site published it.
     */
    private static void refuseUnreadableFrontMatter(PostReader.Read read, boolean partlyReadToo) {
        for (Diagnostic diagnostic : read.diagnostics()) {
            boolean refused = diagnostic.kind() == Diagnostic.Kind.FRONT_MATTER_INVALID
                    || partlyReadToo && diagnostic.kind() == Diagnostic.Kind.FRONT_MATTER_PARTLY_READ;
            if (refused && diagnostic.severity() == Diagnostic.Severity.ERROR) {
                throw new ContentException(Reason.INVALID, "frontMatter", "line " + diagnostic.line() + ": "
                        + diagnostic.message());
            }
        }
    }

    /** Renders a text someone sent; one the engine cannot render as written is refused naming its line. */
    private static RenderedDocument renderOrRefuse(ContentEngine engine, PostSource source, RenderOptions options) {
        try {
            return engine.render(source, options);
        } catch (NestingTooDeepException e) {
            throw new ContentException(Reason.INVALID, "source", e.getMessage());
        }
    }

    private Post existing(long postId) {
        Post post = Post.findById(postId);
        if (post == null || post.deletedAt != null) {
            throw new ContentException(Reason.NOT_FOUND, "id", "There is no post " + postId);
        }
        return post;
    }

    private Saved save(Post post, String source, String fileName, Account savedBy, String note) {
        if (source == null || source.isBlank()) {
            throw new ContentException(Reason.INVALID, "source", "A post needs some text");
        }
        PostLimits.refuseNul(source);
        Site site = Site.get();
        ContentEngine engine = engines.engineFor(site);
        ZoneId zone = ZoneId.of(site.timeZone);

        // The engine reads Jekyll sources; a post written here gets the file name Jekyll would have given it.
        PostSource firstRead = new PostSource(fileName != null ? fileName : "post.md", source);
        PostReader.Read read = engine.read(firstRead);
        refuseUnreadableFrontMatter(read, fileName == null);
        PostLimits.check(read.metadata());
        String name = fileName != null ? fileName : fileNameFor(post, read.metadata(), zone);
        // Raw HTML is kept only when whoever saves and every author may publish it as written: an editor's bulk
        // change (a tag renamed) must not turn a contributor's stripped <script> into live HTML.
        checkAuthorsNamedBy(read.metadata(), savedBy);
        List<Account> authorsAfter = authorsOf(read.metadata(), post.authors.isEmpty() ? savedBy : null);
        List<Account> writers = authorsAfter.isEmpty() ? post.authors : authorsAfter;
        // An import (no one saving) keeps the site's HTML as it was. Whether such HTML is kept as written is the
        // site's choice (trust_staff_html); the post remembers that it may be, so turning the setting on again
        // restores it.
        boolean trusted = savedBy == null || trusts(savedBy) && writers.stream().allMatch(PostService::trusts);
        long renderStarted = System.nanoTime();
        RenderedDocument rendered = renderOrRefuse(engine, new PostSource(name, source),
                trusted && site.trustStaffHtml ? RenderOptions.trusted() : RenderOptions.untrusted());
        metrics.timer("quire.post.render").record(System.nanoTime() - renderStarted,
                java.util.concurrent.TimeUnit.NANOSECONDS);
        PostMetadata m = rendered.metadata();
        PostLimits.check(m);
        List<Diagnostic> diagnostics = new ArrayList<>(rendered.diagnostics());

        Post sameSlug = Post.findBySlug(m.slug()).orElse(null);
        if (sameSlug != null && !sameSlug.id.equals(post.id)) {
            throw new ContentException(Reason.CONFLICT, "slug", "The slug '" + m.slug() + "' is already used by the"
                    + " post '" + sameSlug.title + "'; choose another slug");
        }
        Post samePath = Post.findByPath(m.permalink()).orElse(null);
        if (samePath != null && !samePath.id.equals(post.id)) {
            throw new ContentException(Reason.CONFLICT, "permalink", "The path " + m.permalink() + " is already the"
                    + " address of the post '" + samePath.title + "'; change the slug or permalink");
        }

        pathOwners.refuseAddressTaken(m.permalink(), post.path);
        List<String> redirectsFrom = pathOwners.redirectsKept(m, fileName != null, diagnostics);

        String previousPath = post.path;
        Before before = Before.of(post, zone);
        post.slug = m.slug();
        post.path = m.permalink();
        post.title = m.title();
        post.description = m.description();
        post.category = m.categories().isEmpty() ? null : m.categories().get(0);
        post.source = source;
        post.html = rendered.html();
        post.excerptHtml = rendered.excerptHtml();
        post.excerptText = rendered.excerptText();
        post.tocJson = toJson(rendered.tableOfContents());
        post.extraJson = toJson(m.extra());
        post.wordCount = rendered.words();
        post.readingMinutes = rendered.readingMinutes();
        post.trustedHtml = trusted;
        if (!m.published() && post.status == PostStatus.PUBLISHED) {
            post.status = PostStatus.DRAFT;
        }
        if (m.date() != null && (m.frontMatter().get("date") != null || fileName != null)) {
            post.publishedAt = m.date().toInstant();
        } else if (post.status == PostStatus.PUBLISHED && post.publishedAt == null) {
            post.publishedAt = clock.instant();
        }
        post.updatedAt = clock.instant();
        if (!authorsAfter.isEmpty()) {
            // Front matter that names no authors keeps a post's authors: an editor's fix does not make it theirs.
            post.authors.clear();
            post.authors.addAll(authorsAfter);
        }
        post.tags.clear();
        for (Tag tag : m.tags()) {
            post.tags.add(TagEntity.findOrCreate(tag));
        }
        if (post.id == null) {
            post.persist();
        }

        if (previousPath != null && !previousPath.equals(post.path) && pathOwners.ownerOf(previousPath).isEmpty()) {
            addRedirect(previousPath, post);
        }
        for (String from : redirectsFrom) {
            addRedirect(from, post);
        }
        // A path that is a post's own address again must not also redirect away from it.
        Redirect.delete("fromPath", post.path);

        if (savedBy != null && post.id != null) {
            Autosave.delete("post.id = ?1 and account.id = ?2", post.id, savedBy.id);
        }
        Revision revision = new Revision();
        revision.post = post;
        revision.number = (int) Revision.count("post", post) + 1;
        revision.title = post.title;
        revision.source = source;
        revision.author = savedBy;
        revision.note = note;
        revision.createdAt = clock.instant();
        revision.persist();
        fireChanged(post, before, zone, ContentChanged.Kind.SAVED, previousPath);
        return new Saved(post, diagnostics);
    }


    /**
     * Makes {@code fromPath} answer 301 with the post's address, unless it is that address, another post's, or a path
     * the site or a plugin serves.
     */
    @Transactional
    public void addRedirect(long postId, String fromPath) {
        Post post = existing(postId);
        if (!fromPath.equals(post.path) && pathOwners.ownerOf(fromPath).isEmpty()) {
            addRedirect(fromPath, post);
        }
    }

    private static void addRedirect(String fromPath, Post post) {
        if (Post.findByPath(fromPath).filter(other -> !other.id.equals(post.id)).isPresent()) {
            return; // another post lives there now; its page wins
        }
        Redirect redirect = Redirect.findByPath(fromPath).orElseGet(Redirect::new);
        if (redirect.post != null && !redirect.post.id.equals(post.id)) {
            return; // another post's old address stays that post's
        }
        redirect.fromPath = fromPath;
        redirect.post = post;
        if (redirect.createdAt == null) {
            redirect.createdAt = Instant.now();
        }
        redirect.persist();
    }

    /**
     * The accounts a post's front matter names, or {@code savedBy} when it names none (null for a post that has
     * authors already); an author the site does not know becomes a contributor without sign-in.
     */
    /**
     * Authors and contributors may name co-authors who have accounts here, and must stay among the authors
     * themselves; handing a post to someone else, or naming an author the site does not know, is an editor's call.
     */
    private static void checkAuthorsNamedBy(PostMetadata m, Account savedBy) {
        if (savedBy == null || trusts(savedBy) || m.authors().isEmpty()) {
            return;
        }
        boolean self = false;
        for (String handle : m.authors()) {
            Optional<Account> account = Account.findByHandle(handle).or(() -> Account.findByHandle(Slugs.slugify(handle)));
            if (account.isEmpty()) {
                throw new ContentException(Reason.INVALID, "authors", "'" + handle + "' is not a user of this site;"
                        + " only editors may name new authors");
            }
            self |= account.get().id.equals(savedBy.id);
        }
        if (!self) {
            throw new ContentException(Reason.INVALID, "authors", "Keep yourself among the authors ("
                    + savedBy.handle + "); an editor can hand the post to someone else");
        }
    }

    private List<Account> authorsOf(PostMetadata m, Account savedBy) {
        List<Account> authors = new ArrayList<>();
        for (String handle : m.authors()) {
            String normalised = Slugs.slugify(handle);
            if (normalised.isEmpty()) {
                continue;
            }
            // The handle as written first (ann.lee), then its slug form, which imported authors have.
            Account account = Account.findByHandle(handle).or(() -> Account.findByHandle(normalised)).orElseGet(() -> {
                Account created = new Account();
                created.handle = normalised;
                created.displayName = handle.trim();
                created.role = Role.CONTRIBUTOR;
                created.canSignIn = false;
                created.createdAt = clock.instant();
                created.persist();
                return created;
            });
            if (!authors.contains(account)) {
                authors.add(account);
            }
        }
        if (authors.isEmpty() && savedBy != null) {
            authors.add(savedBy);
        }
        return authors;
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

}
