package org.quire.web.content;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
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
import org.quire.core.ContentEngine;
import org.quire.core.jekyll.JekyllAuthor;
import org.quire.core.jekyll.JekyllSite;
import org.quire.core.jekyll.JekyllSiteReader;
import org.quire.core.plugin.PluginRegistry;
import org.quire.core.site.Slugs;
import org.quire.core.source.PostMetadata;
import org.quire.core.source.PostSource;
import org.quire.web.accounts.Account;
import org.quire.web.accounts.Role;
import org.quire.web.site.Site;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * Moves a Jekyll site in from its folder, reading it as Jekyll 4.3 does ({@link JekyllSiteReader}): every post
 * (published, scheduled when its date is to come, or a draft from {@code _drafts/} or {@code published: false}),
 * its authors with the names the site gives them, the files its posts show, every URL Jekyll served for a post as
 * its address or a 301 to it, and the site's settings ({@link ImportedSiteSettings}; all of {@code _config.yml}
 * stays for {@code {{ site.* }}}). Each post is stored in its own transaction ({@link PostImporter}), and the
 * report has a line for every file under the post folders. Importing the same folder again updates changed posts
 * and leaves the rest alone.
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

    /** What became of one file under a post folder; {@code NOT_A_POST} says why in its messages. */
    public enum Outcome { IMPORTED, UPDATED, UNCHANGED, NOT_A_POST, FAILED }

    /** What became of one file. */
    public record PostResult(String file, Outcome outcome, String path, List<String> messages) {
    }

    /**
     * @param applySiteSettings make {@code _config.yml}'s settings the site's even when this is not the first
     *                          import (the first always takes them)
     */
    public record Options(boolean applySiteSettings) {
        public static final Options DEFAULTS = new Options(false);
    }

    /**
     * What an import did, file by file: one line for every file under the site's post folders.
     *
     * @param settingsApplied   each site setting the import changed ({@code name: 'before' here, 'after' in
     *                          _config.yml})
     * @param settingsDiffering each setting where the site and {@code _config.yml} differ and the site's was kept
     */
    public record Report(List<PostResult> posts, List<String> siteMessages, List<String> settingsApplied,
                         List<String> settingsDiffering) {
        public Report(List<PostResult> posts, List<String> siteMessages) {
            this(posts, siteMessages, List.of(), List.of());
        }

        public long count(Outcome outcome) {
            return posts.stream().filter(p -> p.outcome() == outcome).count();
        }
    }

    @ConfigProperty(name = "quire.import.posts-dir")
    Optional<String> importOnStart;

    /**
     * Whether the first import into a site (no post imported yet, nothing written but the first start's sample
     * post) makes {@code _config.yml}'s settings the site's. Off where settings are managed elsewhere.
     */
    @ConfigProperty(name = "quire.import.first-import-takes-site-settings", defaultValue = "true")
    boolean firstImportTakesSiteSettings;

    @Inject
    PostService posts;

    @Inject
    org.quire.web.publicsite.PageCache pageCache;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    @Inject
    PostImporter postImporter;

    @Inject
    ImportedSiteSettings siteSettings;

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
        return importSiteWithProgress(root, Options.DEFAULTS, progress);
    }

    /**
     * @param progress told once the site is read (0 done) and after each post
     * @throws IllegalArgumentException when the folder is not a Jekyll site, naming it
     */
    public Report importSiteWithProgress(Path root, Options options, Consumer<Progress> progress) throws IOException {
        JekyllSite site = new JekyllSiteReader().read(root);
        int total = site.posts().size() + site.drafts().size();
        progress.accept(new Progress(0, total));
        List<String> siteMessages = new ArrayList<>();
        site.diagnostics().forEach(d -> siteMessages.add(d.toString()));

        // The site's settings first, so each post is stored at the address its permalink pattern gives.
        ImportedSiteSettings.Wanted wanted = ImportedSiteSettings.wanted(site.settings());
        boolean firstImport = firstImportTakesSiteSettings && QuarkusTransaction.requiringNew().call(() ->
                Post.count("importSource is not null") == 0
                        && Post.count("slug <> ?1", org.quire.web.site.FirstRun.SAMPLE_SLUG) == 0);
        List<String> applied = List.of();
        if (firstImport || options.applySiteSettings()) {
            try {
                applied = siteSettings.apply(wanted);
            } catch (ContentException e) {
                siteMessages.add("_config.yml: warning the site's settings were not taken, as Quire refuses "
                        + (e.field() == null ? "them" : e.field()) + ": " + e.getMessage());
            }
        }
        List<String> differing = !firstImport && !options.applySiteSettings() ? siteSettings.differences(wanted)
                : List.of();
        if (!site.settings().basePath().isEmpty()) {
            siteMessages.add("_config.yml: info Jekyll served the site under baseurl " + site.settings().basePath()
                    + "; Quire serves it where it is deployed (quire.base-path), and each old address under "
                    + site.settings().basePath() + " answers 301 with its post's address");
        }
        keepLiquidSettings(site);
        ContentEngine jekyll = ContentEngine.create(site.settings(), PluginRegistry.empty());
        Account importer = QuarkusTransaction.requiringNew().call(() -> Account.findByHandle("admin").orElse(null));
        String siteAuthor = siteAuthor(site);

        SiteFiles files = new SiteFiles(root, site.settings().basePath(), site.settings().url(),
                site.settings().config());
        PostImporter.Run run = new PostImporter.Run(root.toAbsolutePath().normalize(), jekyll,
                site.settings().basePath(), files, importer, siteAuthor, new HashSet<>(), new HashMap<>());
        List<PostResult> results = new ArrayList<>();
        int done = 0;
        for (PostSource source : site.posts()) {
            results.add(importPost(source, PostStatus.PUBLISHED, site, run));
            progress.accept(new Progress(++done, total));
            if (done % RECLAIM_EVERY == 0) {
                storeUpkeep.reclaim();
            }
        }
        for (PostSource source : site.drafts()) {
            results.add(importPost(source, PostStatus.DRAFT, site, run));
            progress.accept(new Progress(++done, total));
        }
        for (JekyllSite.NotAPost skipped : site.notPosts()) {
            results.add(new PostResult(skipped.path(), Outcome.NOT_A_POST, null,
                    List.of(skipped.path() + ": not a post: " + skipped.reason())));
        }
        results.sort(java.util.Comparator.comparing(PostResult::file));
        // An unchanged post may still have gained an old address, and an author a name, with no post event: pages
        // (and the published-site snapshot, which holds both) are dropped once, here and on the other instances.
        pageCache.invalidateAll();
        // A commit per post leaves an embedded database's file many times its data until it is tidied.
        storeUpkeep.tidy();
        return new Report(results, siteMessages, applied, differing);
    }

    private PostResult importPost(PostSource source, PostStatus status, JekyllSite site, PostImporter.Run run) {
        PostMetadata metadata;
        try {
            metadata = run.jekyll().read(source).metadata();
            ensureAuthors(metadata, site, run.siteAuthor());
        } catch (RuntimeException e) {
            return new PostResult(source.name(), Outcome.FAILED, null, List.of(source.name() + ": error "
                    + (e.getMessage() == null ? e.toString() : e.getMessage())));
        }
        return postImporter.importPost(source, metadata, status, run);
    }

    /** The site's {@code author} ({@code Casey Writer}, or {@code {name: Casey Writer}}), or null. */
    private static String siteAuthor(JekyllSite site) {
        Object author = site.settings().config().get("author");
        if (author instanceof Map<?, ?> map) {
            author = map.get("name");
        }
        return author == null || author instanceof Map<?, ?> || author instanceof List<?>
                || author.toString().isBlank() ? null : author.toString().strip();
    }

    /** Accounts for the post's authors, named as the site names them; contributors who cannot sign in. */
    private void ensureAuthors(PostMetadata metadata, JekyllSite site, String siteAuthor) {
        List<String> handles = metadata.authors().isEmpty() && siteAuthor != null ? List.of(siteAuthor)
                : metadata.authors();
        for (String handle : handles) {            String normalised = Slugs.slugify(handle);
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
