package org.quire.web.content;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.quire.api.MediaItem;
import org.quire.api.MediaRefusedException;
import org.quire.core.ContentEngine;
import org.quire.core.source.FrontMatterEditor;
import org.quire.core.source.PostMetadata;
import org.quire.core.source.PostReader;
import org.quire.core.source.PostSource;
import org.quire.web.accounts.Account;
import org.quire.web.content.JekyllImport.Outcome;
import org.quire.web.content.JekyllImport.PostResult;
import org.quire.web.media.MediaApi;
import org.quire.web.media.MediaIntake;
import org.quire.web.media.MediaStore;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Stores one file of a Jekyll site as a post. A post is known by the file it came from ({@link Post#importSource}),
 * so importing the folder again updates it, and two files never become one post: when a file's slug is already
 * another post's, it becomes {@code slug-2} (then {@code -3}, …), written into its front matter so the editor shows
 * it, and the report says so. A post imported before Quire remembered files is recognised by its Jekyll address.
 * What the stored text gains over the file is only what keeps the post as Jekyll showed it: the folders above
 * {@code _posts} as categories, the site's author when the post names none, and the site's files as media.
 */
@ApplicationScoped
class PostImporter {

    private static final Logger LOG = Logger.getLogger(PostImporter.class);

    @Inject
    PostService posts;

    @Inject
    MediaIntake intake;

    @Inject
    java.time.Clock clock;

    /** What every post of one import shares; {@code slugsTaken} and {@code stored} grow as posts are imported. */
    record Run(java.nio.file.Path root, ContentEngine jekyll, String oldBasePath, SiteFiles files, Account importer,
               String siteAuthor, Set<String> slugsTaken, Map<String, String> stored) {
    }

    /** As long as {@code post.import_source} holds. */
    private static final int LONGEST_SOURCE_PATH = 700;

    /** @param first the file as the Jekyll site reads it */
    PostResult importPost(PostSource original, PostMetadata first, PostStatus status, Run run) {
        List<String> messages = new ArrayList<>();
        try {
            String oldUrl = run.oldBasePath() + first.permalink();
            PostSource source = withSiteFiles(original, oldUrl, run, messages);
            source = new PostSource(source.name(), asJekyllShowedIt(source.text(), original.name(), first, run));
            PostSource named = source;
            // One transaction per post: a process killed mid-import leaves each post whole (saved, published and
            // reachable at its Jekyll address) or absent, and a re-run completes it.
            return QuarkusTransaction.requiringNew().call(() -> store(named, original.name(), first, oldUrl, status,
                    run, messages));
        } catch (RuntimeException e) {
            messages.add(original.name() + ": error " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            LOG.warnf("Import of %s failed: %s", original.name(), e.toString());
            return new PostResult(original.name(), Outcome.FAILED, null, messages);
        }
    }

    private PostResult store(PostSource source, String file, PostMetadata first, String oldUrl, PostStatus status,
                             Run run, List<String> messages) {
        if (file.length() > LONGEST_SOURCE_PATH) {
            throw new IllegalArgumentException("its path is " + file.length() + " characters long; an import"
                    + " remembers paths of up to " + LONGEST_SOURCE_PATH);
        }
        Optional<Post> existing = Post.<Post>find("importSource", file).firstResultOptional()
                .or(() -> movedHere(first, run))
                .or(() -> importedBeforeFilesWereKept(first, oldUrl, run));
        String text = source.text();
        if (existing.isEmpty()) {
            String slug = freeSlug(first.slug(), run.slugsTaken());
            if (!slug.equals(first.slug())) {
                text = FrontMatterEditor.withText(text, "slug", slug);
                boolean addressFree = first.frontMatter().get("permalink") == null
                        && addressFreeOrOf(first.permalink(), null);
                if (addressFree) {
                    // The new slug must not move the post from the address Jekyll gave it.
                    text = FrontMatterEditor.withText(text, "permalink", first.permalink());
                }
                messages.add(file + ": warning the slug '" + first.slug() + "' is another post's, so this one's is"
                        + " '" + slug + "'" + (addressFree ? ", at its Jekyll address " + first.permalink()
                        : "; Jekyll published another post at " + oldUrl + ", which stays that one's"));
            }
            run.slugsTaken().add(slug);
            PostService.Saved saved = posts.create(text, source.name(), status, run.importer());
            Post post = saved.post();
            post.importSource = file;
            post.importHash = sha256(text);
            if (post.status == PostStatus.PUBLISHED) {
                post = publishOrSchedule(post, run, file, messages);
            }
            saved.diagnostics().forEach(d -> messages.add(d.toString()));
            return finish(post, Outcome.IMPORTED, source, first, oldUrl, status, messages);
        }
        Post post = existing.get();
        String movedFrom = post.importSource != null && !post.importSource.equals(file) ? post.importSource : null;
        post.importSource = file;
        run.slugsTaken().add(post.slug);
        if (post.slug.matches(java.util.regex.Pattern.quote(first.slug()) + "-\\d+")) {
            // Renamed by an earlier import as its slug was taken: the same renaming again, so an unchanged file is
            // an unchanged post (a file that changes its own slug: takes its new one).
            text = FrontMatterEditor.withText(text, "slug", post.slug);
            if (first.frontMatter().get("permalink") == null && addressFreeOrOf(first.permalink(), post)) {
                text = FrontMatterEditor.withText(text, "permalink", first.permalink());
            }
        }
        String hash = sha256(text);
        // Unchanged is the file as last imported: an edit made here since then stays (a post imported before
        // posts kept the hash compares its text).
        boolean unchanged = post.importHash != null ? post.importHash.equals(hash) : post.source.equals(text);
        if (unchanged && movedFrom == null) {
            post.importHash = hash;
            return finish(post, Outcome.UNCHANGED, source, first, oldUrl, status, messages);
        }
        boolean editedHere = post.importHash != null && !post.source.equals(text)
                && !post.importHash.equals(sha256(post.source));
        // A moved file is saved again even when its text is the same: its name may give it another date.
        PostService.Saved saved = posts.update(post.id, post.version, text, source.name(), run.importer());
        saved.diagnostics().forEach(d -> messages.add(d.toString()));
        post = saved.post();
        post.importHash = hash;
        if (editedHere) {
            messages.add(file + ": warning the file changed and so had the post here since the last import; the"
                    + " file's text is now the post's, and the edits made here are kept in its revisions");
        }
        if (movedFrom != null) {
            messages.add(file + ": info the post imported from " + movedFrom + ", which is gone, is this file's");
            if (("/" + movedFrom).contains("/_drafts/") && status == PostStatus.PUBLISHED
                    && post.status == PostStatus.DRAFT && first.published()) {
                // Published the Jekyll way, by moving the draft into _posts.
                post = publishOrSchedule(post, run, file, messages);
            }
        }
        return finish(post, Outcome.UPDATED, source, first, oldUrl, status, messages);
    }

    private Post publishOrSchedule(Post post, Run run, String file, List<String> messages) {
        if (post.publishedAt != null && post.publishedAt.isAfter(clock.instant())) {
            // Jekyll hides a future post until a build after its date; here it goes live at that time.
            messages.add(file + ": info scheduled for " + post.publishedAt + ", as its date is in the future");
            return posts.schedule(post.id, run.importer(), post.publishedAt);
        }
        return posts.publish(post.id);
    }

    private PostResult finish(Post post, Outcome outcome, PostSource source, PostMetadata first, String oldUrl,
                              PostStatus status, List<String> messages) {
        if (status == PostStatus.PUBLISHED && first.published()) {
            // Where Jekyll served the post: its permalink under the site's baseurl.
            posts.addRedirect(post.id, oldUrl);
        }
        return new PostResult(source.name(), outcome, post.path, messages);
    }

    /**
     * A post imported from this file before posts remembered their file: it has the file's slug, no file of its
     * own, and the file's Jekyll address as its address or one of its old ones. Anything else with the slug is
     * another post.
     */
    private static Optional<Post> importedBeforeFilesWereKept(PostMetadata first, String oldUrl, Run run) {
        return Post.findBySlug(first.slug()).filter(post -> post.importSource == null)
                .filter(post -> !run.slugsTaken().contains(post.slug))
                .filter(post -> post.path.equals(oldUrl) || post.path.equals(first.permalink())
                        || Redirect.findByPath(oldUrl).filter(r -> r.post.id.equals(post.id)).isPresent());
    }

    /** Whether no post but {@code owner} (null: none) has the path as its address or an old one. */
    private static boolean addressFreeOrOf(String path, Post owner) {
        return Post.findByPath(path).map(p -> owner != null && p.id.equals(owner.id)).orElse(true)
                && Redirect.findByPath(path).map(r -> owner != null && r.post.id.equals(owner.id)).orElse(true);
    }

    /**
     * The post of a file that has moved within the site since the last import (a draft published into
     * {@code _posts}, a file renamed to correct its date): it has the file's slug, and its own file is gone.
     */
    private static Optional<Post> movedHere(PostMetadata first, Run run) {
        return Post.findBySlug(first.slug()).filter(post -> post.importSource != null)
                .filter(post -> !run.slugsTaken().contains(post.slug))
                .filter(post -> !java.nio.file.Files.exists(run.root().resolve(post.importSource)));
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String freeSlug(String slug, Set<String> takenInThisImport) {
        String candidate = slug;
        for (int n = 2; takenInThisImport.contains(candidate) || Post.findBySlug(candidate).isPresent(); n++) {
            candidate = slug + "-" + n;
        }
        return candidate;
    }

    /**
     * The text with what Jekyll took from outside the file written in: the folders above {@code _posts} as
     * categories (a stored post is no longer in those folders), and the site's {@code author} when the post names
     * none.
     */
    private static String asJekyllShowedIt(String text, String file, PostMetadata first, Run run) {
        String result = text;
        if (!PostReader.categoriesFromPath(file).isEmpty()) {
            result = FrontMatterEditor.withList(FrontMatterEditor.withList(result, "category", List.of()),
                    "categories", first.categories());
        }
        if (first.authors().isEmpty() && run.siteAuthor() != null) {
            result = FrontMatterEditor.withText(result, "author", run.siteAuthor());
        }
        return result;
    }

    /**
     * The post with each image or file it refers to on the old site ({@code /images/x.jpg}) stored in the media
     * library at the same path, through the plugins' filters as an upload is, and the reference pointing there
     * ({@code /media/images/x.jpg}). A file used by several posts is stored once per import; one that cannot be
     * found or stored is named in the report with its line, and its reference left as it was.
     */
    private PostSource withSiteFiles(PostSource source, String oldUrl, Run run, List<String> messages) {
        String text = source.text();
        SiteFiles.Found found = run.files().find(text, source.name(), oldUrl);
        for (SiteFiles.Unresolved missing : found.unresolved()) {
            messages.add(source.name() + ":" + missing.line() + ": warning [FILE_NOT_FOUND] '" + missing.written()
                    + "': " + missing.why() + "; the reference is left as it was");
        }
        for (SiteFiles.Reference reference : found.references()) {
            String url = run.stored().get(reference.file());
            if (url == null) {
                url = store(reference.file(), source.name(), run, messages);
                run.stored().put(reference.file(), url);
            }
            if (!url.isEmpty()) {
                text = SiteFiles.rewrite(text, reference.written(), url);
            }
        }
        return text.equals(source.text()) ? source : new PostSource(source.name(), text);
    }

    private String store(String file, String post, Run run, List<String> messages) {
        try {
            byte[] content = run.files().read(file);
            Optional<String[]> type = MediaApi.detect(java.util.Arrays.copyOf(content, Math.min(16, content.length)));
            if (type.isEmpty()) {
                messages.add(post + ": warning " + file + " is not an image or PDF the media library takes; the"
                        + " link to it is left as it was");
                return "";
            }
            MediaStore.checkPath(file);
            MediaItem item = intake.take(file, content, type.get()[0], file.substring(file.lastIndexOf('/') + 1),
                    run.importer());
            return "/media/" + item.path();
        } catch (MediaRefusedException | IllegalArgumentException e) {
            messages.add(post + ": warning " + file + " was not stored: " + e.getMessage());
        } catch (IOException e) {
            messages.add(post + ": warning " + file + " could not be read: " + e);
        }
        return "";
    }
}
