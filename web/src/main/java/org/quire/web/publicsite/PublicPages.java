package org.quire.web.publicsite;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.quire.web.plugins.PluginRoutes;
import org.quire.web.plugins.PluginRuntime;
import org.quire.web.site.Site;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;

/**
 * Renders the public site's pages: home, post, author, archive, 404, and the sitemap and robots.txt, from the
 * {@link PublishedSite} read after the latest page drop (and each post's HTML), so a page costs no query for its
 * lists. Every absolute URL comes from the configured site URL. Paths here are site paths, without the base path.
 */
@ApplicationScoped
public class PublicPages {

    private static final String HTML = "text/html; charset=UTF-8";
    private static final Pattern HOME_PAGE = Pattern.compile("/page/(\\d{1,6})/");
    private static final Pattern AUTHOR = Pattern.compile("/authors/([^/]+)/(?:page/(\\d{1,6})/)?");
    private static final Pattern YEAR = Pattern.compile("/archive/(\\d{4})/");
    private static final Pattern MONTH = Pattern.compile("/archive/(\\d{4})/(\\d{2})/");

    @Inject
    ObjectMapper json;

    @Inject
    PluginRoutes pluginRoutes;

    @Inject
    PluginRuntime plugins;

    @Inject
    org.quire.web.plugins.DatabaseSiteView siteView;

    @Inject
    PublishedSites publishedSites;

    @Location("theme/home.html")
    Template home;

    @Location("theme/post.html")
    Template postPage;

    @Location("theme/listing.html")
    Template listing;

    @Location("theme/archive.html")
    Template archive;

    @Location("theme/not-found.html")
    Template notFound;

    @Location("theme/sitemap.xml")
    Template sitemap;

    @Location("theme/plugin-page.html")
    Template pluginPage;

    /** One heading of a post's table of contents. */
    @TemplateData
    public record TocEntry(int level, String id, String text) {
    }

    /** One year of the archive and its months with posts. */
    @TemplateData
    public record ArchiveYear(int year, String path, List<ArchiveMonth> months) {
    }

    @TemplateData
    public record ArchiveMonth(String label, String path, long count) {
    }

