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
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;

/**
 * What every admin page shows around its content: who is signed in, the sections their role opens, the CSRF token
 * their forms carry, and times in the site's time zone.
 */
@RequestScoped
public class AdminChrome {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    @Inject
    CurrentUser currentUser;

    @Inject
    HttpServerRequest request;

    private static final java.util.List<String> LANGUAGES = java.util.List.of("en", "zh");

    private ZoneId zone;
    private Locale locale;

    /**
     * @param section the nav entry of the page, marked as current for screen readers
     */
    public record Chrome(String lang, String name, String handle, String role, String csrf, String section,
                         boolean mayReview,
                         boolean mayUpload, boolean mayPublish, boolean mayManageTags, boolean mayManageUsers,
                         boolean mayManageSettings, boolean mayImport, boolean mayManagePlugins,
                         long awaitingReview) {

        public boolean isSection(String name) {
            return name.equals(section);
        }
    }

    public Chrome of(String section) {
        Account me = currentUser.account();
        boolean reviewer = currentUser.may(Permission.EDIT_ANY_POST);
        long awaiting = reviewer ? QuarkusTransaction.joiningExisting().call(
                () -> Post.count("status = ?1 and deletedAt is null", PostStatus.IN_REVIEW)) : 0;
        return new Chrome(locale().toLanguageTag(),
                me.displayName == null || me.displayName.isBlank() ? me.handle : me.displayName, me.handle,
                currentUser.role().id(), currentUser.session() == null ? "" : currentUser.session().csrfToken, section,
                reviewer, currentUser.may(Permission.UPLOAD_MEDIA), currentUser.may(Permission.PUBLISH_OWN_POSTS),
                currentUser.may(Permission.MANAGE_TAGS), currentUser.may(Permission.MANAGE_USERS),
                currentUser.may(Permission.MANAGE_SETTINGS), currentUser.may(Permission.IMPORT_EXPORT),
                currentUser.may(Permission.MANAGE_PLUGINS), awaiting);
    }

    /** The admin's words in the reader's language, for messages made in Java. */
    public AdminText text() {
        return io.quarkus.qute.i18n.MessageBundles.get(AdminText.class,
                io.quarkus.qute.i18n.Localized.Literal.of(locale().getLanguage()));
    }

    /** What the users page says about mailed links, in the reader's language. */
    public MailNoticeText mailNoticeText() {
        return io.quarkus.qute.i18n.MessageBundles.get(MailNoticeText.class,
                io.quarkus.qute.i18n.Localized.Literal.of(locale().getLanguage()));
    }

    /** The words of two-factor sign-in in the reader's language, for messages made in Java. */
    public TwoFactorText twoFactorText() {
        return io.quarkus.qute.i18n.MessageBundles.get(TwoFactorText.class,
                io.quarkus.qute.i18n.Localized.Literal.of(locale().getLanguage()));
    }

    /** A page of the admin: its template with the chrome, in the reader's language. */
    public TemplateInstance page(Template template, String section) {
        return template.data("chrome", of(section)).setLocale(locale());
    }

    /**
     * The admin's language for this request: Chinese when the browser prefers it to English, else English (the
     * languages {@link AdminText} has).
     */
    public Locale locale() {
        if (locale == null) {
            locale = languageOf(request == null ? null : request.getHeader("Accept-Language"));
        }
        return locale;
    }

    static Locale languageOf(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return Locale.ENGLISH;
        }
        try {
            String best = Locale.lookupTag(Locale.LanguageRange.parse(acceptLanguage), LANGUAGES);
            return best == null ? Locale.ENGLISH : Locale.forLanguageTag(best);
        } catch (IllegalArgumentException e) {
            return Locale.ENGLISH;
        }
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
