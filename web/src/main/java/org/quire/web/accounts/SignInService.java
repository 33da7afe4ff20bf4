package org.quire.web.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.quarkus.elytron.security.common.BcryptUtil;

/**
 * Built-in accounts: signing in with a password, sessions, sign-out, password changes, one-time links for
 * invitations and resets, deactivation. Passwords are bcrypt hashes; sessions, tokens and links are stored hashed.
 */
@ApplicationScoped
public class SignInService {

    public static final Duration SESSION_LIFETIME = Duration.ofDays(14);
    public static final Duration LINK_LIFETIME = Duration.ofDays(7);
    public static final int MINIMUM_PASSWORD_LENGTH = 10;
    /** Failed sign-ins allowed before the account locks: 1 minute, then 2, 4, … up to an hour. */
    static final int FREE_FAILURES = 4;
    static final Duration LONGEST_LOCK = Duration.ofHours(1);
    /** Checked against when the account does not exist, so a wrong handle costs as long as a wrong password. */
    private static final String DUMMY_HASH = BcryptUtil.bcryptHash("no such account, no such password");

    /** How long someone who typed the right password has to type the code of their second factor. */
    public static final Duration SECOND_STEP_LIFETIME = Duration.ofMinutes(5);

    /**
     * The outcome of a sign-in: a session token for the cookie; or, for an account with two-factor sign-in, the
     * token of the step where the code is asked; or why not (worded for the person at the form).
     */
    public record Result(String sessionToken, String problem, Instant lockedUntil, String secondStep) {

        public Result(String sessionToken, String problem, Instant lockedUntil) {
            this(sessionToken, problem, lockedUntil, null);
        }

        public boolean ok() {
            return sessionToken != null;
        }

        public boolean needsCode() {
            return secondStep != null;
        }
    }

    @Inject
    Clock clock;

    @Inject
    TwoFactor twoFactor;

    @Transactional
    public Result signIn(String handleOrEmail, String password) {
        Instant now = clock.instant();
        String login = handleOrEmail == null ? "" : handleOrEmail.trim().toLowerCase(Locale.ROOT);
        Optional<Account> found = login.contains("@") ? Account.findByEmail(login) : Account.findByHandle(login);
        // Locked for the rest of the transaction, so parallel guesses are each counted, one after another.
        Account account = found.map(a -> Account.<Account>findById(a.id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE))
                .filter(a -> a.canSignIn && a.active && a.passwordHash != null).orElse(null);
        if (account == null) {
            BcryptUtil.matches(password == null ? "" : password, DUMMY_HASH);
            return new Result(null, "The name or password is wrong.", null);
        }
        if (account.lockedUntil != null && now.isBefore(account.lockedUntil)) {
            return new Result(null, "Too many failed sign-ins: this account is locked until "
                    + account.lockedUntil + " (UTC).", account.lockedUntil);
        }
        if (password == null || !BcryptUtil.matches(password, account.passwordHash)) {
            return failed(account, now, "The name or password is wrong.");
        }
        if (account.totpSecret != null) {
            // Failures are cleared only by the right code: a known password alone does not reset the count.
            return new Result(null, null, null, newSecondStep(account, now));
        }
        account.failedSignIns = 0;
        account.lockedUntil = null;
        return new Result(openSession(account), null, null);
    }

