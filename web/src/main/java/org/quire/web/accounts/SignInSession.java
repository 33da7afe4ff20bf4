package org.quire.web.accounts;

import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A signed-in browser. Kept in the database, not in one instance's memory, so it survives a restart and every
 * instance behind a load balancer knows it. The cookie holds the token; only its hash is stored.
 */
@Entity
@Table(name = "sign_in_session")
public class SignInSession extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "token_hash", nullable = false, unique = true)
    public String tokenHash;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "account_id")
    public Account account;

    /** Sent back with every state-changing request (a form field or the X-CSRF-Token header). */
    @Column(name = "csrf_token", nullable = false)
    public String csrfToken;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "last_seen_at", nullable = false)
    public Instant lastSeenAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    public static Optional<SignInSession> findByToken(String token) {
        return find("tokenHash", Secrets.hash(token)).firstResultOptional();
    }

    public static long deleteFor(Account account) {
        return delete("account", account);
    }
}
