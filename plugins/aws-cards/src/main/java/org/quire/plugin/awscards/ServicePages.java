package org.quire.plugin.awscards;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.quire.api.Page;
import org.quire.api.PageRoute;
import org.quire.api.PostView;
import org.quire.api.SiteInfo;
import org.quire.api.UrlPaths;

/**
 * {@code /aws/}, the services the published posts cover, by category, and {@code /aws/{service}/}, the posts that
 * review a service in a card or mention it. Which services a post covers is read from its rendered HTML, where
 * {@link CardHtmlRenderer} marks each card and mention with the service's id, so a page always agrees with the
 * posts as published.
 */
final class ServicePages {

    private static final Pattern CARD = Pattern.compile("<section class=\"aws-card aws-service-([a-z0-9-]+)");
    private static final Pattern MENTION = Pattern.compile("class=\"aws-mention aws-service-([a-z0-9-]+)\"");

    private ServicePages() {
    }

    /** The posts about one service, newest first. */
    record Coverage(AwsService service, List<PostView> featuring, List<PostView> mentioning) {
        int count() {
            return featuring.size() + mentioning.size();
        }
    }

    /** Finding coverage reads every post's HTML, so it is kept until the site or the catalogue changes. */
    static Map<String, Coverage> coverage(AwsCardsPlugin plugin) {
        long version = plugin.context().site().changeCount();
        Catalogue catalogue = plugin.catalogue();
        KeptCoverage kept = plugin.keptCoverage;
        if (kept != null && kept.siteVersion() == version && kept.catalogue() == catalogue) {
            return kept.coverage();
        }
        Map<String, Coverage> coverage = readCoverage(plugin, catalogue);
        plugin.keptCoverage = new KeptCoverage(version, catalogue, coverage);
        return coverage;
    }

    record KeptCoverage(long siteVersion, Catalogue catalogue, Map<String, Coverage> coverage) {
    }

    private static Map<String, Coverage> readCoverage(AwsCardsPlugin plugin, Catalogue catalogue) {
        Map<String, List<PostView>> featuring = new LinkedHashMap<>();
        Map<String, List<PostView>> mentioning = new LinkedHashMap<>();
        for (PostView post : plugin.context().site().publishedPosts()) {
            Set<String> cards = ids(CARD, post.html());
            Set<String> mentions = ids(MENTION, post.html());
            mentions.removeAll(cards);
            cards.forEach(id -> featuring.computeIfAbsent(id, k -> new ArrayList<>()).add(post));
            mentions.forEach(id -> mentioning.computeIfAbsent(id, k -> new ArrayList<>()).add(post));
        }
        Map<String, Coverage> coverage = new LinkedHashMap<>();
        for (AwsService service : catalogue.services()) {
            List<PostView> featured = featuring.getOrDefault(service.id(), List.of());
            List<PostView> mentioned = mentioning.getOrDefault(service.id(), List.of());
            if (!featured.isEmpty() || !mentioned.isEmpty()) {
                coverage.put(service.id(), new Coverage(service, List.copyOf(featured), List.copyOf(mentioned)));
            }
        }
        return java.util.Collections.unmodifiableMap(coverage);
    }

    private static Set<String> ids(Pattern pattern, String html) {
        Set<String> ids = new LinkedHashSet<>();
        if (html == null || !html.contains("aws-")) {
            return ids;
        }
        Matcher matcher = pattern.matcher(html);
        while (matcher.find()) {
            ids.add(matcher.group(1));
        }
        return ids;
    }

    /** {@code /aws/}. */
    static final class IndexRoute implements PageRoute {
        private final AwsCardsPlugin plugin;

        IndexRoute(AwsCardsPlugin plugin) {
            this.plugin = plugin;
        }

        @Override
        public String pattern() {
            return AwsCardsPlugin.PAGES_ROOT;
        }

        @Override
        public List<String> paths() {
            return plugin.servicePagesEnabled() ? List.of(AwsCardsPlugin.PAGES_ROOT) : List.of();
        }

