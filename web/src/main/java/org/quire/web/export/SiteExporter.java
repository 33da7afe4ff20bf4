package org.quire.web.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.quire.api.PageRoute;
import org.quire.api.UrlPaths;
import org.quire.core.plugin.ActivePlugin;
import org.quire.web.content.PostService;
import org.quire.web.media.MediaFile;
import org.quire.web.media.MediaStore;
import org.quire.web.plugins.PluginRoutes;
import org.quire.web.plugins.PluginRuntime;
import org.quire.web.publicsite.PublicPages;
import org.quire.web.publicsite.PublishedSite;
import org.quire.web.publicsite.PublishedSites;
import org.quire.web.publicsite.RenderedPage;
import org.quire.web.site.Site;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Writes the public site to a folder: every page the site and its plugins serve, rendered by the same code as the
 * live server ({@link PublicPages}), so an exported page and the served page are the same bytes; plus the theme's
 * static files and the media. A page whose file already holds the same bytes is left alone, so exporting again
 * after one edit rewrites only the pages that changed.
 */
@ApplicationScoped
public class SiteExporter {

    private static final Logger LOG = Logger.getLogger(SiteExporter.class);
    private static final List<String> STATIC_FILES = List.of("theme.css", "quire-mark.svg");

    @Inject
    PublicPages pages;

    @Inject
    PluginRuntime plugins;

    @Inject
    PluginRoutes pluginRoutes;

    @Inject
    MediaStore media;

    @Inject
    PublishedSites publishedSites;

    @Inject
    org.quire.web.publicsite.PageCache pageCache;

    @Inject
    PostService posts;

