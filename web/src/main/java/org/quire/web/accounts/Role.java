package org.quire.web.accounts;

/** What a person may do; the full matrix is in the README. Stored by name. */
public enum Role {
    ADMINISTRATOR,
    EDITOR,
    AUTHOR,
    CONTRIBUTOR;

    /** The role name as written in configuration, tokens and the UI: {@code administrator}, {@code editor}, … */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
