package org.quire.web.site;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The administrator created on first start ({@code QUIRE_ADMIN_EMAIL}, {@code QUIRE_ADMIN_PASSWORD}). */
@ConfigMapping(prefix = "quire.admin")
public interface AdminDefaults {

    @WithDefault("admin@localhost")
    String email();

    /** When absent, a password is generated and printed once in the log. */
    Optional<String> password();
}
