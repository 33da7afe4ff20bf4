package org.quire.web.plugins;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.quire.api.AuthorView;
import org.quire.api.PostView;
import org.quire.api.SiteInfo;
import org.quire.api.SiteView;
import org.quire.api.TagView;
import org.quire.core.site.Tag;
import org.quire.web.accounts.Account;
import org.quire.web.content.Post;
import org.quire.web.content.PostStatus;
import org.quire.web.content.TagEntity;
import org.quire.web.site.Site;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The published site as plugins see it, read from the database at each call (inside the caller's transaction
 * when there is one). Returns only published, undeleted posts.
 */
@ApplicationScoped
public class DatabaseSiteView implements SiteView {

    private static final String PUBLISHED = "status = ?1 and deletedAt is null";

    @Inject
    ObjectMapper json;

    @Inject
    org.quire.web.publicsite.PageCache pages;

    @Override
    public SiteInfo info() {
        return QuarkusTransaction.joiningExisting().call(() -> {
            Site site = Site.get();
            return new SiteInfo(site.title, site.description, site.url, site.basePath,
                    Locale.forLanguageTag(site.locale), ZoneId.of(site.timeZone));
        });
    }

    @Override
    public List<PostView> publishedPosts() {
        return QuarkusTransaction.joiningExisting().call(() -> {
            Map<Long, Long> counts = tagCounts();
            return Post.<Post>find(PUBLISHED + " order by publishedAt desc, id desc", PostStatus.PUBLISHED).stream()
                    .map(post -> view(post, counts)).toList();
        });
    }

    /** Page drops: every change to what is published drops pages, here and (by signal) on every other instance. */
    @Override
    public long changeCount() {
        return pages.dropsSoFar();
    }

    @Override
    public Optional<PostView> postBySlug(String slug) {
        return QuarkusTransaction.joiningExisting().call(() -> Post.findBySlug(slug).filter(Post::isPublic)
                .map(post -> view(post, tagCounts())));
    }

    @Override
    public List<TagView> tags() {
        return QuarkusTransaction.joiningExisting().call(() -> {
            Map<Long, Long> counts = tagCounts();
            return TagEntity.<TagEntity>listAll().stream().filter(t -> counts.containsKey(t.id))
                    .sorted((a, b) -> a.key.compareTo(b.key))
                    .map(t -> new TagView(t.name, t.key, t.urlForm, counts.get(t.id).intValue(), t.description,
                            t.coverPath)).toList();
        });
    }

    @Override
    public Optional<TagView> tag(String nameOrUrlForm) {
        String key = Tag.fromUrlForm(nameOrUrlForm).key();
        return tags().stream().filter(t -> t.key().equals(key)).findFirst();
    }

