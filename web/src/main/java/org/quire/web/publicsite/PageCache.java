package org.quire.web.publicsite;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.quire.web.cluster.ClusterSignals;
import org.quire.web.content.ContentChanged;

import io.quarkus.runtime.StartupEvent;

/**
 * Rendered public pages in memory, bounded by count, each with its gzip form, ETag and Last-Modified, so a hit is
 * served without rendering or compressing. A content change drops exactly the pages that showed the changed post
 * (or the lists it belongs to), after the change commits. Every drop is also sent to the other instances behind
 * the load balancer ({@link ClusterSignals}), which drop the same pages from their own caches.
 */
@ApplicationScoped
public class PageCache {

    /**
     * A cached page. {@code body} and {@code gzipped} are never modified after construction; the header values are
     * formatted once here rather than on every request.
     */
    public record Entry(String path, String contentType, byte[] body, byte[] gzipped, String etag,
                        Instant lastModified, String lastModifiedHeader, Set<String> dependencies, AtomicLong lastUsed) {
    }

    private static final String DEPENDENCIES = "dependencies";
    private static final String ALL = "all";
    private static final String PATH = "path";
    private static final String PREFIX = "prefix";

    private final Map<String, Entry> pages = new ConcurrentHashMap<>();
    private final int maxPages;
    /** Goes up with every drop, so a page rendered before a drop is not cached after it (see {@link #put}). */
    private final AtomicLong drops = new AtomicLong();

    @Inject
    ClusterSignals cluster;

    public PageCache(@ConfigProperty(name = "quire.cache.max-pages", defaultValue = "5000") int maxPages) {
        this.maxPages = maxPages;
    }

    public Entry get(String path) {
        Entry entry = pages.get(path);
        if (entry != null) {
            // A plain write, not a shared counter: eviction only needs roughly recent, and hits stay uncontended.
            entry.lastUsed().lazySet(System.nanoTime());
        }
        return entry;
    }

    /** Read before rendering a page, and given to {@link #put(String, RenderedPage, long)}. */
    public long dropsSoFar() {
        return drops.get();
    }

    /**
     * Caches a page unless something was dropped since {@code dropsBeforeRendering}: the page may show what that
     * drop was about (an edit committed while it rendered), and is then only served, not kept.
     */
    public Entry put(String path, RenderedPage page, long dropsBeforeRendering) {
        Entry entry = entryOf(path, page);
        if (drops.get() == dropsBeforeRendering) {
            pages.put(path, entry);
            if (drops.get() != dropsBeforeRendering) {
                pages.remove(path, entry);
            }
            if (pages.size() > maxPages) {
                evictLeastRecentlyUsed();
            }
        }
        return entry;
    }

    public Entry put(String path, RenderedPage page) {
        Entry entry = entryOf(path, page);
        pages.put(path, entry);
        if (pages.size() > maxPages) {
            evictLeastRecentlyUsed();
        }
        return entry;
    }

    private static Entry entryOf(String path, RenderedPage page) {
        byte[] body = page.body();
        Instant lastModified = (page.lastModified() == null ? Instant.now() : page.lastModified())
                .truncatedTo(ChronoUnit.SECONDS);
        return new Entry(path, page.contentType(), body, gzip(body), etag(body), lastModified,
                DateTimeFormatter.RFC_1123_DATE_TIME.format(lastModified.atOffset(ZoneOffset.UTC)),
                Set.copyOf(page.dependencies()), new AtomicLong(System.nanoTime()));
    }

    public int size() {
        return pages.size();
    }

    /** Drops every page that shows one of {@code dependencies}, here and on the other instances. */
    public void invalidate(Set<String> dependencies) {
        dropShowing(dependencies);
        tellOthers(DEPENDENCIES, dependencies);
    }

    /** Drops every page, here and on the other instances. */
    public void invalidateAll() {
        drops.incrementAndGet();
        pages.clear();
        tellOthers(ALL, Set.of());
    }

    /** Drops every page of this instance only (another instance asked for it already). */
    public void invalidateAllHere() {
        drops.incrementAndGet();
        pages.clear();
    }

    /** Drops one page by its site path, here and on the other instances. */
    public void invalidatePath(String path) {
        drops.incrementAndGet();
        pages.remove(path);
        tellOthers(PATH, Set.of(path));
    }

    /** Drops every page whose site path starts with {@code prefix}, here and on the other instances. */
    public void invalidatePrefix(String prefix) {
        dropPrefix(prefix);
        tellOthers(PREFIX, Set.of(prefix));
    }

    private void dropShowing(Set<String> dependencies) {
        drops.incrementAndGet();
        pages.values().removeIf(entry -> entry.dependencies().stream().anyMatch(dependencies::contains));
    }

    private void dropPrefix(String prefix) {
        drops.incrementAndGet();
        pages.keySet().removeIf(path -> path.startsWith(prefix));
    }

    /** The payload is the kind of drop on its first line, then one value per line (paths and keys have none). */
    private void tellOthers(String kind, Set<String> values) {
        cluster.send(ClusterSignals.Kind.PAGES, kind + (values.isEmpty() ? "" : "\n" + String.join("\n", values)));
    }

    void listen(@Observes StartupEvent start) {
        cluster.onSignal(ClusterSignals.Kind.PAGES, this::dropAsToldByAnotherInstance);
    }

    private void dropAsToldByAnotherInstance(String payload) {
        String[] lines = payload.split("\n");
        Set<String> values = Set.of(java.util.Arrays.copyOfRange(lines, 1, lines.length));
        drops.incrementAndGet();
        switch (lines[0]) {
            case ALL -> pages.clear();
            case PATH -> values.forEach(pages::remove);
            case PREFIX -> values.forEach(this::dropPrefix);
            default -> dropShowing(values);
        }
    }

    void onContentChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) ContentChanged change) {
        Set<String> affected = new java.util.HashSet<>();
        affected.add("post:" + change.postId());
        affected.add("list:home");
        affected.add("list:archive");
        change.authors().forEach(id -> affected.add("list:author:" + id));
        change.months().forEach(month -> affected.add("list:month:" + month));
        change.tags().forEach(tag -> affected.add("tag:" + tag));
        // The post's own pages depend on post:<id>, so its old and new paths go too, however they were spelled.
        invalidate(affected);
    }

    /** Removes the least recently used tenth, so eviction is rare rather than on every insert. */
    private void evictLeastRecentlyUsed() {
        int toRemove = Math.max(1, maxPages / 10);
        pages.values().stream().sorted(Comparator.comparingLong(e -> e.lastUsed().get())).limit(toRemove)
                .map(Entry::path).toList().forEach(pages::remove);
    }

    private static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 3 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String etag(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