        @Override
        public Optional<Page> render(String path) {
            if (!plugin.servicePagesEnabled() || !path.equals(AwsCardsPlugin.PAGES_ROOT)) {
                return Optional.empty();
            }
            SiteInfo site = plugin.context().site().info();
            Locale locale = site.locale();
            Catalogue catalogue = plugin.catalogue();
            Map<String, Coverage> coverage = coverage(plugin);
            List<Map<String, Object>> groups = new ArrayList<>();
            for (Category category : catalogue.categories()) {
                List<Map<String, Object>> services = coverage.values().stream()
                        .filter(c -> c.service().category().equals(category.id()))
                        .sorted(Comparator.comparingInt(Coverage::count).reversed()
                                .thenComparing(c -> c.service().shortName(), String.CASE_INSENSITIVE_ORDER))
                        .map(c -> serviceEntry(site, c)).toList();
                if (!services.isEmpty()) {
                    Map<String, Object> group = new LinkedHashMap<>();
                    group.put("id", category.id());
                    group.put("name", category.name(locale));
                    group.put("services", services);
                    groups.add(group);
                }
            }
            Map<String, String> labels = Labels.forLocale(locale);
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("labels", labels);
            data.put("groups", groups);
            return Optional.of(Page.themed(labels.get("servicesTitle"),
                    plugin.context().templates().render("index.html", data)));
        }

        private static Map<String, Object> serviceEntry(SiteInfo site, Coverage coverage) {
            AwsService service = coverage.service();
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", service.id());
            entry.put("name", service.shortName());
            entry.put("monogram", service.monogram());
            entry.put("href", site.basePath() + AwsCardsPlugin.PAGES_ROOT + service.id() + "/");
            entry.put("count", coverage.count());
            entry.put("description", Optional.ofNullable(service.description(site.locale())).orElse(""));
            return entry;
        }
    }

    /** {@code /aws/{service}/}. */
    static final class ServiceRoute implements PageRoute {
        private final AwsCardsPlugin plugin;

        ServiceRoute(AwsCardsPlugin plugin) {
            this.plugin = plugin;
        }

        @Override
        public String pattern() {
            return AwsCardsPlugin.PAGES_ROOT + "{service}/";
        }

        @Override
        public List<String> paths() {
            if (!plugin.servicePagesEnabled()) {
                return List.of();
            }
            return coverage(plugin).keySet().stream().map(id -> AwsCardsPlugin.PAGES_ROOT + id + "/").toList();
        }

        @Override
        public Optional<Page> render(String path) {
            String root = AwsCardsPlugin.PAGES_ROOT;
            if (!plugin.servicePagesEnabled() || !path.startsWith(root) || !path.endsWith("/")
                    || path.length() <= root.length() + 1) {
                return Optional.empty();
            }
            String id = path.substring(root.length(), path.length() - 1);
            if (!CatalogueReader.ID.matcher(id).matches()) {
                return Optional.empty();
            }
            Coverage coverage = coverage(plugin).get(id);
            if (coverage == null) {
                return Optional.empty();
            }
            SiteInfo site = plugin.context().site().info();
            Locale locale = site.locale();
            AwsService service = coverage.service();
            Map<String, String> labels = Labels.forLocale(locale);
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("labels", labels);
            data.put("id", service.id());
            data.put("name", service.shortName());
            data.put("officialName", service.name());
            data.put("monogram", service.monogram());
            data.put("category", plugin.catalogue().category(service.category()).map(c -> c.name(locale))
                    .orElse(service.category()));
            data.put("categoryId", service.category());
            data.put("description", Optional.ofNullable(service.description(locale)).orElse(""));
            data.put("docs", Optional.ofNullable(service.docs()).orElse(""));
            data.put("available", service.generallyAvailable() == null ? ""
                    : String.format(labels.get("generallyAvailable"), service.generallyAvailable()));
            data.put("featuring", posts(site, coverage.featuring()));
            data.put("mentioning", posts(site, coverage.mentioning()));
            data.put("index", site.basePath() + root);
            return Optional.of(Page.themed(service.shortName(),
                    plugin.context().templates().render("service.html", data)));
        }

        private static List<Map<String, Object>> posts(SiteInfo site, List<PostView> posts) {
            DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(site.locale());
            List<Map<String, Object>> items = new ArrayList<>();
            for (PostView post : posts) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("title", post.title());
                item.put("href", site.basePath() + UrlPaths.encodePath(post.path()));
                item.put("iso", post.published() == null ? "" : post.published().withNano(0).toInstant().toString());
                item.put("date", post.published() == null ? ""
                        : dates.format(post.published().atZoneSameInstant(site.timeZone())));
                items.add(item);
            }
            return items;
        }
    }
}
