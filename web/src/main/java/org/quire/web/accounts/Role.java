package org.quire.web.accounts;

import java.util.Locale;
import java.util.Optional;

/**
 * What a person may do, from most to least: the roles nest, so each has every permission of the ones below it. The
 * permission each role has is in {@link Permission}, and the matrix in the README. Stored by name.
 */
public enum Role {
    ADMINISTRATOR,
    EDITOR,
    AUTHOR,
    CONTRIBUTOR;

    /** The role name as written in configuration, tokens and the UI: {@code administrator}, {@code editor}, … */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether this role has at least the rights of {@code other}. */
    public boolean atLeast(Role other) {
        return ordinal() <= other.ordinal();
    }

    /** The lower of two roles, as an API token acts with its own role or its owner's, whichever is less. */
    public Role atMost(Role other) {
        return atLeast(other) ? other : this;
    }

    public static Optional<Role> fromId(String id) {
        if (id == null) {
            return Optional.empty();
        }
        for (Role role : values()) {
            if (role.id().equals(id.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
