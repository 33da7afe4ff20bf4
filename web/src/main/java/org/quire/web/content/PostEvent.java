package org.quire.web.content;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
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

/** One step of a post's editorial history: a change of status, by whom, when, and the reviewer's comment. */
@Entity
@Table(name = "post_event")
public class PostEvent extends PanacheEntityBase {

    public enum Kind { SUBMITTED, SENT_BACK, APPROVED, SCHEDULED, PUBLISHED, UNPUBLISHED, DELETED, RESTORED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "post_id")
    public Post post;

    /** Null when the scheduler did it. */
    @ManyToOne
    @JoinColumn(name = "account_id")
    public Account account;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status", nullable = false)
    public PostStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false)
    public PostStatus toStatus;

    @Column(name = "publish_at")
    public Instant publishAt;

    @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
    public String comment;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
