package org.quire.web.accounts;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.quarkus.elytron.security.common.BcryptUtil;

/**
 * Two-factor sign-in for built-in accounts: setting up an authenticator app (a secret shown once, confirmed by a
 * code from it), recovery codes for a lost phone (each used once), turning it off, and checking a code at sign-in.
 * API tokens are not touched: a token is already a secret of its own, made by someone who signed in.
 */
@ApplicationScoped
public class TwoFactor {

    public static final int RECOVERY_CODES = 10;
    private static final String RECOVERY_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Who the site requires a second factor of; each person may turn it on in any case. */
    public enum Requirement {
        NOBODY, ADMINISTRATORS, EDITORS;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static java.util.Optional<Requirement> fromId(String id) {
            for (Requirement requirement : values()) {
                if (requirement.id().equals(id)) {
                    return java.util.Optional.of(requirement);
                }
            }
            return java.util.Optional.empty();
        }

        public boolean covers(Role role) {
            return switch (this) {
                case NOBODY -> false;
                case ADMINISTRATORS -> role == Role.ADMINISTRATOR;
                case EDITORS -> role == Role.ADMINISTRATOR || role == Role.EDITOR;
            };
        }
    }

    /** A request about two-factor sign-in that cannot be carried out; the message is for the person asking. */
    public static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    /** What an authenticator app needs: the secret to type in, or the address its QR code holds. */
    public record Setup(String secret, String keyUri) {
    }

    public record Status(boolean enabled, java.time.Instant enabledAt, boolean settingUp, int recoveryCodesLeft,
                         boolean required) {
    }

    @Inject
    Clock clock;

    /**
     * Whether {@code account} must set up a second factor before doing anything else: the site requires it of its
     * role, and it signs in here with a password (single sign-on leaves the second factor to the provider).
     */
    public static boolean missing(Account account, String siteRequirement) {
        return account.totpSecret == null && account.passwordHash != null
                && Requirement.fromId(siteRequirement).orElse(Requirement.NOBODY).covers(account.role);
    }

    @Transactional
    public Status status(Account account, String siteRequirement) {
        Account stored = Account.findById(account.id);
        return new Status(stored.totpSecret != null, stored.totpEnabledAt, stored.totpPendingSecret != null,
                stored.totpSecret == null ? 0 : (int) RecoveryCode.unusedOf(stored),
                Requirement.fromId(siteRequirement).orElse(Requirement.NOBODY).covers(stored.role));
    }

    /**
     * A new secret to set up, replacing any unconfirmed one; two-factor sign-in stays as it was until confirmed.
     * The password is asked, so a borrowed session cannot tie the account to someone else's phone.
     */
    @Transactional
    public Setup start(Account account, String password, String issuer) {
        Account stored = Account.findById(account.id);
        if (stored.passwordHash == null || stored.ssoSubject != null) {
            throw new Refused("This account signs in through single sign-on; set up a second factor there.");
        }
        if (password == null || !BcryptUtil.matches(password, stored.passwordHash)) {
            throw new Refused("The password is wrong.");
        }
        if (stored.totpSecret != null) {
            throw new Refused("Two-factor sign-in is already on; turn it off first to set up another app.");
        }
        stored.totpPendingSecret = TimeBasedCodes.newSecret();
        return new Setup(stored.totpPendingSecret, TimeBasedCodes.keyUri(issuer, stored.handle,
                stored.totpPendingSecret));
    }

    /** Turns two-factor sign-in on with a code from the app just set up; returns the recovery codes (shown once). */
    @Transactional
    public List<String> confirm(Account account, String code) {
        Account stored = Account.findById(account.id);
        if (stored.totpPendingSecret == null) {
            throw new Refused("Start the set-up first: there is no secret waiting for a code.");
        }
        long step = TimeBasedCodes.matchingStep(stored.totpPendingSecret, code, clock.instant());
        if (step < 0) {
            throw new Refused("The code is not the app's current one; check the phone's clock and type the code"
                    + " it shows now (six digits).");
        }
        stored.totpSecret = stored.totpPendingSecret;
        stored.totpPendingSecret = null;
        stored.totpEnabledAt = clock.instant();
        stored.totpLastStep = step;
        return replaceRecoveryCodes(stored);
    }

