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

/** A one-time link that lets someone set a password: an invitation or a password reset. */
@Entity
@Table(name = "account_link")
public class AccountLink extends PanacheEntityBase {

    /** SECOND_FACTOR: the few minutes between a right password and the code of an account with two-factor sign-in. */
    public enum Purpose { INVITATION, PASSWORD_RESET, SECOND_FACTOR }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "account_id")
    public Account account;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Purpose purpose;

    @Column(name = "token_hash", nullable = false, unique = true)
    public String tokenHash;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "created_by")
    public Account createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "used_at")
    public Instant usedAt;

    public static Optional<AccountLink> findByToken(String token) {
        return find("tokenHash", Secrets.hash(token)).firstResultOptional();
    }

    public boolean usableAt(Instant now) {
        return usedAt == null && now.isBefore(expiresAt) && account.active;
    }
}
