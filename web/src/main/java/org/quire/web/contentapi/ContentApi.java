package org.quire.web.contentapi;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.quire.web.accounts.Account;
import org.quire.web.accounts.Public;
import org.quire.web.content.Post;
import org.quire.web.content.PostStatus;
import org.quire.web.content.TagEntity;
import org.quire.web.site.Site;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.panache.common.Parameters;

/** The public, read-only content API: what the public site shows, as JSON. Only published posts appear. */
@Public
@Path("/api/content")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Content", description = "Published posts, tags and authors, read-only and public")
public class ContentApi {

    private static final int MAX_PAGE_SIZE = 100;

    @Inject
    ObjectMapper json;

    @Inject
    org.quire.web.publicsite.PageCache pages;

    /**
     * Answers kept until the next page drop, as pages are: every published change drops pages on every instance,
     * so a kept answer is never staler than a cached page. Without this each read queried the database (about 160
     * answers a second under load, against thousands for pages).
     */
    private final java.util.Map<Object, Kept> kept = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(java.util.Map.Entry<Object, Kept> eldest) {
                    return size() > 2_000;
                }
            });

    private record Kept(long drops, Object answer) {
    }

    /** Keys of kept answers: records, so no two different questions can share one. */
    private record PostsQuestion(int page, int size, String tag, String category, String author) {
    }

    private record PostQuestion(String slug) {
    }

    @SuppressWarnings("unchecked")
    private <T> T kept(Object key, java.util.function.Supplier<T> answer) {
        long drops = pages.dropsSoFar();
        Kept hit = kept.get(key);
        if (hit != null && hit.drops() == drops) {
            return (T) hit.answer();
        }
        T fresh = answer.get();
        kept.put(key, new Kept(drops, fresh));
        return fresh;
    }

    public record AuthorRef(String handle, String name) {
    }

    public record TagRef(String name, String urlForm) {
    }

    public record PostItem(String slug, String title, String path, String url, Instant publishedAt, Instant updatedAt,
                           String description, String excerpt, int readingMinutes, int words, String category,
                           List<AuthorRef> authors, List<TagRef> tags) {
    }

    public record TocEntry(int level, String id, String text) {
    }

    public record PostDetail(PostItem post, String html, List<TocEntry> toc) {
    }

    public record PostPage(int page, int size, long total, int pages, List<PostItem> items) {
    }

    public record TagItem(String name, String urlForm, long posts) {
    }

    public record AuthorItem(String handle, String name, String bio, long posts) {
    }

    @GET
    @Path("/posts")
    @Transactional
    @Operation(summary = "Published posts, newest first",
            description = "Filter by tag (any spelling or its URL form), category or author handle; pages start at 1.")
    public PostPage posts(@QueryParam("page") @DefaultValue("1") int page,
                          @QueryParam("size") @DefaultValue("20") int size,
                          @QueryParam("tag") String tag, @QueryParam("category") String category,
                          @QueryParam("author") String author) {
        if (page < 1) {
            throw new BadRequestException("page must be 1 or more, not " + page);
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new BadRequestException("size must be between 1 and " + MAX_PAGE_SIZE + ", not " + size);
        }
        return kept(new PostsQuestion(page, size, tag, category, author),
                () -> postsPage(page, size, tag, category, author));
    }

    private PostPage postsPage(int page, int size, String tag, String category, String author) {
        StringBuilder where = new StringBuilder("p.status = :published and p.deletedAt is null");
        Parameters parameters = Parameters.with("published", PostStatus.PUBLISHED);
        if (tag != null && !tag.isBlank()) {
            where.append(" and exists (select 1 from Post q join q.tags t where q = p and t.key = :tag)");
            parameters.and("tag", org.quire.core.site.Tag.fromUrlForm(tag.trim()).key());
        }
        if (category != null && !category.isBlank()) {
            where.append(" and lower(p.category) = :category");
            parameters.and("category", category.trim().toLowerCase(Locale.ROOT));
        }
        if (author != null && !author.isBlank()) {
            where.append(" and exists (select 1 from Post q join q.authors a where q = p and a.handle = :author)");
            parameters.and("author", author.trim().toLowerCase(Locale.ROOT));
        }
        long total = Post.count("select count(p) from Post p where " + where, parameters);
        List<Post> posts = Post.page("select p.id from Post p where " + where
                + " order by p.publishedAt desc, p.id desc", page, size, parameters.map());
        Site site = Site.get();
        return new PostPage(page, size, total, (int) ((total + size - 1) / size),
                posts.stream().map(p -> item(site, p)).toList());
    }

    @GET
    @Path("/posts/{slug}")
    @Transactional
    @Operation(summary = "One published post by its slug, with its HTML and table of contents")
    public PostDetail post(@PathParam("slug") String slug) {
        return kept(new PostQuestion(slug), () -> postDetail(slug));
    }

    private PostDetail postDetail(String slug) {
        Post post = Post.findBySlug(slug).filter(Post::isPublic)
                .orElseThrow(() -> new NotFoundException("No published post has the slug '" + slug + "'"));
        List<TocEntry> toc;
        try {
            toc = json.readValue(post.tocJson, new TypeReference<List<TocEntry>>() {
            });
        } catch (Exception e) {
            toc = List.of();
        }
        return new PostDetail(item(Site.get(), post), post.html, toc);
    }

    @GET
    @Path("/tags")
    @Transactional
    @Operation(summary = "Tags of published posts with their post counts, most used first")
    public List<TagItem> tags() {
        List<Object[]> rows = TagEntity.getEntityManager().createQuery(
                        "select t, count(p) from Post p join p.tags t where p.status = :published and p.deletedAt is null"
                                + " group by t order by count(p) desc, t.key", Object[].class)
                .setParameter("published", PostStatus.PUBLISHED).getResultList();
        List<TagItem> tags = new ArrayList<>();
        for (Object[] row : rows) {
            TagEntity tag = (TagEntity) row[0];
            tags.add(new TagItem(tag.name, tag.urlForm, (Long) row[1]));
        }
        return tags;
    }

    @GET
    @Path("/authors")
    @Transactional
    @Operation(summary = "Authors of published posts with their post counts")
    public List<AuthorItem> authors() {
        List<Object[]> rows = Account.getEntityManager().createQuery(
                        "select a, count(p) from Post p join p.authors a where p.status = :published and p.deletedAt is null"
                                + " group by a order by a.displayName", Object[].class)
                .setParameter("published", PostStatus.PUBLISHED).getResultList();
        List<AuthorItem> authors = new ArrayList<>();
        for (Object[] row : rows) {
            Account account = (Account) row[0];
            authors.add(new AuthorItem(account.handle, account.displayName, account.bio, (Long) row[1]));
        }
        return authors;
    }

    private static PostItem item(Site site, Post post) {
        return new PostItem(post.slug, post.title, post.path,
                org.quire.web.publicsite.PublicPages.absoluteUrl(site, post.path), post.publishedAt, post.updatedAt,
                post.description, post.excerptText, post.readingMinutes, post.wordCount, post.category,
                post.authors.stream().map(a -> new AuthorRef(a.handle, a.displayName)).toList(),
                post.tags.stream().map(t -> new TagRef(t.name, t.urlForm)).toList());
    }
}
