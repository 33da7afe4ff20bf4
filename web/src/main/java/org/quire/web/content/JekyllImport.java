package org.quire.web.content;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.quire.api.MediaItem;
import org.quire.api.MediaRefusedException;
import org.quire.core.ContentEngine;
import org.quire.core.jekyll.JekyllAuthor;
import org.quire.core.jekyll.JekyllSite;
import org.quire.core.jekyll.JekyllSiteReader;
import org.quire.core.plugin.PluginRegistry;
import org.quire.core.site.Slugs;
import org.quire.core.source.PostMetadata;
import org.quire.core.source.PostReader;
import org.quire.core.source.PostSource;
import org.quire.web.accounts.Account;
import org.quire.web.accounts.Role;
import org.quire.web.media.MediaApi;
import org.quire.web.media.MediaIntake;
import org.quire.web.media.MediaStore;
import org.quire.web.site.Site;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * Moves a Jekyll site in from its folder: every post (published, or a draft from {@code _drafts/} or
 * {@code published: false}), its authors with the names the site gives them, every URL Jekyll served for a post
 * as a 301 to its new address, and the site's settings for {@code {{ site.* }}}. Each post is stored in its own
 * transaction, and the report says what became of each. Importing the same folder again updates changed posts and
 * leaves the rest alone. Media and zip uploads are the rest of issue #11.
 */
@ApplicationScoped
public class JekyllImport {

    private static final Logger LOG = Logger.getLogger(JekyllImport.class);
    /** Posts imported between two reclaims of an embedded database's space (each post is a commit). */
    private static final int RECLAIM_EVERY = 1000;

    /** Settings of _config.yml that configure Jekyll itself rather than describe the site; not kept. */
    private static final Set<String> BUILD_SETTINGS = Set.of("collections", "defaults", "plugins", "gems", "exclude",
            "include", "keep_files", "sass", "kramdown", "markdown", "highlighter", "whitelist", "permalink",
            "timezone", "future", "strict_front_matter", "jekyll-archives", "paginate", "paginate_path", "encoding");

    public enum Outcome { IMPORTED, UPDATED, UNCHANGED, FAILED }

    /** What became of one post file. */
    public record PostResult(String file, Outcome outcome, String path, List<String> messages) {
    }

    /** What an import did, post by post. */
    public record Report(List<PostResult> posts, List<String> siteMessages) {
        public long count(Outcome outcome) {
            return posts.stream().filter(p -> p.outcome() == outcome).count();
        }
    }

    @ConfigProperty(name = "quire.import.posts-dir")
    Optional<String> importOnStart;

    @Inject
    PostService posts;

    @Inject
    org.quire.web.publicsite.PageCache pageCache;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    @Inject
    MediaIntake intake;

