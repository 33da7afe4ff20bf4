package org.quire.web.site;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The site's own settings: one row, created on first start. */
@Entity
@Table(name = "site")
public class Site extends PanacheEntityBase {

    /** The id of the only row. */
    public static final long THE_SITE = 1L;

    @Id
    public Long id;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String description;

    /** Absolute base URL without trailing slash; canonical URLs, feeds and the sitemap use it, never the Host header. */
    @Column(nullable = false)
    public String url;

    @Column(name = "base_path", nullable = false)
    public String basePath;

    /** A BCP 47 language tag such as {@code zh-CN}; the pages' {@code lang}. */
    @Column(nullable = false)
    public String locale;

    @Column(name = "time_zone", nullable = false)
    public String timeZone;

    /** A Jekyll permalink pattern or style. */
    @Column(nullable = false)
    public String permalink;

    @Column(name = "posts_per_page", nullable = false)
    public int postsPerPage;

    /** What {@code {{ site.KEY }}} in posts resolves to besides the settings above, as a JSON object. */
    @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.LONG32VARCHAR)
    @Column(name = "liquid_json")
    public String liquidJson;

    /**
     * Whether editors' and administrators' raw HTML, and imported posts', is kept as written; when off it is cleaned
     * like everyone else's. On by default, as WordPress trusts its editors and administrators with unfiltered HTML.
     */
    @Column(name = "trust_staff_html", nullable = false)
    public boolean trustStaffHtml = true;

    /**
     * Who must sign in with a second factor: {@code nobody} (each person chooses), {@code administrators}, or
     * {@code editors} (editors and administrators).
     */
    @Column(name = "two_factor_required", nullable = false)
    public String twoFactorRequired = "nobody";

    @Version
    public long version;

    public static Site get() {
        Site site = findById(THE_SITE);
        if (site == null) {
            throw new IllegalStateException("The site settings row is missing; it is created on first start");
        }
        return site;
    }
}
