package org.quire.web.publicsite;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.quire.web.accounts.Account;
import org.quire.web.content.Post;
import org.quire.web.content.PostStatus;
import org.quire.web.content.TagEntity;
import org.quire.web.site.Site;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Keeps the current {@link PublishedSite}: read once after each page drop, in a transaction of its own so it is
 * always what is committed, never what a caller is in the middle of saving. A site of 10,000 posts reads in a few
 * hundred milliseconds; a page then costs no query for its lists.
 */
@ApplicationScoped
public class PublishedSites {

    private static final String PUBLISHED = "p.status = :s and p.deletedAt is null";

    @Inject
    PageCache pages;

    @Inject
    EntityManager entities;

    private volatile PublishedSite current;
    private final java.util.concurrent.atomic.AtomicLong reads = new java.util.concurrent.atomic.AtomicLong();

    /** The published site as of the latest page drop. */
    public PublishedSite current() {
        PublishedSite site = current;
        long drops = pages.dropsSoFar();
        if (site != null && site.drops() == drops) {
            return site;
        }
        synchronized (this) {
            site = current;
            drops = pages.dropsSoFar();
            if (site != null && site.drops() == drops) {
                return site;
            }
            long readAt = drops;
            reads.incrementAndGet();
            PublishedSite read = QuarkusTransaction.requiringNew().call(() -> read(readAt));
            current = read;
            return read;
        }
    }

    /** How many times the published site was read so far: it reads every published post. */
    public long readsSoFar() {
        return reads.get();
    }

    private PublishedSite read(long drops) {
        // Each query reads what it joins: rows committed between two statements cannot leave one without the other.
        Map<Long, PublishedSite.Tag> tagsById = new HashMap<>();
        Map<Long, List<PublishedSite.Tag>> tagsByPost = new HashMap<>();
        for (Object[] row : entities.createQuery("select p.id, t from Post p join p.tags t where " + PUBLISHED
                        + " order by p.id, index(t)", Object[].class)
                .setParameter("s", PostStatus.PUBLISHED).getResultList()) {
            TagEntity entity = (TagEntity) row[1];
            PublishedSite.Tag tag = tagsById.computeIfAbsent(entity.id, id -> new PublishedSite.Tag(entity.id,
                    entity.name, entity.key, entity.urlForm, entity.description, entity.coverPath));
            tagsByPost.computeIfAbsent((Long) row[0], id -> new ArrayList<>()).add(tag);
        }
        Map<Long, PublishedSite.Author> authorsById = new HashMap<>();
        Map<Long, List<PublishedSite.Author>> authorsByPost = new HashMap<>();
        for (Object[] row : entities.createQuery("select p.id, a from Post p join p.authors a where " + PUBLISHED
                        + " order by p.id, index(a)", Object[].class)
                .setParameter("s", PostStatus.PUBLISHED).getResultList()) {
            Account account = (Account) row[1];
            PublishedSite.Author author = authorsById.computeIfAbsent(account.id, id -> new PublishedSite.Author(
                    account.id, account.handle, account.displayName, account.bio, account.avatarPath));
            authorsByPost.computeIfAbsent((Long) row[0], id -> new ArrayList<>()).add(author);
        }
        List<PublishedSite.Entry> posts = new ArrayList<>();
        for (Object[] row : entities.createQuery("select p.id, p.version, p.slug, p.path, p.title, p.description, p.category,"
                        + " p.excerptHtml, p.excerptText, p.tocJson, p.extraJson, p.readingMinutes, p.publishedAt,"
                        + " p.createdAt, p.updatedAt from Post p where " + PUBLISHED
                        + " order by p.publishedAt desc, p.id desc", Object[].class)
                .setParameter("s", PostStatus.PUBLISHED).getResultList()) {
            Long id = (Long) row[0];
            posts.add(new PublishedSite.Entry(posts.size(), id, (Long) row[1], (String) row[2], (String) row[3],
                    (String) row[4], (String) row[5], (String) row[6], (String) row[7], (String) row[8],
                    (String) row[9], (String) row[10], (Integer) row[11], (Instant) row[12], (Instant) row[13],
                    (Instant) row[14],
                    List.copyOf(authorsByPost.getOrDefault(id, List.of())),
                    List.copyOf(tagsByPost.getOrDefault(id, List.of()))));
        }
        Map<String, String> redirects = new HashMap<>();
        for (Object[] row : entities.createQuery("select r.fromPath, p.path from Redirect r join r.post p where "
                + PUBLISHED, Object[].class).setParameter("s", PostStatus.PUBLISHED).getResultList()) {
            redirects.put((String) row[0], (String) row[1]);
        }
        Site site = Site.get();
        entities.clear();
        return new PublishedSite(drops, site, posts, redirects, new DatabaseHtml());
    }

    /** HTML straight from the post table; only published posts', so a snapshot never shows a draft's. */
    private final class DatabaseHtml implements PublishedSite.HtmlReader {

        @Override
        public Map<Long, String> read(Collection<Long> ids) {
            return QuarkusTransaction.joiningExisting().call(() -> {
                Map<Long, String> html = new HashMap<>();
                List<Long> all = List.copyOf(ids);
                // Bounded IN lists: databases limit bind parameters per statement.
                for (int start = 0; start < all.size(); start += 500) {
                    for (Object[] row : entities.createQuery("select p.id, p.html from Post p where p.id in :ids"
                                    + " and " + PUBLISHED, Object[].class)
                            .setParameter("ids", all.subList(start, Math.min(all.size(), start + 500)))
                            .setParameter("s", PostStatus.PUBLISHED).getResultList()) {
                        html.put((Long) row[0], (String) row[1]);
                    }
                }
                return html;
            });
        }

        @Override
        public Map<Long, String> readAll() {
            return QuarkusTransaction.requiringNew().call(() -> {
                Map<Long, String> html = new HashMap<>();
                try (var rows = entities.createQuery("select p.id, p.html from Post p where " + PUBLISHED,
                        Object[].class).setParameter("s", PostStatus.PUBLISHED).getResultStream()) {
                    rows.forEach(row -> html.put((Long) row[0], (String) row[1]));
                }
                return html;
            });
        }
    }
}
