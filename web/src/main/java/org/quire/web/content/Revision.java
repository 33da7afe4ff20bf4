package org.quire.web.content;

import java.time.Instant;

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

/** One saved state of a post's source, numbered from 1 per post; never changed once written. */
@Entity
@Table(name = "revision")
public class Revision extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "post_id")
    public Post post;

    @Column(nullable = false)
    public int number;

    @Column(nullable = false)
    public String title;

    @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
    @Column(nullable = false)
    public String source;

    @ManyToOne
    @JoinColumn(name = "author_id")
    public Account author;

    public String note;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
