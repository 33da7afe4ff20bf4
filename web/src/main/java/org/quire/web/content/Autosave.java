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

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.quire.web.accounts.Account;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * What someone is typing into a post, saved every few seconds by the editor: one row per post and person, replaced
 * each time, and removed when they save for real. It is not a revision, so autosaving never floods the history.
 */
@Entity
@Table(name = "autosave")
public class Autosave extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "post_id")
    public Post post;

    @ManyToOne(optional = false)
    @JoinColumn(name = "account_id")
    public Account account;

    @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
    @Column(nullable = false)
    public String source;

    /** The post's version the text was started from, so a later real save can be checked against it. */
    @Column(name = "base_version", nullable = false)
    public long baseVersion;

    @Column(name = "saved_at", nullable = false)
    public Instant savedAt;

    public static Optional<Autosave> of(long postId, long accountId) {
        return find("post.id = ?1 and account.id = ?2", postId, accountId).firstResultOptional();
    }
}