    @Override
    public List<PostView> postsTagged(TagView tag) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            Map<Long, Long> counts = tagCounts();
            return Post.<Post>find("select p from Post p join p.tags t where t.key = ?1 and p.status = ?2"
                            + " and p.deletedAt is null order by p.publishedAt desc, p.id desc", tag.key(), PostStatus.PUBLISHED)
                    .stream().map(post -> view(post, counts)).toList();
        });
    }

    /**
     * Posts sharing the most tags with {@code post}, then the newest: counted over the published posts' tags held
     * in memory ({@link #publishedTags()}), so a page costs a walk over its tags' post lists rather than a grouped
     * query over the whole site; only the posts chosen are loaded.
     */
    @Override
    public List<PostView> relatedPosts(PostView post, int limit) {
        if (limit <= 0 || post.tags().isEmpty()) {
            return List.of();
        }
        long id;
        try {
            id = Long.parseLong(post.id());
        } catch (NumberFormatException e) {
            return List.of();
        }
        PublishedTags published = publishedTags();
        Integer self = published.rankById().get(id);
        List<int[]> lists = new ArrayList<>();
        for (TagView tag : post.tags()) {
            int[] ranks = published.ranksByTagKey().get(tag.key());
            if (ranks != null) {
                lists.add(ranks);
            }
        }
        // Each list holds its tag's posts by rank, newest first. Walking them together (a merge) meets every post
        // once, newest first, with the number of lists it is in: the first few met with each count are the newest
        // with it, so no sorting and no counting map are needed.
        List<List<Integer>> byShared = new ArrayList<>();
        for (int i = 0; i <= lists.size(); i++) {
            byShared.add(new ArrayList<>());
        }
        int[] next = new int[lists.size()];
        while (true) {
            int newest = Integer.MAX_VALUE;
            for (int i = 0; i < lists.size(); i++) {
                if (next[i] < lists.get(i).length) {
                    newest = Math.min(newest, lists.get(i)[next[i]]);
                }
            }
            if (newest == Integer.MAX_VALUE) {
                break;
            }
            int shared = 0;
            for (int i = 0; i < lists.size(); i++) {
                if (next[i] < lists.get(i).length && lists.get(i)[next[i]] == newest) {
                    shared++;
                    next[i]++;
                }
            }
            if ((self == null || newest != self) && byShared.get(shared).size() < limit) {
                byShared.get(shared).add(newest);
            }
        }
        List<Long> ids = new ArrayList<>();
        for (int shared = lists.size(); shared > 0 && ids.size() < limit; shared--) {
            for (int rank : byShared.get(shared)) {
                if (ids.size() < limit) {
                    ids.add(published.idByRank()[rank]);
                }
            }
        }
        return load(ids);
    }

    @Override
    public List<String> categories() {
        return QuarkusTransaction.joiningExisting().call(() -> Post.getEntityManager()
                .createQuery("select distinct p.category from Post p where p.status = :s and p.deletedAt is null"
                        + " and p.category is not null order by p.category", String.class)
                .setParameter("s", PostStatus.PUBLISHED).getResultList());
    }

    @Override
    public List<PostView> publishedPosts(int offset, int limit) {
        return QuarkusTransaction.joiningExisting().call(() -> load(Post.getEntityManager()
                .createQuery("select p.id from Post p where p.status = :s and p.deletedAt is null"
                        + " order by p.publishedAt desc, p.id desc", Long.class)
                .setParameter("s", PostStatus.PUBLISHED)
                .setFirstResult(Math.max(0, offset)).setMaxResults(Math.max(0, limit)).getResultList()));
    }

    /** A page of a tag's posts: the ids from the tags held in memory, then only those posts. */
    @Override
    public List<PostView> postsTagged(TagView tag, int offset, int limit) {
        PublishedTags published = publishedTags();
        int[] ranks = published.ranksByTagKey().getOrDefault(tag.key(), new int[0]);
        int from = Math.min(ranks.length, Math.max(0, offset));
        int to = (int) Math.min(ranks.length, (long) from + Math.max(0, limit));
        return load(java.util.Arrays.stream(ranks, from, to).mapToObj(rank -> published.idByRank()[rank]).toList());
    }

    @Override
    public List<PostView> postsInCategory(String category, int offset, int limit) {
        return QuarkusTransaction.joiningExisting().call(() -> load(Post.getEntityManager()
                .createQuery("select p.id from Post p where p.status = :s and p.deletedAt is null"
                        + " and lower(p.category) = :c order by p.publishedAt desc, p.id desc", Long.class)
                .setParameter("s", PostStatus.PUBLISHED).setParameter("c", category.trim().toLowerCase(Locale.ROOT))
                .setFirstResult(Math.max(0, offset)).setMaxResults(Math.max(0, limit)).getResultList()));
    }

    @Override
    public int postCountInCategory(String category) {
        return QuarkusTransaction.joiningExisting().call(() -> Post.getEntityManager()
                .createQuery("select count(p) from Post p where p.status = :s and p.deletedAt is null"
                        + " and lower(p.category) = :c", Long.class)
                .setParameter("s", PostStatus.PUBLISHED).setParameter("c", category.trim().toLowerCase(Locale.ROOT))
                .getSingleResult().intValue());
    }

    @Override
    public List<PostView> postsBy(String authorHandle, int offset, int limit) {
        return QuarkusTransaction.joiningExisting().call(() -> load(Post.getEntityManager()
                .createQuery("select p.id from Post p join p.authors a where a.handle = :h and p.status = :s"
                        + " and p.deletedAt is null order by p.publishedAt desc, p.id desc", Long.class)
                .setParameter("h", authorHandle.trim().toLowerCase(Locale.ROOT))
                .setParameter("s", PostStatus.PUBLISHED)
                .setFirstResult(Math.max(0, offset)).setMaxResults(Math.max(0, limit)).getResultList()));
    }

    /** The posts with these ids, in this order (those no longer published are left out). */
    private List<PostView> load(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return QuarkusTransaction.joiningExisting().call(() -> {
            Map<Long, Long> counts = tagCounts();
            Map<Long, Post> byId = new HashMap<>();
            Post.<Post>list("id in ?1 and status = ?2 and deletedAt is null", ids, PostStatus.PUBLISHED)
                    .forEach(p -> byId.put(p.id, p));
            return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).map(p -> view(p, counts)).toList();
        });
    }

    @Override
    public List<PostView> postsInCategory(String category) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            Map<Long, Long> counts = tagCounts();
            return Post.<Post>find(PUBLISHED + " and lower(category) = ?2 order by publishedAt desc, id desc",
                            PostStatus.PUBLISHED, category.trim().toLowerCase(Locale.ROOT)).stream()
                    .map(post -> view(post, counts)).toList();
        });
    }

    @Override
    public List<PostView> postsBy(String authorHandle) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            Map<Long, Long> counts = tagCounts();
            return Post.<Post>find("select p from Post p join p.authors a where a.handle = ?1 and p.status = ?2"
                            + " and p.deletedAt is null order by p.publishedAt desc, p.id desc",
                            authorHandle.trim().toLowerCase(Locale.ROOT), PostStatus.PUBLISHED).stream()
                    .map(post -> view(post, counts)).toList();
        });
    }

    @Override
    public List<AuthorView> authors() {
        return QuarkusTransaction.joiningExisting().call(() -> Account.getEntityManager()
                .createQuery("select distinct a from Post p join p.authors a where p.status = :s"
                        + " and p.deletedAt is null order by a.displayName", Account.class)
                .setParameter("s", PostStatus.PUBLISHED).getResultList().stream()
                .map(DatabaseSiteView::author).toList());
    }

    /**
     * The published posts' tags: each tag's posts from newest to oldest, how many each tag has, and each post's
     * place in that order (newest first). Reading them touches every post's tags, and nearly every view carries its
     * tags' counts, so they are kept until the next page drop: every change to what is published drops pages, here
     * and (by signal) on every other instance. Read in a transaction of its own, so they are always what is
     * committed, never what a caller is in the middle of saving.
     */
    private PublishedTags publishedTags() {
        long drops = pages.dropsSoFar();
        PublishedTags cached = publishedTags;
        if (cached != null && cached.drops() == drops) {
            return cached;
        }
        PublishedTags read = QuarkusTransaction.requiringNew().call(() -> {
            Map<String, List<Integer>> ranksByKey = new HashMap<>();
            Map<Long, Long> counts = new HashMap<>();
            Map<Long, Integer> rankById = new HashMap<>();
            List<Long> idByRank = new ArrayList<>();
            for (Object[] row : Post.getEntityManager().createQuery("select p.id, t.id, t.key from Post p join p.tags t"
                            + " where p.status = :s and p.deletedAt is null order by p.publishedAt desc, p.id desc",
                            Object[].class)
                    .setParameter("s", PostStatus.PUBLISHED).getResultList()) {
                Long postId = (Long) row[0];
                Integer rank = rankById.get(postId);
                if (rank == null) {
                    rank = idByRank.size();
                    rankById.put(postId, rank);
                    idByRank.add(postId);
                }
                counts.merge((Long) row[1], 1L, Long::sum);
                ranksByKey.computeIfAbsent((String) row[2], key -> new ArrayList<>()).add(rank);
            }
            Map<String, int[]> lists = new HashMap<>();
            ranksByKey.forEach((key, ranks) -> lists.put(key, ranks.stream().mapToInt(Integer::intValue).toArray()));
            return new PublishedTags(drops, Map.copyOf(counts), Map.copyOf(lists), Map.copyOf(rankById),
                    idByRank.stream().mapToLong(Long::longValue).toArray());
        });
        publishedTags = read;
        return read;
    }

    private Map<Long, Long> tagCounts() {
        return publishedTags().countsByTagId();
    }

    /** Ranks: a post's place among the published posts with tags, newest first. */
    private record PublishedTags(long drops, Map<Long, Long> countsByTagId, Map<String, int[]> ranksByTagKey,
                                 Map<Long, Integer> rankById, long[] idByRank) {
    }

    private volatile PublishedTags publishedTags;

    private PostView view(Post post, Map<Long, Long> counts) {
        Map<String, Object> extra;
        try {
            extra = json.readValue(post.extraJson, new TypeReference<Map<String, Object>>() {
            });
        } catch (Exception e) {
            extra = Map.of();
        }
        extra.values().removeIf(java.util.Objects::isNull);
        return new PostView(String.valueOf(post.id), post.slug, post.title, post.path,
                post.publishedAt == null ? null : post.publishedAt.atOffset(ZoneOffset.UTC),
                post.updatedAt.atOffset(ZoneOffset.UTC), post.description, post.excerptHtml, post.html, post.category,
                post.tags.stream().map(t -> new TagView(t.name, t.key, t.urlForm,
                        counts.getOrDefault(t.id, 0L).intValue(), t.description, t.coverPath)).toList(),
                post.authors.stream().map(DatabaseSiteView::author).toList(), extra);
    }

    private static AuthorView author(Account account) {
        return new AuthorView(account.handle, account.displayName, account.bio == null ? "" : account.bio,
                account.avatarPath);
    }
}
