package org.quire.web.content;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.quire.web.accounts.Account;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A post: its Markdown source with front matter as written, and what the engine made of it when it was saved
 * (HTML, excerpt, table of contents, counts). Saving through {@code PostService} keeps the two in step.
 * {@link #version} gives optimistic locking: two editors saving the same version cannot both win.
 */
@Entity
@Table(name = "post")
public class Post extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, unique = true)
    public String slug;

    /** The site path the post is served at (without the base path), such as {@code /2017/12/aws-reinvent/}. */
    @Column(nullable = false, unique = true)
    public String path;

    @Column(nullable = false)
    public String title;

    @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
    public String description;

    public String category;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PostStatus status;

    @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
    @Column(nullable = false)
    public String source;

    @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
    @Column(nullable = false)
    public String html;

    @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
    @Column(name = "excerpt_html", nullable = false)
    public String excerptHtml;

    @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
    @Column(name = "excerpt_text", nullable = false)
    public String excerptText;

    /** The table of contents as JSON: [{level, id, text}]. */
    @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
    @Column(name = "toc_json", nullable = false)
    public String tocJson;

    /** Front-matter keys Quire does not interpret, as JSON; values may be long. */
    @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
    @Column(name = "extra_json", nullable = false)
    public String extraJson;

    @Column(name = "word_count", nullable = false)
    public int wordCount;

    @Column(name = "reading_minutes", nullable = false)
    public int readingMinutes;

    /** Whether the HTML was rendered with the author's raw HTML trusted (decided from the saver's role). */
    @Column(name = "trusted_html", nullable = false)
    public boolean trustedHtml;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Set when the post is deleted; a deleted post can be restored until it is purged. */
    @Column(name = "deleted_at")
    public Instant deletedAt;

    /** The file of an imported Jekyll site this post came from, relative to the site's folder; null when written here. */
    @Column(name = "import_source")
    public String importSource;

    /** The SHA-256 (hex) of the text last imported from {@link #importSource}; null when written here. */
    @Column(name = "import_hash")
    public String importHash;

    @ManyToMany
    @JoinTable(name = "post_author", joinColumns = @JoinColumn(name = "post_id"),
            inverseJoinColumns = @JoinColumn(name = "account_id"))
    @OrderColumn(name = "position")
    public List<Account> authors = new ArrayList<>();

    @ManyToMany
    @JoinTable(name = "post_tag", joinColumns = @JoinColumn(name = "post_id"),
            inverseJoinColumns = @JoinColumn(name = "tag_id"))
    @OrderColumn(name = "position")
    public List<TagEntity> tags = new ArrayList<>();

    @Version
    public long version;

    public static Optional<Post> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    /**
     * One page of posts by a query that selects their ids ({@code select p.id from Post p …}, named parameters):
     * the database sorts and skips small rows, and only the page's posts are loaded whole. Sorting whole posts
     * (with their source and HTML) to skip most of them made every later list page slower on H2.
     */
    public static List<Post> page(String idQuery, int page, int size, java.util.Map<String, Object> parameters) {
        jakarta.persistence.TypedQuery<Long> query = getEntityManager().createQuery(idQuery, Long.class);
        parameters.forEach(query::setParameter);
        return inOrder(query.setFirstResult(Math.max(0, page - 1) * size).setMaxResults(size).getResultList());
    }

    private static List<Post> inOrder(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        java.util.Map<Long, Post> byId = new java.util.HashMap<>();
        Post.<Post>list("id in ?1", ids).forEach(post -> byId.put(post.id, post));
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    public static Optional<Post> findByPath(String path) {
        return find("path", path).firstResultOptional();
    }

    public boolean isPublic() {
        return status == PostStatus.PUBLISHED && deletedAt == null;
    }
}
