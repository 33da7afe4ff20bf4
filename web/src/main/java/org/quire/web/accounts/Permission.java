package org.quire.web.accounts;

/**
 * What an admin page or admin API endpoint needs, each granted from one role upwards. The roles nest: an author may
 * do all a contributor may, an editor all an author may, an administrator everything. The README's matrix is this
 * table.
 */
public enum Permission {
    /** Enter the admin area, see one's own profile, change one's password, manage one's API tokens. */
    ADMIN_AREA(Role.CONTRIBUTOR),
    /** Write and edit one's own drafts and submit them for review. */
    WRITE_OWN_POSTS(Role.CONTRIBUTOR),
    /** Publish and schedule one's own posts. */
    PUBLISH_OWN_POSTS(Role.AUTHOR),
    UPLOAD_MEDIA(Role.AUTHOR),
    /** Edit, review, approve, schedule, publish and unpublish any post; see every draft. */
    EDIT_ANY_POST(Role.EDITOR),
    MANAGE_TAGS(Role.EDITOR),
    MANAGE_USERS(Role.ADMINISTRATOR),
    MANAGE_SETTINGS(Role.ADMINISTRATOR),
    MANAGE_PLUGINS(Role.ADMINISTRATOR),
    IMPORT_EXPORT(Role.ADMINISTRATOR);

    private final Role lowestRole;

    Permission(Role lowestRole) {
        this.lowestRole = lowestRole;
    }

    public Role lowestRole() {
        return lowestRole;
    }

    public boolean grantedTo(Role role) {
        return role != null && role.atLeast(lowestRole);
    }
}
