package org.quire.web.plugins;

import java.time.ZoneId;
import java.time.ZoneOffset;
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

    /** One grouped query for the ids, then only those posts are loaded. */
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
        List<String> keys = post.tags().stream().map(TagView::key).toList();
        return QuarkusTransaction.joiningExisting().call(() -> {
            List<Long> ids = Post.getEntityManager().createQuery("select p.id from Post p join p.tags t"
                            + " where t.key in :keys and p.id <> :id and p.status = :status and p.deletedAt is null"
                            + " group by p.id, p.publishedAt order by count(t) desc, p.publishedAt desc, p.id desc",
                            Long.class)
                    .setParameter("keys", keys).setParameter("id", id).setParameter("status", PostStatus.PUBLISHED)
                    .setMaxResults(limit).getResultList();
            if (ids.isEmpty()) {
                return List.<PostView>of();
            }
            Map<Long, Long> counts = tagCounts();
            Map<Long, Post> byId = new java.util.HashMap<>();
            Post.<Post>list("id in ?1", ids).forEach(p -> byId.put(p.id, p));
            return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).map(p -> view(p, counts)).toList();
        });
    }

    @Override
    public List<String> categories() {
        return QuarkusTransaction.joiningExisting().call(() -> Post.getEntityManager()
                .createQuery("select distinct p.category from Post p where p.status = :s and p.deletedAt is null"
                        + " and p.category is not null order by p.category", String.class)
                .setParameter("s", PostStatus.PUBLISHED).getResultList());
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

    private static Map<Long, Long> tagCounts() {
        Map<Long, Long> counts = new HashMap<>();
        for (Object[] row : Post.getEntityManager().createQuery("select t.id, count(p) from Post p join p.tags t"
                        + " where p.status = :s and p.deletedAt is null group by t.id", Object[].class)
                .setParameter("s", PostStatus.PUBLISHED).getResultList()) {
            counts.put((Long) row[0], (Long) row[1]);
        }
        return counts;
    }

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
