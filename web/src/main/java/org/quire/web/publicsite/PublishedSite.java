package org.quire.web.publicsite;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.quire.web.site.Site;
import java.util.TreeSet;

/**
 * The published site as one read of the database: every published post's metadata (not its source, nor its HTML),
 * newest first, with its authors and tags, and the lists pages are made of (each tag's, author's and category's
 * posts, by month). Pages and plugins read it instead of querying per page; it is read again after the next page
 * drop ({@link PublishedSites}), since every change to what is published drops pages, here and on other instances.
 * Immutable, except for the HTML an export may hold for the time it runs.
 */
public final class PublishedSite {

    /** Reads posts' HTML, which is kept out of the snapshot: it is most of a site's size. */
    interface HtmlReader {
        /** The HTML of these published posts, by id, in the caller's transaction when there is one. */
        Map<Long, String> read(Collection<Long> ids);

        /** The HTML of every published post, by id. */
        Map<Long, String> readAll();
    }

    public record Author(long id, String handle, String displayName, String bio, String avatarPath) {
    }

    public record Tag(long id, String name, String key, String urlForm, String description, String coverPath) {
    }

    /**
     * A published post without its source and HTML; {@code rank} is its place, newest first, and {@code version} the
     * post's version when this was read.
     */
    public record Entry(int rank, long id, long version, String slug, String path, String title, String description,
                        String category, String excerptHtml, String excerptText, String tocJson, String extraJson,
                        int readingMinutes, Instant publishedAt, Instant createdAt, Instant updatedAt,
                        List<Author> authors, List<Tag> tags) {
    }

