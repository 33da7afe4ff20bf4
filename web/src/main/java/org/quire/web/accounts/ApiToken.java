package org.quire.web.accounts;

import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A personal token for scripts: sent as {@code Authorization: Bearer qt_…}, acting with its own role or its owner's,
 * whichever is less. Shown once when created; only its hash and a short prefix (to recognise it in a list) are
 * stored.
 */
@Entity
@Table(name = "api_token")
public class ApiToken extends PanacheEntityBase {

    public static final String PREFIX = "qt_";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "account_id")
    public Account account;

    @Column(nullable = false)
    public String name;

    @Column(name = "token_hash", nullable = false, unique = true)
    public String tokenHash;

    @Column(name = "token_prefix", nullable = false)
    public String tokenPrefix;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Role role;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "last_used_at")
    public Instant lastUsedAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    public static Optional<ApiToken> findByToken(String token) {
        return find("tokenHash", Secrets.hash(token)).firstResultOptional();
    }

    public boolean usableAt(Instant now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt)) && account.active;
    }
}
