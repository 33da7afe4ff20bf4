package org.quire.web.admin;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.quire.web.accounts.Account;
import org.quire.web.accounts.CurrentUser;
import org.quire.web.accounts.Permission;
import org.quire.web.content.Post;
import org.quire.web.content.PostStatus;
import org.quire.web.site.Site;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * What every admin page shows around its content: who is signed in, the sections their role opens, the CSRF token
 * their forms carry, and times in the site's time zone.
 */
@RequestScoped
public class AdminChrome {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    @Inject
    CurrentUser currentUser;

    private ZoneId zone;

    /**
     * @param section the nav entry of the page, marked as current for screen readers
     */
    public record Chrome(String name, String handle, String role, String csrf, String section, boolean mayReview,
                         boolean mayUpload, boolean mayPublish, boolean mayManageTags, boolean mayManageUsers,
                         boolean mayManageSettings, long awaitingReview) {

        public boolean isSection(String name) {
            return name.equals(section);
        }
    }

    public Chrome of(String section) {
        Account me = currentUser.account();
        boolean reviewer = currentUser.may(Permission.EDIT_ANY_POST);
        long awaiting = reviewer ? QuarkusTransaction.joiningExisting().call(
                () -> Post.count("status = ?1 and deletedAt is null", PostStatus.IN_REVIEW)) : 0;
        return new Chrome(me.displayName == null || me.displayName.isBlank() ? me.handle : me.displayName, me.handle,
                currentUser.role().id(), currentUser.session() == null ? "" : currentUser.session().csrfToken, section,
                reviewer, currentUser.may(Permission.UPLOAD_MEDIA), currentUser.may(Permission.PUBLISH_OWN_POSTS),
                currentUser.may(Permission.MANAGE_TAGS), currentUser.may(Permission.MANAGE_USERS),
                currentUser.may(Permission.MANAGE_SETTINGS), awaiting);
    }

    /** The site's time zone, in which the admin shows and reads times. */
    public ZoneId zone() {
        if (zone == null) {
            zone = ZoneId.of(QuarkusTransaction.joiningExisting().call(() -> Site.get().timeZone));
        }
        return zone;
    }

    /** A time as the admin shows it, to the minute in the site's zone; empty for none. */
    public String time(Instant instant) {
        return instant == null ? "" : MINUTE.format(instant.atZone(zone()));
    }
}