    /** Pages rendered at once; 0 (the default) means one per processor. */
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "quire.export.threads", defaultValue = "0")
    int configuredThreads;

    /**
     * What an export did; {@code rendered} posts were rendered again from their Markdown first, in
     * {@code renderMillis} (none for an export of the HTML as stored).
     */
    public record Report(int pages, int written, int unchanged, int mediaFiles, List<String> skipped, int rendered,
                         long renderMillis) {
    }

    /** Progress: pages done so far and the total. */
    public record Progress(int done, int total) {
    }

    public Report export(Path folder, Consumer<Progress> progress) throws IOException {
        return export(folder, progress, Map.of());
    }

    /**
     * Renders every post again from its Markdown first, as a static generator does on each build, and exports what
     * that gives. Nothing made before counts: every cached page is dropped first, and with it the published site's
     * snapshot and what plugins keep until the site changes (a feed's prepared items), as after a theme or plugin
     * change. The published site is read meanwhile on another thread: the snapshot holds no HTML, so unless
     * rendering changes a post (which drops it) the export finds it ready. Rendering keeps each post's HTML, so the
     * export reads none again.
     */
    public Report exportFromMarkdown(Path folder, Consumer<Progress> progress) throws IOException {
        long started = System.nanoTime();
        pageCache.invalidateAll();
        Thread snapshot = new Thread(this::readSnapshot, "quire-export-snapshot");
        snapshot.setContextClassLoader(Thread.currentThread().getContextClassLoader());
        snapshot.setDaemon(true);
        snapshot.start();
        PostService.Rerendering rerendering = posts.rerenderAllKeepingHtml();
        long renderMillis = (System.nanoTime() - started) / 1_000_000;
        try {
            snapshot.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("The export was interrupted", e);
        }
        Report report = export(folder, progress, rerendering.html());
        return new Report(report.pages(), report.written(), report.unchanged(), report.mediaFiles(), report.skipped(),
                rerendering.rendered(), renderMillis);
    }

    private void readSnapshot() {
        try {
            publishedSites.current();
        } catch (RuntimeException e) {
            // The export reads it again, and reports what fails then.
            LOG.debugf(e, "Reading the published site ahead of the export failed");
        }
    }

    /**
     * Exports, taking each post's HTML from {@code knownHtml} where it is that of the post's published version
     * (see {@link PostService#rerenderAllKeepingHtml()}), and reading the rest.
     */
    Report export(Path folder, Consumer<Progress> progress, Map<Long, PostService.CurrentHtml> knownHtml)
            throws IOException {
        Files.createDirectories(folder);
        Output output = new Output(isEmpty(folder));
        // Every post's HTML is shown at least once (and plugins listing their paths may read it all): held in one
        // go rather than read page by page. Should a post change meanwhile, the next snapshot holds none, and pages
        // read their posts' HTML as live requests do.
        PublishedSite published = publishedSites.current();
        published.holdHtml(knownHtml);
        try {
            return export(folder, output, progress, paths());
        } finally {
            published.releaseHtml();
        }
    }

    private Report export(Path folder, Output output, Consumer<Progress> progress, List<String> paths)
            throws IOException {
        AtomicInteger written = new AtomicInteger();
        AtomicInteger unchanged = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        List<String> skipped = java.util.Collections.synchronizedList(new ArrayList<>());
        // Pages are independent and rendering them is most of the work: one worker per core, as for live requests.
        int threads = configuredThreads > 0 ? configuredThreads : Runtime.getRuntime().availableProcessors();
        ExecutorService workers = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "quire-export");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> pages = new ArrayList<>(paths.size());
            for (String encodedPath : paths) {
                pages.add(workers.submit(() -> {
                    String sitePath = UrlPaths.decode(encodedPath);
                    RenderedPage page = this.pages.render(sitePath, encodedPath);
                    if (page.status() != 200) {
                        skipped.add(encodedPath + " (" + page.status() + ")");
                    } else {
                        Path file = fileFor(folder, sitePath);
                        if (file == null) {
                            skipped.add(encodedPath + " (not a file name)");
                        } else if (output.writeIfChanged(file, page.body())) {
                            written.incrementAndGet();
                        } else {
                            unchanged.incrementAndGet();
                        }
                    }
                    synchronized (progress) {
                        progress.accept(new Progress(done.incrementAndGet(), paths.size()));
                    }
                    return null;
                }));
            }
            for (Future<?> page : pages) {
                page.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("The export was interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } finally {
            workers.shutdownNow();
        }
        // The not-found page, for static hosts that serve 404.html.
        if (output.writeIfChanged(folder.resolve("404.html"), this.pages.notFound().body())) {
            written.incrementAndGet();
        }
        copyStaticFiles(folder, output);
        int mediaFiles = copyMedia(folder, output);
        List<String> skips = new ArrayList<>(skipped);
        java.util.Collections.sort(skips);
        LOG.infof("Exported %d pages to %s: %d written, %d unchanged, %d media files, %d skipped", paths.size(), folder,
                written.get(), unchanged.get(), mediaFiles, skips.size());
        return new Report(paths.size(), written.get(), unchanged.get(), mediaFiles, skips, 0, 0);
    }

    /** Every page path the site serves now, percent-encoded: the core's pages, then every plugin route's. */
    public List<String> paths() {
        Set<String> paths = new LinkedHashSet<>();
        PublishedSite published = publishedSites.current();
        QuarkusTransaction.requiringNew().run(() -> {
            Site site = Site.get();
            paths.add("/");
            int homePages = Math.max(1, (published.size() + site.postsPerPage - 1) / site.postsPerPage);
            for (int page = 2; page <= homePages; page++) {
                paths.add("/page/" + page + "/");
            }
            Set<String> authors = new LinkedHashSet<>();
            Set<String> years = new LinkedHashSet<>();
            Set<String> months = new LinkedHashSet<>();
            java.time.ZoneId zone = java.time.ZoneId.of(site.timeZone);
            for (PublishedSite.Entry post : published.posts()) {
                paths.add(UrlPaths.encodePath(post.path()));
                post.authors().forEach(a -> authors.add(a.handle()));
                java.time.ZonedDateTime date = post.publishedAt().atZone(zone);
                years.add(String.format("/archive/%04d/", date.getYear()));
                months.add(String.format("/archive/%04d/%02d/", date.getYear(), date.getMonthValue()));
            }
            for (String handle : authors) {
                long count = published.ranksBy(handle).length;
                String base = "/authors/" + UrlPaths.encodeSegment(handle) + "/";
                paths.add(base);
                for (int page = 2; page <= (count + site.postsPerPage - 1) / site.postsPerPage; page++) {
                    paths.add(base + "page/" + page + "/");
                }
            }
            paths.add("/archive/");
            paths.addAll(years);
            paths.addAll(months);
            paths.add("/sitemap.xml");
            paths.add("/robots.txt");
        });
        for (PluginRoutes.Mounted mounted : pluginRoutes.routes()) {
            ActivePlugin plugin = mounted.plugin();
            PageRoute route = mounted.route();
            try {
                paths.addAll(QuarkusTransaction.requiringNew().call(route::paths));
            } catch (RuntimeException e) {
                plugins.registry().report(new org.quire.core.plugin.PluginProblem(plugin.id(), "route",
                        "listing the paths of " + route.pattern() + " failed: " + e, e));
            }
        }
        return new ArrayList<>(paths);
    }

    /**
     * The file a site path is written to: {@code /a/b/} becomes {@code a/b/index.html}, {@code /feed.xml} stays
     * itself. Null when a segment cannot be a file name (it would contain a slash, or climb out of the folder).
     */
    static Path fileFor(Path folder, String sitePath) {
        String relative = sitePath.startsWith("/") ? sitePath.substring(1) : sitePath;
        if (relative.isEmpty() || relative.endsWith("/")) {
            relative = relative + "index.html";
        }
        Path file = folder.resolve(relative).normalize();
        return file.startsWith(folder.normalize()) ? file : null;
    }

    private static boolean isEmpty(Path folder) throws IOException {
        try (var entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        }
    }

    /**
     * The files an export writes. In a folder that was empty when the export began, no page has a file to compare
     * with, and each folder is made once: a first export of a large site spares two file-system lookups per page.
     */
    private static final class Output {

        private final boolean startedEmpty;
        private final java.util.concurrent.ConcurrentHashMap<Path, Boolean> folders =
                new java.util.concurrent.ConcurrentHashMap<>();

        Output(boolean startedEmpty) {
            this.startedEmpty = startedEmpty;
        }

        /**
         * Writes a page unless its file holds the same bytes. A file that is there is replaced by a rename, so a
         * server reading the folder meanwhile gets the old page or the new one, never half; a new file is written
         * in place (there was nothing to serve), which spares a first export a rename, and its journal entry, per
         * page. A file left half-written by a crash differs from its page, so the next export replaces it.
         */
        boolean writeIfChanged(Path file, byte[] body) throws IOException {
            if (!startedEmpty && Files.isRegularFile(file)) {
                if (Files.size(file) == body.length && java.util.Arrays.equals(Files.readAllBytes(file), body)) {
                    return false;
                }
                Path temporary = file.resolveSibling(file.getFileName() + ".part");
                Files.write(temporary, body);
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                return true;
            }
            makeFolder(file.getParent());
            Files.write(file, body);
            return true;
        }

        /** Makes a folder once; another thread writing into it meanwhile waits until it is there. */
        private void makeFolder(Path folder) throws IOException {
            try {
                folders.computeIfAbsent(folder, path -> {
                    try {
                        Files.createDirectories(path);
                        return Boolean.TRUE;
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
    }

    private static void copyStaticFiles(Path folder, Output output) throws IOException {
        for (String name : STATIC_FILES) {
            try (InputStream in = SiteExporter.class.getClassLoader()
                    .getResourceAsStream("META-INF/resources/static/" + name)) {
                if (in != null) {
                    output.writeIfChanged(folder.resolve("static").resolve(name), in.readAllBytes());
                }
            }
        }
    }

    private int copyMedia(Path folder, Output output) {
        List<MediaFile> files = QuarkusTransaction.requiringNew().call(() -> MediaFile.<MediaFile>listAll());
        for (MediaFile file : files) {
            if (MediaStore.isPrivate(file.path)) {
                continue;
            }
            try {
                Path target = fileFor(folder, "/media/" + file.path);
                if (target != null) {
                    try (InputStream in = media.open(file)) {
                        output.writeIfChanged(target, in.readAllBytes());
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot copy media " + file.path + ": " + e.getMessage(), e);
            }
        }
        return files.size();
    }
}
