package org.quire.web.accounts;

import java.time.Clock;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Accounts for people who sign in through the OpenID Connect provider (Keycloak): the provider's realm roles
 * {@code administrator}, {@code editor}, {@code author} and {@code contributor} give the Quire role (the highest
 * one wins), and the first sign-in creates the Quire account, linked to the provider's subject from then on.
 */
@ApplicationScoped
public class SingleSignOn {

    /** Why an identity from the provider gives no account. */
    public static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    @ConfigProperty(name = "quire.oidc.enabled", defaultValue = "false")
    boolean enabled;

    @Inject
    Clock clock;

    public boolean enabled() {
        return enabled;
    }

    /** The highest Quire role among the identity's roles. */
    public static Optional<Role> roleOf(Set<String> roles) {
        return roles.stream().map(Role::fromId).flatMap(Optional::stream).min(Comparator.naturalOrder());
    }

    /**
     * The account for an identity the provider vouches for, created on first sign-in; its role follows the
     * provider's roles each time.
     *
     * @throws Refused when the identity has no Quire role or the account was deactivated
     */
    @Transactional
    public Account accountFor(SecurityIdentity identity) {
        if (!(identity.getPrincipal() instanceof JsonWebToken token) || token.getSubject() == null) {
            throw new Refused("The sign-in did not come with an OpenID Connect token.");
        }
        Role role = roleOf(identity.getRoles()).orElseThrow(() -> new Refused("Your account at the sign-in "
                + "provider has no Quire role (administrator, editor, author or contributor); ask an "
                + "administrator for one."));
        String subject = token.getSubject();
        Account account = Account.<Account>find("ssoSubject", subject).firstResultOptional().orElse(null);
        if (account == null) {
            account = new Account();
            account.ssoSubject = subject;
            account.handle = freeHandle(claim(token, "preferred_username").orElse("user"));
            String email = claim(token, "email").map(e -> e.toLowerCase(Locale.ROOT)).orElse(null);
            account.email = email != null && Account.findByEmail(email).isEmpty() ? email : null;
            account.displayName = claim(token, "name").orElse(account.handle);
            account.canSignIn = true;
            account.createdAt = clock.instant();
            account.role = role;
            account.persist();
        }
        if (!account.active) {
            throw new Refused("This account has been deactivated.");
        }
        account.role = role;
        return account;
    }

    private static Optional<String> claim(JsonWebToken token, String name) {
        Object value = token.getClaim(name);
        return value == null || value.toString().isBlank() ? Optional.empty() : Optional.of(value.toString().trim());
    }

    /** The provider's user name made a valid, unused handle: {@code Ann.Lee} → {@code ann.lee}, then {@code ann.lee-2}. */
    private static String freeHandle(String wanted) {
        String base = wanted.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_.-]", "-").replaceAll("^[^a-z0-9]+", "");
        if (base.isEmpty()) {
            base = "user";
        }
        base = base.substring(0, Math.min(base.length(), 90));
        String handle = base;
        for (int n = 2; Account.findByHandle(handle).isPresent(); n++) {
            handle = base + "-" + n;
        }
        return handle;
    }
}