    @Inject
    org.quire.web.site.EmbeddedStoreUpkeep storeUpkeep;

    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 900) StartupEvent event) throws IOException {
        if (importOnStart.isPresent() && !importOnStart.get().isBlank()) {
            Report report = importSite(Path.of(importOnStart.get()), done -> { });
            LOG.infof("Imported %s: %d new, %d updated, %d unchanged, %d failed", importOnStart.get(),
                    report.count(Outcome.IMPORTED), report.count(Outcome.UPDATED), report.count(Outcome.UNCHANGED),
                    report.count(Outcome.FAILED));
        }
    }

    /**
     * @param progress told after each post how many are done
     * @throws IllegalArgumentException when the folder is not a Jekyll site, naming it
     */
    public Report importSite(Path root, Consumer<Integer> progress) throws IOException {
        return importSiteWithProgress(root, p -> progress.accept(p.done()));
    }

    /** How far an import is: posts done of all the posts and drafts the site has. */
    public record Progress(int done, int total) {
    }

    /**
     * @param progress told once the site is read (0 done) and after each post
     * @throws IllegalArgumentException when the folder is not a Jekyll site, naming it
     */
    public Report importSiteWithProgress(Path root, Consumer<Progress> progress) throws IOException {
        JekyllSite site = new JekyllSiteReader().read(root);
        int total = site.posts().size() + site.drafts().size();
        progress.accept(new Progress(0, total));
        List<String> siteMessages = new ArrayList<>();
        site.diagnostics().forEach(d -> siteMessages.add(d.toString()));
        keepLiquidSettings(site);
        ContentEngine jekyll = ContentEngine.create(site.settings(), PluginRegistry.empty());
        Account importer = QuarkusTransaction.requiringNew().call(() -> Account.findByHandle("admin").orElse(null));

        SiteFiles files = new SiteFiles(root, site.settings().basePath());
        Map<String, String> stored = new HashMap<>();
        List<PostResult> results = new ArrayList<>();
        int done = 0;
        for (PostSource source : site.posts()) {
            results.add(importPost(source, jekyll, site, PostStatus.PUBLISHED, importer, files, stored));
            progress.accept(new Progress(++done, total));
            if (done % RECLAIM_EVERY == 0) {
                storeUpkeep.reclaim();
            }
        }
        for (PostSource source : site.drafts()) {
            results.add(importPost(source, jekyll, site, PostStatus.DRAFT, importer, files, stored));
            progress.accept(new Progress(++done, total));
        }
        // An unchanged post may still have gained an old address, and an author a name, with no post event: pages
        // (and the published-site snapshot, which holds both) are dropped once, here and on the other instances.
        pageCache.invalidateAll();
        // A commit per post leaves an embedded database's file many times its data until it is tidied.
        storeUpkeep.tidy();
        return new Report(results, siteMessages);
    }

    private PostResult importPost(PostSource original, ContentEngine jekyll, JekyllSite site, PostStatus status,
                                  Account importer, SiteFiles files, Map<String, String> stored) {
        List<String> messages = new ArrayList<>();
        try {
            PostSource source = withSiteFiles(original, files, stored, importer, messages);
            PostReader.Read read = jekyll.read(source);
            PostMetadata metadata = read.metadata();
            ensureAuthors(metadata, site);
            // One transaction per post: a process killed mid-import leaves each post whole (saved, published and
            // reachable at its Jekyll address) or absent, and a re-run completes it.
            PostResult result = QuarkusTransaction.requiringNew().call(() -> {
                Optional<Post> existing = Post.findBySlug(metadata.slug());
                Outcome outcome;
                Post post;
                if (existing.isEmpty()) {
                    PostService.Saved saved = posts.create(source.text(), source.name(), status, importer);
                    post = saved.post();
                    if (post.status == PostStatus.PUBLISHED) {
                        post = posts.publish(post.id);
                    }
                    saved.diagnostics().forEach(d -> messages.add(d.toString()));
                    outcome = Outcome.IMPORTED;
                } else if (existing.get().source.equals(source.text())) {
                    post = existing.get();
                    outcome = Outcome.UNCHANGED;
                } else {
                    PostService.Saved saved = posts.update(existing.get().id, existing.get().version,
                            source.text(), source.name(), importer);
                    post = saved.post();
                    saved.diagnostics().forEach(d -> messages.add(d.toString()));
                    outcome = Outcome.UPDATED;
                }
                if (status == PostStatus.PUBLISHED && metadata.published()) {
                    // Where Jekyll served the post: its permalink under the site's baseurl.
                    posts.addRedirect(post.id, site.settings().basePath() + metadata.permalink());
                }
                return new PostResult(source.name(), outcome, post.path, messages);
            });
            return result;
        } catch (RuntimeException e) {
            messages.add(original.name() + ": error " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            LOG.warnf("Import of %s failed: %s", original.name(), e.toString());
            return new PostResult(original.name(), Outcome.FAILED, null, messages);
        }
    }

    /**
     * The post with each image or file it refers to on the old site ({@code /images/x.jpg}) stored in the media
     * library at the same path, through the plugins' filters as an upload is, and the reference pointing there
     * ({@code /media/images/x.jpg}). A file used by several posts is stored once per import; one that cannot be
     * stored is named in the report and its reference left as it was.
     */
    private PostSource withSiteFiles(PostSource source, SiteFiles files, Map<String, String> stored, Account importer,
                                     List<String> messages) {
        String text = source.text();
        for (SiteFiles.Reference reference : files.referencedIn(text)) {
            String url = stored.get(reference.file());
            if (url == null) {
                try {
                    byte[] content = files.read(reference.file());
                    Optional<String[]> type = MediaApi.detect(java.util.Arrays.copyOf(content, Math.min(16,
                            content.length)));
                    if (type.isEmpty()) {
                        messages.add(source.name() + ": warning " + reference.file() + " is not an image or PDF the"
                                + " media library takes; the link to it is left as it was");
                        stored.put(reference.file(), "");
                        continue;
                    }
                    MediaStore.checkPath(reference.file());
                    MediaItem item = intake.take(reference.file(), content, type.get()[0],
                            reference.file().substring(reference.file().lastIndexOf('/') + 1), importer);
                    url = "/media/" + item.path();
                } catch (MediaRefusedException | IllegalArgumentException e) {
                    messages.add(source.name() + ": warning " + reference.file() + " was not stored: "
                            + e.getMessage());
                    url = "";
                } catch (IOException e) {
                    messages.add(source.name() + ": warning " + reference.file() + " could not be read: " + e);
                    url = "";
                }
                stored.put(reference.file(), url);
            }
            if (!url.isEmpty()) {
                text = SiteFiles.rewrite(text, reference.written(), url);
            }
        }
        return text.equals(source.text()) ? source : new PostSource(source.name(), text);
    }

    /** Accounts for the post's authors, named as the site names them; contributors who cannot sign in. */
    private void ensureAuthors(PostMetadata metadata, JekyllSite site) {
        for (String handle : metadata.authors()) {
            String normalised = Slugs.slugify(handle);
            if (normalised.isEmpty()) {
                continue;
            }
            JekyllAuthor known = site.authors().get(handle.trim());
            String name = known != null ? known.name() : handle.trim();
            String bio = known != null ? known.bio() : "";
            QuarkusTransaction.requiringNew().run(() -> {
                Account account = Account.findByHandle(normalised).orElse(null);
                if (account == null) {
                    account = new Account();
                    account.handle = normalised;
                    account.role = Role.CONTRIBUTOR;
                    account.canSignIn = false;
                    account.createdAt = clock.instant();
                    account.displayName = name;
                    account.bio = bio.isEmpty() ? null : bio;
                    account.persist();
                } else if (known != null && account.displayName.equals(handle.trim())) {
                    account.displayName = name; // a placeholder from an earlier import gets its real name
                }
            });
        }
    }

    private void keepLiquidSettings(JekyllSite site) {
        Map<String, Object> kept = new LinkedHashMap<>();
        site.settings().config().forEach((key, value) -> {
            if (!BUILD_SETTINGS.contains(key) && value != null) {
                kept.put(key, value);
            }
        });
        String serialised;
        try {
            serialised = json.writeValueAsString(kept);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("_config.yml has values that cannot be kept: " + e.getMessage(), e);
        }
        QuarkusTransaction.requiringNew().run(() -> {
            Site stored = Site.get();
            if (!serialised.equals(stored.liquidJson)) {
                stored.liquidJson = serialised;
            }
        });
    }

}
