package org.quire.web.site;

import java.net.URI;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.quire.core.site.PermalinkPattern;
import org.quire.web.accounts.Permission;
import org.quire.web.accounts.Requires;
import org.quire.web.content.ContentException;
import org.quire.web.content.PostService;
import org.quire.web.publicsite.PageCache;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The site's settings through the admin API (administrators). Each field is checked and a bad one is named; a new
 * permalink pattern or time zone moves every post to its new address, the old one answering 301.
 */
@Path("/api/admin/settings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Site settings", description = "Title, description, address, language, time zone, permalinks, paging")
public class SettingsApi {

    /**
     * @param trustStaffHtml    whether editors' and administrators' raw HTML (and imported posts') is kept as
     *                          written; turning it off cleans every such post with the policy contributors get
     * @param twoFactorRequired who must sign in with a second factor: {@code nobody}, {@code administrators} or
     *                          {@code editors} (editors and administrators)
     */
    public record Settings(String title, String description, String url, String locale, String timeZone,
                           String permalink, Integer postsPerPage, Boolean trustStaffHtml,
                           String twoFactorRequired) {

        public Settings(String title, String description, String url, String locale, String timeZone,
                        String permalink, Integer postsPerPage, Boolean trustStaffHtml) {
            this(title, description, url, locale, timeZone, permalink, postsPerPage, trustStaffHtml, null);
        }
    }

    /** Who {@code twoFactorRequired} may name: each person chooses, administrators, or editors and administrators. */
    public static final List<String> TWO_FACTOR_RULES = List.of("nobody", "administrators", "editors");

    public record Saved(Settings settings, int postsMoved) {
    }

    @Inject
    PostService posts;

    @Inject
    PageCache cache;

    @GET
    @Requires(Permission.MANAGE_SETTINGS)
    @Operation(summary = "The site's settings")
    @Transactional
    public Settings get() {
        return of(Site.get());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permission.MANAGE_SETTINGS)
    @Operation(summary = "Change settings; fields left out stay as they are")
    public Saved put(Settings wanted) {
        if (wanted == null) {
            throw new ContentException(ContentException.Reason.INVALID, null, "Send the settings to change as JSON");
        }
        check(wanted);
        boolean[] addressesChange = {false};
        boolean[] trustChanges = {false};
        Settings saved = QuarkusTransaction.requiringNew().call(() -> {
            Site site = Site.get();
            if (wanted.title() != null) {
                site.title = wanted.title().strip();
            }
            if (wanted.description() != null) {
                site.description = wanted.description().strip();
            }
            if (wanted.url() != null) {
                site.url = stripSlash(wanted.url().strip());
            }
            if (wanted.locale() != null) {
                site.locale = Locale.forLanguageTag(wanted.locale().strip()).toLanguageTag();
            }
            if (wanted.timeZone() != null && !wanted.timeZone().strip().equals(site.timeZone)) {
                site.timeZone = wanted.timeZone().strip();
                addressesChange[0] = true;
            }
            if (wanted.permalink() != null && !wanted.permalink().strip().equals(site.permalink)) {
                site.permalink = wanted.permalink().strip();
                addressesChange[0] = true;
            }
            if (wanted.postsPerPage() != null) {
                site.postsPerPage = wanted.postsPerPage();
            }
            if (wanted.twoFactorRequired() != null) {
                site.twoFactorRequired = wanted.twoFactorRequired().strip();
            }
            if (wanted.trustStaffHtml() != null && wanted.trustStaffHtml() != site.trustStaffHtml) {
                site.trustStaffHtml = wanted.trustStaffHtml();
                trustChanges[0] = true;
            }
            return of(site);
        });
        // At once, so what renders posts again below (plugins ask for the site's URL and locale) reads the new ones.
        cache.invalidateAll();
        int moved = addressesChange[0] ? posts.repathAll() : 0;
        if (trustChanges[0]) {
            // Stored HTML follows the setting at once: turned off, no editor's script stays on a page.
            posts.rerenderAll();
        }
        cache.invalidateAll();
        return new Saved(saved, moved);
    }

    private static void check(Settings s) {
        if (s.title() != null && (s.title().isBlank() || s.title().length() > 200)) {
            invalid("title", "The title has 1 to 200 characters");
        }
        if (s.description() != null && s.description().length() > 1000) {
            invalid("description", "The description has at most 1000 characters");
        }
        if (s.url() != null) {
            URI uri;
            try {
                uri = URI.create(s.url().strip());
            } catch (IllegalArgumentException e) {
                uri = null;
            }
            if (uri == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    || uri.getHost() == null || uri.getQuery() != null || uri.getFragment() != null) {
                invalid("url", "The site URL is an absolute http(s) address such as https://blog.example.com, "
                        + "not '" + s.url() + "'");
            }
        }
        if (s.locale() != null) {
            Locale locale = Locale.forLanguageTag(s.locale().strip());
            if (locale.getLanguage().isEmpty()) {
                invalid("locale", "'" + s.locale() + "' is not a language tag such as en, en-GB or zh-CN");
            }
        }
        if (s.timeZone() != null) {
            try {
                ZoneId.of(s.timeZone().strip());
            } catch (DateTimeException e) {
                invalid("timeZone", "'" + s.timeZone() + "' is not a time zone such as UTC or Asia/Shanghai");
            }
        }
        if (s.permalink() != null) {
            try {
                PermalinkPattern.of(s.permalink());
            } catch (IllegalArgumentException e) {
                invalid("permalink", e.getMessage());
            }
        }
        if (s.twoFactorRequired() != null && !TWO_FACTOR_RULES.contains(s.twoFactorRequired().strip())) {
            invalid("twoFactorRequired", "Two-factor sign-in is required of one of " + TWO_FACTOR_RULES + ", not '"
                    + s.twoFactorRequired() + "'");
        }
        if (s.postsPerPage() != null && (s.postsPerPage() < 1 || s.postsPerPage() > 100)) {
            invalid("postsPerPage", "Posts per page is from 1 to 100");
        }
    }

    private static void invalid(String field, String message) {
        throw new ContentException(ContentException.Reason.INVALID, field, message);
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static Settings of(Site site) {
        return new Settings(site.title, site.description, site.url, site.locale, site.timeZone, site.permalink,
                site.postsPerPage, site.trustStaffHtml, site.twoFactorRequired);
    }
}