    /** New recovery codes, the old ones no longer usable; needs a current code from the app. */
    @Transactional
    public List<String> newRecoveryCodes(Account account, String code) {
        Account stored = Account.findById(account.id);
        if (stored.totpSecret == null) {
            throw new Refused("Two-factor sign-in is off, so there are no recovery codes.");
        }
        if (!acceptAppCode(stored, code)) {
            throw new Refused("The code is wrong; type the one the app shows now (not a recovery code).");
        }
        return replaceRecoveryCodes(stored);
    }

    /** Turns two-factor sign-in off after checking the password, so a borrowed session cannot. */
    @Transactional
    public void turnOff(Account account, String password) {
        Account stored = Account.findById(account.id);
        if (stored.passwordHash == null || password == null || !BcryptUtil.matches(password, stored.passwordHash)) {
            throw new Refused("The password is wrong.");
        }
        clear(stored);
    }

    /** An administrator's reset for someone who lost both phone and recovery codes; they sign in again. */
    @Transactional
    public void reset(Account account) {
        Account stored = Account.findById(account.id);
        clear(stored);
        SignInSession.deleteFor(stored);
    }

    /**
     * Whether {@code typed} is the app's code (not used before) or an unused recovery code of {@code stored}, which
     * is then used up. {@code stored} must be the managed, locked row.
     */
    boolean acceptCode(Account stored, String typed) {
        if (stored.totpSecret == null || typed == null) {
            return false;
        }
        if (acceptAppCode(stored, typed)) {
            return true;
        }
        String recovery = typed.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
        if (recovery.length() != 16) {
            return false;
        }
        List<RecoveryCode> unused = RecoveryCode.list("account = ?1 and usedAt is null", stored);
        for (RecoveryCode code : unused) {
            if (matches(code.codeHash, recovery)) {
                code.usedAt = clock.instant();
                return true;
            }
        }
        return false;
    }

    /** Whether {@code typed} is the app's code of now, not used before; it is then used up. */
    private boolean acceptAppCode(Account stored, String typed) {
        long step = stored.totpSecret == null ? -1
                : TimeBasedCodes.matchingStep(stored.totpSecret, typed, clock.instant());
        if (step < 0 || stored.totpLastStep != null && step <= stored.totpLastStep) {
            return false; // a code seen once may have been seen by someone looking over a shoulder
        }
        stored.totpLastStep = step;
        return true;
    }

    private void clear(Account stored) {
        stored.totpSecret = null;
        stored.totpPendingSecret = null;
        stored.totpEnabledAt = null;
        stored.totpLastStep = null;
        RecoveryCode.delete("account", stored);
    }

    private List<String> replaceRecoveryCodes(Account stored) {
        RecoveryCode.delete("account", stored);
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            StringBuilder code = new StringBuilder();
            for (int c = 0; c < 16; c++) {
                code.append(RECOVERY_ALPHABET.charAt(RANDOM.nextInt(RECOVERY_ALPHABET.length())));
            }
            RecoveryCode row = new RecoveryCode();
            row.account = stored;
            row.codeHash = saltedHash(code.toString());
            row.createdAt = clock.instant();
            row.persist();
            shown.add(code.substring(0, 4) + "-" + code.substring(4, 8) + "-" + code.substring(8, 12) + "-"
                    + code.substring(12));
        }
        return shown;
    }

    /** 80 random bits per code, below the 112 that would need no salt (ASVS 2.6.2), so each gets a salt. */
    private static String saltedHash(String code) {
        byte[] salt = new byte[4];
        RANDOM.nextBytes(salt);
        String saltHex = HexFormat.of().formatHex(salt);
        return saltHex + "$" + Secrets.hash(saltHex + code);
    }

    private static boolean matches(String stored, String code) {
        int dollar = stored.indexOf('$');
        return dollar > 0 && Secrets.sameSecret(stored.substring(dollar + 1),
                Secrets.hash(stored.substring(0, dollar) + code));
    }
}
