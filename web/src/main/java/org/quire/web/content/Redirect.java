package org.quire.web.content;

import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A path a post was once served at (an old slug, an imported {@code redirect_from}); it answers 301. */
@Entity
@Table(name = "redirect")
public class Redirect extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "from_path", nullable = false, unique = true)
    public String fromPath;

    @ManyToOne(optional = false)
    @JoinColumn(name = "post_id")
    public Post post;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static Optional<Redirect> findByPath(String path) {
        return find("fromPath", path).firstResultOptional();
    }
}