    /**
     * The second step of a sign-in: the code from the authenticator app, or a recovery code. Wrong codes count
     * against the account as wrong passwords do, and lock it the same way.
     */
    @Transactional
    public Result completeSignIn(String secondStep, String code) {
        Instant now = clock.instant();
        Optional<AccountLink> step = AccountLink.findByToken(secondStep == null ? "" : secondStep)
                .filter(link -> link.purpose == AccountLink.Purpose.SECOND_FACTOR && link.usableAt(now));
        if (step.isEmpty()) {
            return new Result(null, "This sign-in has expired; enter your name and password again.", null);
        }
        Account account = Account.findById(step.get().account.id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (!account.canSignIn || account.totpSecret == null) {
            return new Result(null, "This sign-in has expired; enter your name and password again.", null);
        }
        if (account.lockedUntil != null && now.isBefore(account.lockedUntil)) {
            step.get().usedAt = now;
            return new Result(null, "Too many failed sign-ins: this account is locked until "
                    + account.lockedUntil + " (UTC).", account.lockedUntil);
        }
        if (!twoFactor.acceptCode(account, code)) {
            Result refused = failed(account, now, "The code is wrong, or was used already; type the one the app"
                    + " shows now, or a recovery code.");
            if (refused.lockedUntil() != null) {
                step.get().usedAt = now;
                return refused;
            }
            return new Result(null, refused.problem(), null, secondStep);
        }
        step.get().usedAt = now;
        account.failedSignIns = 0;
        account.lockedUntil = null;
        return new Result(openSession(account), null, null);
    }

    /** Counts a failed password or code; from the fifth on, each locks the account for longer. */
    private static Result failed(Account account, Instant now, String problem) {
        account.failedSignIns++;
        int beyond = account.failedSignIns - FREE_FAILURES;
        if (beyond > 0) {
            Duration lock = Duration.ofMinutes(1L << Math.min(beyond - 1, 6));
            account.lockedUntil = now.plus(lock.compareTo(LONGEST_LOCK) > 0 ? LONGEST_LOCK : lock);
            return new Result(null, problem + " After " + account.failedSignIns + " failed sign-ins the account"
                    + " is locked until " + account.lockedUntil + " (UTC).", account.lockedUntil);
        }
        return new Result(null, problem, null);
    }

    private String newSecondStep(Account account, Instant now) {
        String token = Secrets.newToken();
        AccountLink link = new AccountLink();
        link.account = account;
        link.purpose = AccountLink.Purpose.SECOND_FACTOR;
        link.tokenHash = Secrets.hash(token);
        link.createdAt = now;
        link.expiresAt = now.plus(SECOND_STEP_LIFETIME);
        link.persist();
        return token;
    }

    /** A new session for an account that has proved who it is; returns the token for the cookie. */
    @Transactional
    public String openSession(Account account) {
        Instant now = clock.instant();
        String token = Secrets.newToken();
        SignInSession session = new SignInSession();
        session.tokenHash = Secrets.hash(token);
        session.account = Account.findById(account.id);
        session.csrfToken = Secrets.newToken();
        session.createdAt = now;
        session.lastSeenAt = now;
        session.expiresAt = now.plus(SESSION_LIFETIME);
        session.persist();
        return token;
    }

    @Transactional
    public void signOut(String sessionToken) {
        SignInSession.findByToken(sessionToken).ifPresent(SignInSession::delete);
    }

    /**
     * Changes the password after checking the current one; every other session of the account ends.
     *
     * @return a problem for the form, or empty when changed
     */
    @Transactional
    public Optional<String> changePassword(Account account, String current, String replacement,
                                           SignInSession keep) {
        Account stored = Account.findById(account.id);
        if (stored.passwordHash == null) {
            return Optional.of("This account signs in elsewhere (single sign-on) and has no password here.");
        }
        if (current == null || !BcryptUtil.matches(current, stored.passwordHash)) {
            return Optional.of("The current password is wrong.");
        }
        Optional<String> weak = weakness(replacement);
        if (weak.isPresent()) {
            return weak;
        }
        stored.passwordHash = BcryptUtil.bcryptHash(replacement);
        SignInSession.delete("account = ?1 and id <> ?2", stored, keep == null ? -1L : keep.id);
        return Optional.empty();
    }

    public static Optional<String> weakness(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MINIMUM_PASSWORD_LENGTH) {
            return Optional.of("Choose a password of at least " + MINIMUM_PASSWORD_LENGTH + " characters.");
        }
        if (password.length() > 200) {
            return Optional.of("Choose a password of at most 200 characters.");
        }
        return Optional.empty();
    }

    /** A one-time link for an invitation or a reset; returns the token to put in the link (shown once). */
    @Transactional
    public String newLink(Account account, AccountLink.Purpose purpose, Account createdBy) {
        Instant now = clock.instant();
        String token = Secrets.newToken();
        AccountLink link = new AccountLink();
        link.account = Account.findById(account.id);
        link.purpose = purpose;
        link.tokenHash = Secrets.hash(token);
        link.createdBy = createdBy == null ? null : Account.findById(createdBy.id);
        link.createdAt = now;
        link.expiresAt = now.plus(LINK_LIFETIME);
        link.persist();
        return token;
    }

    /** The account a one-time link is for, while it can still be used. */
    @Transactional
    public Optional<Account> accountForLink(String token) {
        Instant now = clock.instant();
        return passwordLink(token, now).map(l -> l.account);
    }

    /**
     * Sets a password through a one-time link, which is then used up; other sessions of the account end (a reset
     * means someone else may know the old password). Returns the session token, or a problem.
     */
    @Transactional
    public Result usePasswordLink(String token, String password) {
        Instant now = clock.instant();
        Optional<AccountLink> link = passwordLink(token, now);
        if (link.isEmpty()) {
            return new Result(null, "This link has expired or was already used; ask an administrator for a new one.",
                    null);
        }
        Optional<String> weak = weakness(password);
        if (weak.isPresent()) {
            return new Result(null, weak.get(), null);
        }
        Account account = link.get().account;
        account.passwordHash = BcryptUtil.bcryptHash(password);
        account.canSignIn = true;
        account.failedSignIns = 0;
        account.lockedUntil = null;
        link.get().usedAt = now;
        SignInSession.deleteFor(account);
        if (account.totpSecret != null) {
            // A reset link proves the e-mail, not the second factor: the code is still asked.
            return new Result(null, null, null, newSecondStep(account, now));
        }
        return new Result(openSession(account), null, null);
    }

    /** An invitation or reset link still usable; a second-factor step is no way to set a password. */
    private static Optional<AccountLink> passwordLink(String token, Instant now) {
        return AccountLink.findByToken(token == null ? "" : token)
                .filter(l -> l.purpose != AccountLink.Purpose.SECOND_FACTOR && l.usableAt(now));
    }

    /** Deactivates or reactivates; a deactivated account's sessions end and its tokens are revoked at once. */
    @Transactional
    public void setActive(Account account, boolean active) {
        Account stored = Account.findById(account.id);
        stored.active = active;
        if (!active) {
            SignInSession.deleteFor(stored);
            ApiToken.update("revokedAt = ?1 where account = ?2 and revokedAt is null", clock.instant(), stored);
        }
    }
}