    private final long drops;
    private final Site site;
    private final Map<String, String> redirects;
    private final List<Entry> newestFirst;
    private final Map<String, Entry> byPath = new HashMap<>();
    private final Map<String, Entry> bySlug = new HashMap<>();
    private final Map<Long, Entry> byId = new HashMap<>();
    private final Map<String, int[]> ranksByTagKey;
    private final Map<Long, Integer> countsByTagId;
    private final Map<String, int[]> ranksByAuthorHandle;
    private final Map<String, int[]> ranksByCategory;
    private final Map<String, Author> authorsByHandle = new HashMap<>();
    private final List<Author> authorsByName;
    private final List<Tag> tagsByKey;
    private final List<String> categories;
    private final HtmlReader htmlReader;
    private volatile Map<Long, String> heldHtml;
    private final Map<Long, PostSummary> summaries = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * @param site        the site's settings, detached: read, never changed
     * @param newestFirst every published post, newest first (ranks 0, 1, …)
     * @param redirects   the published posts' old paths, each to the post's path now
     * @param htmlReader  reads posts' HTML from the database
     */
    PublishedSite(long drops, Site site, List<Entry> newestFirst, Map<String, String> redirects,
                  HtmlReader htmlReader) {
        this.drops = drops;
        this.redirects = Map.copyOf(redirects);
        this.site = site;
        this.newestFirst = List.copyOf(newestFirst);
        this.htmlReader = htmlReader;
        Map<String, List<Integer>> byTag = new HashMap<>();
        Map<String, List<Integer>> byAuthor = new HashMap<>();
        Map<String, List<Integer>> byCategory = new HashMap<>();
        Map<Long, Integer> counts = new HashMap<>();
        Map<Long, Tag> tags = new HashMap<>();
        TreeSet<String> categoryNames = new TreeSet<>(
                java.util.Comparator.comparing((String name) -> name, String.CASE_INSENSITIVE_ORDER)
                        .thenComparing(java.util.Comparator.naturalOrder()));
        for (Entry post : this.newestFirst) {
            byPath.put(post.path(), post);
            bySlug.put(post.slug(), post);
            byId.put(post.id(), post);
            for (Tag tag : post.tags()) {
                byTag.computeIfAbsent(tag.key(), k -> new ArrayList<>()).add(post.rank());
                counts.merge(tag.id(), 1, Integer::sum);
                tags.putIfAbsent(tag.id(), tag);
            }
            for (Author author : post.authors()) {
                byAuthor.computeIfAbsent(author.handle(), k -> new ArrayList<>()).add(post.rank());
                authorsByHandle.putIfAbsent(author.handle(), author);
            }
            if (post.category() != null) {
                categoryNames.add(post.category());
                byCategory.computeIfAbsent(post.category().trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                        .add(post.rank());
            }
        }
        this.ranksByTagKey = asArrays(byTag);
        this.ranksByAuthorHandle = asArrays(byAuthor);
        this.ranksByCategory = asArrays(byCategory);
        this.countsByTagId = Map.copyOf(counts);
        // Ordered here, the same on every database, rather than by each database's collation.
        this.authorsByName = authorsByHandle.values().stream()
                .sorted(java.util.Comparator.comparing(Author::displayName, String.CASE_INSENSITIVE_ORDER)
                        .thenComparing(Author::displayName).thenComparing(Author::handle))
                .toList();
        this.tagsByKey = tags.values().stream().sorted((a, b) -> a.key().compareTo(b.key())).toList();
        this.categories = List.copyOf(categoryNames);
    }

    private static Map<String, int[]> asArrays(Map<String, List<Integer>> lists) {
        Map<String, int[]> arrays = new HashMap<>();
        lists.forEach((key, ranks) -> arrays.put(key, ranks.stream().mapToInt(Integer::intValue).toArray()));
        return Map.copyOf(arrays);
    }

    /** The page drops counted when this was read. */
    public long drops() {
        return drops;
    }

    /** The site's settings as read with the posts; not to be changed (it is no longer managed). */
    public Site site() {
        return site;
    }

    public List<Entry> posts() {
        return newestFirst;
    }

    public int size() {
        return newestFirst.size();
    }

    public Entry byPath(String path) {
        return byPath.get(path);
    }

    public Entry bySlug(String slug) {
        return bySlug.get(slug);
    }

    public Entry byId(long id) {
        return byId.get(id);
    }

    /** The path now of the published post that was at {@code oldPath}, or null. */
    public String redirect(String oldPath) {
        return redirects.get(oldPath);
    }

    /** A page of the posts at these ranks, newest first; empty past the end. */
    public List<Entry> page(int[] ranks, int offset, int limit) {
        int from = Math.min(ranks.length, Math.max(0, offset));
        int to = (int) Math.min(ranks.length, (long) from + Math.max(0, limit));
        return Arrays.stream(ranks, from, to).mapToObj(newestFirst::get).toList();
    }

    /** A page of all published posts, newest first. */
    public List<Entry> page(int offset, int limit) {
        int from = Math.min(newestFirst.size(), Math.max(0, offset));
        int to = (int) Math.min(newestFirst.size(), (long) from + Math.max(0, limit));
        return newestFirst.subList(from, to);
    }

    /** The posts published from {@code from} (inclusive) to {@code to} (exclusive), newest first. */
    public List<Entry> publishedBetween(Instant from, Instant to) {
        return newestFirst.stream().filter(post -> post.publishedAt() != null && !post.publishedAt().isBefore(from)
                && post.publishedAt().isBefore(to)).toList();
    }

    /** The ranks of a tag's posts (by key), newest first. */
    public int[] ranksTagged(String tagKey) {
        return ranksByTagKey.getOrDefault(tagKey, new int[0]);
    }

    /** The ranks of an author's posts (by handle), newest first. */
    public int[] ranksBy(String handle) {
        return ranksByAuthorHandle.getOrDefault(handle, new int[0]);
    }

    /** The ranks of a category's posts, its name compared trimmed and without case, newest first. */
    public int[] ranksInCategory(String category) {
        return ranksByCategory.getOrDefault(category.trim().toLowerCase(Locale.ROOT), new int[0]);
    }

    /** How many published posts carry this tag. */
    public int postCount(Tag tag) {
        return postCount(tag.id());
    }

    /** How many published posts carry the tag with this id. */
    public int postCount(long tagId) {
        return countsByTagId.getOrDefault(tagId, 0);
    }

    /** The tags of published posts, by key. */
    public List<Tag> tags() {
        return tagsByKey;
    }

    /** The authors of published posts, by display name. */
    public List<Author> authors() {
        return authorsByName;
    }

    /** An author with at least one published post. */
    public Author author(String handle) {
        return authorsByHandle.get(handle);
    }

    /** The categories of published posts, each as written, in order. */
    public List<String> categories() {
        return categories;
    }

    /**
     * A post as lists show it, made once per snapshot: a post is listed on many pages (home, archive, tags,
     * author), and its summary depends only on it and the site's settings, both read with this snapshot.
     */
    PostSummary summary(Entry post, java.util.function.Function<Entry, PostSummary> make) {
        return summaries.computeIfAbsent(post.id(), id -> make.apply(post));
    }

    /** The HTML of one post. */
    public String html(Entry post) {
        return html(List.of(post)).get(post.id());
    }

    /** The HTML of these posts, by id: from what an export holds, or read for them at once. */
    public Map<Long, String> html(List<Entry> posts) {
        Map<Long, String> held = heldHtml;
        Map<Long, String> html = new LinkedHashMap<>();
        List<Long> missing = new ArrayList<>();
        for (Entry post : posts) {
            String known = held == null ? null : held.get(post.id());
            if (known != null) {
                html.put(post.id(), known);
            } else {
                missing.add(post.id());
            }
        }
        if (!missing.isEmpty()) {
            html.putAll(htmlReader.read(missing));
        }
        return html;
    }

    /**
     * Holds every post's HTML until {@link #releaseHtml()}: an export shows every post, and one read of them all
     * replaces thousands of small ones. {@code known} is HTML the caller has at hand (by post id), such as what
     * rendering every post again just read or wrote: it is taken for a post only when it belongs to the version this
     * snapshot read, and every other post's is read.
     */
    public void holdHtml(Map<Long, org.quire.web.content.PostService.CurrentHtml> known) {
        Map<Long, String> held = new HashMap<>();
        List<Long> missing = new ArrayList<>();
        for (Entry post : newestFirst) {
            org.quire.web.content.PostService.CurrentHtml current = known.get(post.id());
            if (current != null && current.version() == post.version() && current.html() != null) {
                held.put(post.id(), current.html());
            } else {
                missing.add(post.id());
            }
        }
        if (missing.size() == newestFirst.size()) {
            held = htmlReader.readAll();
        } else if (!missing.isEmpty()) {
            held.putAll(htmlReader.read(missing));
        }
        heldHtml = Map.copyOf(held);
    }

    public void releaseHtml() {
        heldHtml = null;
    }

    @Override
    public String toString() {
        return "PublishedSite[" + newestFirst.size() + " posts, drops " + drops + "]";
    }
}
