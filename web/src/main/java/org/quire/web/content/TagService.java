package org.quire.web.content;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.quire.core.site.Tag;
import org.quire.core.source.FrontMatterEditor;
import org.quire.core.source.PostMetadata;
import org.quire.core.source.PostSource;
import org.quire.web.accounts.Account;
import org.quire.web.site.Site;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Renaming and merging tags so that posts follow: each post carrying the tag gets its front matter's tag list
 * rewritten (nothing else in the file changes) and is saved as a new revision by whoever made the change, so the
 * Markdown, the database and the site agree, and the change can be undone post by post.
 */
@ApplicationScoped
public class TagService {

    @Inject
    PostService posts;

    @Inject
    SiteEngine engines;

    /** What a rename or merge did. */
    public record Result(TagEntity tag, int postsChanged) {
    }

    public TagEntity find(String urlFormOrName) {
        return QuarkusTransaction.joiningExisting().call(() -> TagEntity.findByTag(Tag.fromUrlForm(urlFormOrName))
                .orElseThrow(() -> new ContentException(ContentException.Reason.NOT_FOUND, "tag",
                        "There is no tag '" + Tag.fromUrlForm(urlFormOrName).name() + "'")));
    }

    public Result rename(TagEntity tag, String newName, Account by) {
        if (newName == null || newName.isBlank() || newName.length() > 100) {
            throw new ContentException(ContentException.Reason.INVALID, "name", "A tag name has 1 to 100 characters");
        }
        Tag renamed = new Tag(newName.strip());
        TagEntity existing = QuarkusTransaction.joiningExisting().call(() -> TagEntity.findByTag(renamed).orElse(null));
        if (existing != null && !existing.id.equals(tag.id)) {
            throw new ContentException(ContentException.Reason.CONFLICT, "name", "The tag '" + existing.name
                    + "' exists already; merge into it instead");
        }
        return replace(tag, renamed, by);
    }

    public Result merge(TagEntity from, TagEntity into, Account by) {
        if (from.id.equals(into.id)) {
            throw new ContentException(ContentException.Reason.INVALID, "into", "A tag cannot be merged into itself");
        }
        return replace(from, into.tag(), by);
    }

    /** Replaces {@code from} by {@code to} in every post that carries it, then keeps the tag's description. */
    private Result replace(TagEntity from, Tag to, Account by) {
        List<Long> ids = QuarkusTransaction.requiringNew().call(() -> Post.<Post>find(
                "select p from Post p join p.tags t where t.id = ?1 and p.deletedAt is null order by p.id", from.id).stream()
                .map(p -> p.id).toList());
        int changed = 0;
        for (Long id : ids) {
            QuarkusTransaction.requiringNew().run(() -> {
                Post post = Post.findById(id);
                String edited = retagged(post.source, from.key, to);
                posts.update(id, post.version, edited, by);
            });
            changed++;
        }
        TagEntity result = QuarkusTransaction.requiringNew().call(() -> {
            TagEntity old = TagEntity.findById(from.id);
            TagEntity target = TagEntity.findOrCreate(to);
            if (target.id.equals(old.id)) {
                // Same identity, new spelling.
                target.name = to.name();
                target.urlForm = to.urlForm();
                return target;
            }
            if (target.description == null || target.description.isBlank()) {
                target.description = old.description;
            }
            if (target.coverPath == null) {
                target.coverPath = old.coverPath;
            }
            if (postsCarrying(old.id, true) == 0) {
                old.delete();
            }
            return target;
        });
        return new Result(result, changed);
    }

    /** The source with its tag list rewritten: {@code fromKey} becomes {@code to}, each tag once. */
    String retagged(String source, String fromKey, Tag to) {
        PostMetadata metadata = QuarkusTransaction.joiningExisting().call(() -> engines.engineFor(Site.get())
                .read(new PostSource("post.md", source)).metadata());
        Map<String, String> names = new LinkedHashMap<>();
        for (Tag tag : metadata.tags()) {
            Tag kept = tag.key().equals(fromKey) ? to : tag;
            names.putIfAbsent(kept.key(), kept.name());
        }
        String key = metadata.frontMatter().containsKey("tags") || !metadata.frontMatter().containsKey("tag")
                ? "tags" : "tag";
        return FrontMatterEditor.withList(source, key, new ArrayList<>(names.values()));
    }

    /** How many posts carry a tag; those in the bin only when {@code includingBin}. */
    public static long postsCarrying(long tagId, boolean includingBin) {
        return QuarkusTransaction.joiningExisting().call(() -> Post.getEntityManager().createQuery(
                "select count(p) from Post p join p.tags t where t.id = :tag"
                        + (includingBin ? "" : " and p.deletedAt is null"), Long.class)
                .setParameter("tag", tagId).getSingleResult());
    }

    /** How many published posts carry each of these tags (by id), as committed, in the caller's transaction. */
    public static Map<Long, Long> publishedPostsCarrying(List<Long> tagIds) {
        if (tagIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, Long> counts = new java.util.HashMap<>();
        for (Object[] row : Post.getEntityManager().createQuery("select t.id, count(p) from Post p join p.tags t"
                        + " where t.id in :ids and p.status = :published and p.deletedAt is null group by t.id",
                        Object[].class)
                .setParameter("ids", tagIds).setParameter("published", PostStatus.PUBLISHED).getResultList()) {
            counts.put((Long) row[0], (Long) row[1]);
        }
        return counts;
    }

    public TagEntity describe(TagEntity tag, String description, String coverPath) {
        return QuarkusTransaction.requiringNew().call(() -> {
            TagEntity stored = TagEntity.findById(tag.id);
            if (description != null) {
                stored.description = description.isBlank() ? null : description.strip();
            }
            if (coverPath != null) {
                stored.coverPath = coverPath.isBlank() ? null : coverPath.strip();
            }
            return stored;
        });
    }
}
