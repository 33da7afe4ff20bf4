package org.quire.web.accounts;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A person known to the site: an author shown on posts and, when {@link #canSignIn}, someone who signs in. Handles
 * and e-mail addresses are stored lower-case, so uniqueness ignores case on every database.
 */
@Entity
@Table(name = "account")
public class Account extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, unique = true)
    public String handle;

    @Column(unique = true)
    public String email;

    @Column(name = "display_name", nullable = false)
    public String displayName;

    @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
    public String bio;

    @Column(name = "avatar_path")
    public String avatarPath;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Role role;

    /** Bcrypt hash; null for an account that signs in elsewhere (single sign-on) or not at all. */
    @Column(name = "password_hash")
    public String passwordHash;

    @Column(name = "can_sign_in", nullable = false)
    public boolean canSignIn;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** False once an administrator deactivates the account: its sessions and tokens stop working at once. */
    @Column(nullable = false)
    public boolean active = true;

    /** Failed sign-ins since the last successful one; from the fifth on, each locks the account for longer. */
    @Column(name = "failed_sign_ins", nullable = false)
    public int failedSignIns;

    @Column(name = "locked_until")
    public Instant lockedUntil;

    /** The OpenID Connect subject when the account signs in through single sign-on. */
    @Column(name = "sso_subject", unique = true)
    public String ssoSubject;

    /** The confirmed two-factor secret (Base32); null while the account signs in with its password alone. */
    @Column(name = "totp_secret")
    public String totpSecret;

    /** A secret shown for setting up an authenticator, kept until a code from it confirms it. */
    @Column(name = "totp_pending_secret")
    public String totpPendingSecret;

    @Column(name = "totp_enabled_at")
    public Instant totpEnabledAt;

    /** The 30-second step of the last code accepted: a code is never accepted twice. */
    @Column(name = "totp_last_step")
    public Long totpLastStep;

    @Version
    public long version;

    public static Optional<Account> findByHandle(String handle) {
        return find("handle", handle.trim().toLowerCase(Locale.ROOT)).firstResultOptional();
    }

    public static Optional<Account> findByEmail(String email) {
        return find("email", email.trim().toLowerCase(Locale.ROOT)).firstResultOptional();
    }
}
