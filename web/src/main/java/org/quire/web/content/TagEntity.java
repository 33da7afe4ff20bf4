package org.quire.web.content;

import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.quire.core.site.Tag;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A tag as stored: unique by {@link Tag#key()}, the platform's one tag identity, so {@code Nova} and {@code nova}
 * are one row on every database.
 */
@Entity
@Table(name = "tag")
public class TagEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "tag_key", nullable = false, unique = true)
    public String key;

    @Column(nullable = false)
    public String name;

    @Column(name = "url_form", nullable = false)
    public String urlForm;

    @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
    public String description;

    @Column(name = "cover_path")
    public String coverPath;

    @Version
    public long version;

    public static Optional<TagEntity> findByTag(Tag tag) {
        return find("key", tag.key()).firstResultOptional();
    }

    /** The stored tag for {@code tag}, created with its first spelling as the display name if new. */
    public static TagEntity findOrCreate(Tag tag) {
        return findByTag(tag).orElseGet(() -> {
            TagEntity entity = new TagEntity();
            entity.key = tag.key();
            entity.name = tag.name();
            entity.urlForm = tag.urlForm();
            entity.persist();
            return entity;
        });
    }

    public Tag tag() {
        return new Tag(name);
    }
}