    /**
     * The page at a path (a page, a redirect, or the not-found page), given both as text ({@code sitePath}, for
     * posts) and as requested ({@code encodedPath}, for plugin routes, whose segments must stay unambiguous).
     */
    @Transactional
    public RenderedPage render(String sitePath, String encodedPath) {
        PublishedSite published = publishedSites.current();
        Site site = published.site();
        if (sitePath.equals("/")) {
            return homePage(site, published, 1);
        }
        Matcher m = HOME_PAGE.matcher(sitePath);
        if (m.matches()) {
            return homePage(site, published, Integer.parseInt(m.group(1)));
        }
        if (sitePath.equals("/robots.txt")) {
            return robots(site);
        }
        if (sitePath.equals("/sitemap.xml")) {
            return sitemap(site, published);
        }
        if (sitePath.equals("/archive/")) {
            return archiveIndex(site, published);
        }
        m = MONTH.matcher(sitePath);
        if (m.matches()) {
            return monthPage(site, published, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        }
        m = YEAR.matcher(sitePath);
        if (m.matches()) {
            return yearPage(site, published, Integer.parseInt(m.group(1)));
        }
        m = AUTHOR.matcher(sitePath);
        if (m.matches()) {
            return authorPage(site, published, m.group(1), m.group(2) == null ? 1 : Integer.parseInt(m.group(2)));
        }
        PublishedSite.Entry post = published.byPath(sitePath);
        String html = post == null ? null : published.html(post);
        if (html != null) {
            return postPage(site, published, post, html);
        }
        String movedTo = published.redirect(sitePath);
        if (movedTo != null) {
            return RenderedPage.redirect(movedTo);
        }
        if (!sitePath.endsWith("/") && published.byPath(sitePath + "/") != null) {
            return RenderedPage.redirect(sitePath + "/");
        }
        Optional<PluginRoutes.Mounted> route = pluginRoutes.match(encodedPath);
        if (route.isPresent()) {
            Optional<org.quire.api.Page> page = pluginRoutes.render(route.get(), encodedPath, plugins);
            if (page.isPresent()) {
                // A plugin page may show any published post, so any post change drops it (see PageCache).
                Set<String> deps = Set.of("plugin:" + route.get().plugin().id(), "list:home");
                if (page.get().themed()) {
                    return themedPluginPage(site, sitePath, page.get(), deps);
                }
                return new RenderedPage(200, page.get().contentType(), page.get().body(), null, deps, Instant.now());
            }
        }
        return notFoundPage(site);
    }

    /** The not-found page on its own, for paths no route claims. */
    @Transactional
    public RenderedPage notFound() {
        return notFoundPage(publishedSites.current().site());
    }

    private RenderedPage homePage(Site site, PublishedSite published, int page) {
        int pages = pageCount(published.size(), site.postsPerPage);
        if (page < 1 || (page > pages && page > 1)) {
            return notFoundPage(site);
        }
        List<PublishedSite.Entry> posts = published.page((page - 1) * site.postsPerPage, site.postsPerPage);
        String path = page == 1 ? "/" : "/page/" + page + "/";
        Pagination pagination = new Pagination(page, pages, page > 1 ? (page == 2 ? "/" : "/page/" + (page - 1) + "/") : null,
                page < pages ? "/page/" + (page + 1) + "/" : null);
        PageChrome chrome = chrome(site, page == 1 ? site.title : site.title + " · " + page, site.description, path,
                "website", null, websiteJsonLd(site));
        Set<String> deps = dependencies(posts, "list:home");
        String body = home.data("chrome", chrome).data("text", text(site))
                .data("posts", summaries(published, posts)).data("pagination", pagination).render();
        return page(body, deps, posts);
    }

    private RenderedPage authorPage(Site site, PublishedSite published, String handle, int page) {
        PublishedSite.Author author = published.author(handle.trim().toLowerCase(Locale.ROOT));
        if (author == null) {
            return notFoundPage(site);
        }
        int[] ranks = published.ranksBy(author.handle());
        int pages = pageCount(ranks.length, site.postsPerPage);
        if (page < 1 || page > pages) {
            return notFoundPage(site);
        }
        List<PublishedSite.Entry> posts = published.page(ranks, (page - 1) * site.postsPerPage, site.postsPerPage);
        String base = "/authors/" + author.handle() + "/";
        String path = page == 1 ? base : base + "page/" + page + "/";
        Pagination pagination = new Pagination(page, pages,
                page > 1 ? (page == 2 ? base : base + "page/" + (page - 1) + "/") : null,
                page < pages ? base + "page/" + (page + 1) + "/" : null);
        ThemeText text = text(site);
        String description = author.bio() != null && !author.bio().isBlank() ? author.bio()
                : text.postsBy() + " " + author.displayName();
        PageChrome chrome = chrome(site, author.displayName() + " · " + site.title, description, path, "profile", null,
                null);
        String body = listing.data("chrome", chrome).data("text", text).data("heading", author.displayName())
                .data("intro", author.bio()).data("posts", summaries(published, posts)).data("pagination", pagination)
                .render();
        return page(body, dependencies(posts, "list:author:" + author.id(), "account:" + author.id()), posts);
    }

    private RenderedPage archiveIndex(Site site, PublishedSite published) {
        ZoneId zone = ZoneId.of(site.timeZone);
        Locale locale = Locale.forLanguageTag(site.locale);
        Map<Integer, Map<YearMonth, Long>> byYear = new LinkedHashMap<>();
        for (PublishedSite.Entry post : published.posts()) {
            YearMonth month = YearMonth.from(post.publishedAt().atZone(zone));
            byYear.computeIfAbsent(month.getYear(), y -> new LinkedHashMap<>()).merge(month, 1L, Long::sum);
        }
        List<ArchiveYear> years = new ArrayList<>();
        byYear.forEach((year, months) -> {
            List<ArchiveMonth> entries = new ArrayList<>();
            months.forEach((month, count) -> entries.add(new ArchiveMonth(monthLabel(month, locale),
                    "/archive/" + year + "/" + String.format("%02d", month.getMonthValue()) + "/", count)));
            years.add(new ArchiveYear(year, "/archive/" + year + "/", entries));
        });
        ThemeText text = text(site);
        PageChrome chrome = chrome(site, text.archive() + " · " + site.title, site.description, "/archive/", "website",
                null, null);
        String body = archive.data("chrome", chrome).data("text", text).data("years", years).render();
        return new RenderedPage(200, HTML, body, null, Set.of("list:archive"), Instant.now());
    }

    private RenderedPage yearPage(Site site, PublishedSite published, int year) {
        ZoneId zone = ZoneId.of(site.timeZone);
        Instant from = YearMonth.of(year, 1).atDay(1).atStartOfDay(zone).toInstant();
        Instant to = YearMonth.of(year + 1, 1).atDay(1).atStartOfDay(zone).toInstant();
        Set<String> deps = new LinkedHashSet<>();
        for (int month = 1; month <= 12; month++) {
            deps.add("list:month:" + YearMonth.of(year, month));
        }
        return periodPage(site, published, Integer.toString(year), "/archive/" + year + "/", from, to, deps);
    }

    private RenderedPage monthPage(Site site, PublishedSite published, int year, int month) {
        if (month < 1 || month > 12) {
            return notFoundPage(site);
        }
        ZoneId zone = ZoneId.of(site.timeZone);
        YearMonth yearMonth = YearMonth.of(year, month);
        Instant from = yearMonth.atDay(1).atStartOfDay(zone).toInstant();
        Instant to = yearMonth.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        return periodPage(site, published, monthLabel(yearMonth, Locale.forLanguageTag(site.locale)),
                "/archive/" + year + "/" + String.format("%02d", month) + "/", from, to,
                Set.of("list:month:" + yearMonth));
    }

    private RenderedPage periodPage(Site site, PublishedSite published, String heading, String path, Instant from,
                                    Instant to, Set<String> periodDeps) {
        List<PublishedSite.Entry> posts = published.publishedBetween(from, to);
        if (posts.isEmpty()) {
            return notFoundPage(site);
        }
        ThemeText text = text(site);
        PageChrome chrome = chrome(site, heading + " · " + site.title, site.description, path, "website", null, null);
        String body = listing.data("chrome", chrome).data("text", text).data("heading", heading).data("intro", null)
                .data("posts", summaries(published, posts)).data("pagination", new Pagination(1, 1, null, null))
                .render();
        return page(body, dependencies(posts, periodDeps.toArray(String[]::new)), posts);
    }

    /** A post's page, given its HTML. */
    private RenderedPage postPage(Site site, PublishedSite published, PublishedSite.Entry post, String html) {
        PostSummary summary = published.summary(post, p -> summary(site, p));
        String imageUrl = firstImage(site, html);
        PageChrome chrome = chrome(site, post.title() + " · " + site.title,
                post.description() != null && !post.description().isBlank() ? post.description() : post.excerptText(),
                post.path(), "article", imageUrl, articleJsonLd(site, summary, imageUrl));
        List<String> sections = sections(post, html);
        String body = postPage.data("chrome", chrome).data("text", text(site)).data("post", summary)
                .data("toc", toc(post)).data("body", html).data("sections", sections).render();
        Set<String> deps = new LinkedHashSet<>();
        deps.add("post:" + post.id());
        if (!sections.isEmpty()) {
            // A section such as related posts shows other posts, so any post change drops this page too.
            deps.add("list:home");
        }
        if (hasPostSections()) {
            // An empty section can fill when a post sharing a tag changes (related posts go by tags).
            post.tags().forEach(tag -> deps.add("tag:" + tag.key()));
        }
        post.authors().forEach(a -> deps.add("account:" + a.id()));
        return new RenderedPage(200, HTML, body, null, deps, post.updatedAt());
    }

    private boolean hasPostSections() {
        return plugins.active().stream().anyMatch(plugin -> !plugin.postSections().isEmpty());
    }

    /** What plugins add after the post's content; a section that throws is reported and left out. */
    private List<String> sections(PublishedSite.Entry post, String html) {
        List<String> sections = new ArrayList<>();
        org.quire.api.PostView view = null;
        for (org.quire.core.plugin.ActivePlugin plugin : plugins.active()) {
            for (org.quire.api.PostSection section : plugin.postSections()) {
                if (!org.quire.api.PostSection.AFTER_CONTENT.equals(section.slot())) {
                    continue;
                }
                try {
                    if (view == null) {
                        view = siteView.view(post, html);
                    }
                    section.render(view).filter(s -> !s.isBlank()).ifPresent(sections::add);
                } catch (RuntimeException e) {
                    plugins.registry().report(new org.quire.core.plugin.PluginProblem(plugin.id(), "section",
                            "section for " + post.path() + " failed: " + e, e));
                }
            }
        }
        return sections;
    }

    /** A page route's or dynamic route's content in the site's layout and head; call it in a transaction. */
    public RenderedPage themedPluginPage(Site site, String sitePath, org.quire.api.Page page, Set<String> deps) {
        String content = new String(page.body(), java.nio.charset.StandardCharsets.UTF_8);
        PageChrome chrome = chrome(site, page.title() + " · " + site.title, site.description, sitePath, "website",
                null, null);
        String body = pluginPage.data("chrome", chrome).data("text", text(site)).data("content", content).render();
        return new RenderedPage(200, HTML, body, null, deps, Instant.now());
    }

    private RenderedPage notFoundPage(Site site) {
        ThemeText text = text(site);
        PageChrome chrome = chrome(site, text.notFoundTitle() + " · " + site.title, null, "/404.html", "website",
                null, null);
        return new RenderedPage(404, HTML, notFound.data("chrome", chrome).data("text", text).render(), null,
                Set.of(), null);
    }

    private RenderedPage robots(Site site) {
        String body = "User-agent: *\nAllow: /\nSitemap: " + site.url + site.basePath + "/sitemap.xml\n";
        return new RenderedPage(200, "text/plain; charset=UTF-8", body, null, Set.of("site"), Instant.now());
    }

    private RenderedPage sitemap(Site site, PublishedSite published) {
        List<PublishedSite.Entry> posts = published.posts();
        String body = sitemap.data("siteUrl", site.url + site.basePath).data("posts", summaries(published, posts))
                .render();
        return new RenderedPage(200, "application/xml; charset=UTF-8", body, null, dependencies(posts, "list:home"),
                Instant.now());
    }

    private RenderedPage page(String body, Set<String> deps, List<PublishedSite.Entry> posts) {
        Instant lastModified = posts.stream().map(PublishedSite.Entry::updatedAt).max(Instant::compareTo)
                .orElse(Instant.now());
        return new RenderedPage(200, HTML, body, null, deps, lastModified);
    }

    private static Set<String> dependencies(List<PublishedSite.Entry> posts, String... lists) {
        Set<String> deps = new LinkedHashSet<>(List.of(lists));
        for (PublishedSite.Entry post : posts) {
            deps.add("post:" + post.id());
            post.authors().forEach(a -> deps.add("account:" + a.id()));
        }
        return deps;
    }

    private static int pageCount(long total, int perPage) {
        return (int) Math.max(1, (total + perPage - 1) / perPage);
    }

    private List<PostSummary> summaries(PublishedSite published, List<PublishedSite.Entry> posts) {
        return posts.stream().map(post -> published.summary(post, p -> summary(published.site(), p))).toList();
    }

    private PostSummary summary(Site site, PublishedSite.Entry post) {
        ZoneId zone = ZoneId.of(site.timeZone);
        Locale locale = Locale.forLanguageTag(site.locale);
        // Whole seconds: HTML's datetime allows at most three digits of fraction, and readers need none.
        Instant published = (post.publishedAt() != null ? post.publishedAt() : post.createdAt())
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        List<PostSummary.AuthorLink> authors = post.authors().stream().map(a -> new PostSummary.AuthorLink(a.handle(),
                a.displayName(), "/authors/" + a.handle() + "/")).toList();
        List<PostSummary.TagLink> tags = post.tags().stream()
                .map(t -> new PostSummary.TagLink(t.name(), t.urlForm())).toList();
        return new PostSummary(post.id(), post.title(), post.path(), absoluteUrl(site, post.path()),
                post.excerptHtml(), post.excerptText(), post.description(), published.toString(),
                DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(published.atZone(zone)),
                post.updatedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString(), post.readingMinutes(),
                authors, tags, post.category());
    }

    private List<TocEntry> toc(PublishedSite.Entry post) {
        try {
            List<TocEntry> entries = json.readValue(post.tocJson(), new TypeReference<List<TocEntry>>() {
            });
            // A contents list helps long posts; for one or two headings it is noise.
            return entries.size() >= 3 ? entries.stream().filter(e -> e.level() >= 2 && e.level() <= 3).toList() : List.of();
        } catch (JsonProcessingException e) {
            return List.of();
        }
    }

    private static final Pattern IMG = Pattern.compile("<img\\b[^<>]*\\bsrc=\"([^\"]+)\"");

    private static String firstImage(Site site, String html) {
        Matcher m = IMG.matcher(html);
        if (!m.find()) {
            return null;
        }
        String src = m.group(1).replace("&amp;", "&");
        return src.startsWith("http://") || src.startsWith("https://") ? src
                : src.startsWith("/") ? site.url + site.basePath + src : null;
    }

    private static String monthLabel(YearMonth month, Locale locale) {
        if ("zh".equals(locale.getLanguage())) {
            return month.getYear() + "年" + month.getMonthValue() + "月";
        }
        return month.getMonth().getDisplayName(TextStyle.FULL, locale) + " " + month.getYear();
    }

    private static ThemeText text(Site site) {
        return ThemeText.forLocale(Locale.forLanguageTag(site.locale));
    }

    private PageChrome chrome(Site site, String title, String description, String path, String ogType,
                              String imageUrl, String jsonLd) {
        String trimmed = description == null ? null : truncate(description.strip(), 300);
        List<PageChrome.AlternateLink> alternates = pluginRoutes.alternatesOf(org.quire.api.UrlPaths.encodePath(path),
                plugins).stream().map(a -> new PageChrome.AlternateLink(a.type(), a.title(), site.basePath + a.path()))
                .toList();
        return new PageChrome(site.title, site.description, site.url, site.basePath, site.locale, title, trimmed,
                absoluteUrl(site, path), ogType, imageUrl, jsonLd, alternates);
    }

    /** The absolute URL of a site path, each segment percent-encoded (CJK slugs), from the configured site URL. */
    public static String absoluteUrl(Site site, String sitePath) {
        return site.url + site.basePath + org.quire.api.UrlPaths.encodePath(sitePath);
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private String websiteJsonLd(Site site) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("@context", "https://schema.org");
        data.put("@type", "WebSite");
        data.put("name", site.title);
        data.put("url", site.url + site.basePath + "/");
        return scriptSafe(data);
    }

    private String articleJsonLd(Site site, PostSummary post, String imageUrl) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("@context", "https://schema.org");
        data.put("@type", "BlogPosting");
        data.put("headline", post.title());
        data.put("datePublished", post.publishedIso());
        data.put("dateModified", post.updatedIso());
        data.put("mainEntityOfPage", post.url());
        data.put("url", post.url());
        data.put("inLanguage", site.locale);
        if (post.description() != null && !post.description().isBlank()) {
            data.put("description", post.description());
        }
        if (imageUrl != null) {
            data.put("image", imageUrl);
        }
        // Ordered maps: Map.of iterates in an order that changes from one JVM to the next, and a page must come out
        // byte for byte the same from every instance and every export.
        data.put("author", post.authors().stream().map(a -> ordered("@type", "Person", "name", a.name(),
                "url", site.url + site.basePath + a.path())).toList());
        data.put("publisher", ordered("@type", "Organization", "name", site.title));
        if (!post.tags().isEmpty()) {
            data.put("keywords", String.join(", ", post.tags().stream().map(PostSummary.TagLink::name).toList()));
        }
        return scriptSafe(data);
    }

    private static Map<String, Object> ordered(String... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /**
     * JSON inside a script element: no {@code <}, {@code >} or {@code &} at all, as JSON's own escapes. "</" alone
     * is not enough: "<!--" with "<script" puts the HTML parser in a state where the closing tag no longer closes.
     */
    private String scriptSafe(Object value) {
        try {
            return json.writeValueAsString(value).replace("<", "\\u003c").replace(">", "\\u003e")
                    .replace("&", "\\u0026");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
