package org.quire.web.site;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.quire.core.site.PermalinkPattern;
import org.quire.web.accounts.Account;
import org.quire.web.accounts.Role;
import org.quire.web.content.PostService;
import org.quire.web.content.PostStatus;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.runtime.StartupEvent;

/**
 * On an empty database: the site settings, an administrator, and a sample post so the home page is not empty.
 * Runs at every start and does nothing once the site exists.
 */
@ApplicationScoped
public class FirstRun {

    private static final Logger LOG = Logger.getLogger(FirstRun.class);
    private static final String SAMPLE_POST = "first-run/welcome-to-quire.md";
    /** The sample post's slug (from its title): a site holding only it counts as empty. */
    public static final String SAMPLE_SLUG = "welcome-to-quire";

    @Inject
    SiteDefaults siteDefaults;

    @Inject
    AdminDefaults adminDefaults;

    @Inject
    PostService posts;

    @Inject
    Clock clock;

    void onStart(@Observes StartupEvent event) {
        if (createSiteIfMissing()) {
            createSamplePost();
        }
    }

    @Transactional
    boolean createSiteIfMissing() {
        if (Site.findById(Site.THE_SITE) != null) {
            return false;
        }
        SiteDefaults settings = siteDefaults;
        try {
            ZoneId.of(settings.timeZone());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("quire.site.time-zone '" + settings.timeZone()
                    + "' is not an IANA time zone such as Asia/Shanghai or UTC", e);
        }
        PermalinkPattern.of(settings.permalink());

        Site site = new Site();
        site.id = Site.THE_SITE;
        site.title = settings.title();
        site.description = settings.description();
        site.url = settings.url().endsWith("/") ? settings.url().substring(0, settings.url().length() - 1) : settings.url();
        site.basePath = settings.basePath().orElse("");
        site.locale = Locale.forLanguageTag(settings.locale()).toLanguageTag();
        site.timeZone = settings.timeZone();
        site.permalink = settings.permalink();
        site.postsPerPage = settings.postsPerPage();
        site.persist();

        Account admin = new Account();
        admin.handle = "admin";
        admin.email = adminDefaults.email().trim().toLowerCase(Locale.ROOT);
        admin.displayName = "Administrator";
        admin.role = Role.ADMINISTRATOR;
        admin.canSignIn = true;
        admin.createdAt = clock.instant();
        String password = adminDefaults.password().filter(p -> !p.isBlank()).orElse(null);
        if (password == null) {
            password = generatedPassword();
            LOG.infof("First run: created the administrator %s with the password %s (shown only now; change it"
                    + " after signing in, or set QUIRE_ADMIN_PASSWORD before the first start)", admin.email, password);
        } else {
            LOG.infof("First run: created the administrator %s with the password from QUIRE_ADMIN_PASSWORD", admin.email);
        }
        admin.passwordHash = BcryptUtil.bcryptHash(password);
        admin.persist();
        return true;
    }

    void createSamplePost() {
        Account admin = Account.findByHandle("admin").orElseThrow();
        PostService.Saved saved = posts.create(readSamplePost(), null, PostStatus.PUBLISHED, admin);
        posts.publish(saved.post().id);
        LOG.infof("First run: published the sample post at %s", saved.post().path);
    }

    private static String readSamplePost() {
        try (InputStream in = FirstRun.class.getClassLoader().getResourceAsStream(SAMPLE_POST)) {
            if (in == null) {
                throw new IllegalStateException("The sample post " + SAMPLE_POST + " is missing from the application");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String generatedPassword() {
        String alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            password.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return password.toString();
    }

}
