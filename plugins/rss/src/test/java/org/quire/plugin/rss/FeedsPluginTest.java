package org.quire.plugin.rss;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.quire.api.Page;
import org.quire.api.PageRoute;
import org.quire.api.SiteInfo;
import org.quire.core.plugin.PluginRegistry;
import org.quire.core.testkit.TestHost;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;

class FeedsPluginTest {

    private final TestHost host = FeedFixtures.host();
    private final PluginRegistry registry = FeedFixtures.registry(host);

    @AfterEach
    void close() {
        registry.close();
    }

    private Page render(String path) {
        for (PageRoute route : registry.active().get(0).routes()) {
            if (route.paths().contains(path)) {
                return route.render(path).orElseThrow();
            }
        }
        throw new AssertionError("no route lists " + path);
    }

    private static String text(Page page) {
        return new String(page.body(), StandardCharsets.UTF_8);
    }

    private static SyndFeed parse(Page page) throws Exception {
        return new SyndFeedInput().build(new StringReader(text(page)));
    }

    @Test
    void listsAFeedOfEveryKindForEverySiteTagCategoryAndAuthor() {
        List<String> paths = registry.active().get(0).routes().stream().flatMap(r -> r.paths().stream()).toList();
        assertThat(paths).contains("/feed.xml", "/atom.xml", "/feed.json",
                "/feeds/tags/aws/rss.xml", "/feeds/tags/%E4%BA%91%E8%AE%A1%E7%AE%97/atom.xml",
                "/feeds/tags/linux%20initramfs/feed.json", "/feeds/tags/c%2B%2B/rss.xml", "/feeds/tags/nova/atom.xml",
                "/feeds/categories/articles/rss.xml", "/feeds/authors/li-lei/feed.json");
        assertThat(paths).filteredOn(p -> p.startsWith("/feeds/tags/nova/")).hasSize(3);
    }

    @Test
    void siteRssParsesBackWithEveryEntryComplete() throws Exception {
        Page page = render("/feed.xml");
        assertThat(page.contentType()).isEqualTo("application/rss+xml; charset=UTF-8");
        SyndFeed feed = parse(page);
        assertThat(feed.getFeedType()).isEqualTo("rss_2.0");
        assertThat(feed.getTitle()).isEqualTo("Test site");
        assertThat(feed.getLink()).isEqualTo("https://example.org/");
        assertThat(feed.getEntries()).extracting(SyndEntry::getTitle)
                .containsExactly("Nova again", "Linux initramfs explained", "Review of AWS re:invent");
        SyndEntry seed = feed.getEntries().get(2);
        assertThat(seed.getLink()).isEqualTo("https://example.org/2017/12/aws-reinvent/");
        assertThat(seed.getUri()).isEqualTo("tag:example.org,2017-12-29:post/1");
        assertThat(seed.getPublishedDate().toInstant()).hasToString("2017-12-28T16:00:00Z");
        assertThat(seed.getCategories()).extracting(c -> c.getName()).containsExactly("articles", "AWS", "云计算");
        assertThat(seed.getContents().get(0).getValue())
                .contains("src=\"https://example.org/images/15129744814539.jpg\"")
                .contains("href=\"https://example.org/2017/12/other/\"");
        assertThat(seed.getEnclosures()).singleElement().satisfies(e -> {
            assertThat(e.getUrl()).isEqualTo("https://example.org/images/15129744814539.jpg");
            assertThat(e.getType()).isEqualTo("image/jpeg");
        });
        assertThat(feed.getEntries().get(1).getEnclosures().get(0).getUrl()).isEqualTo("https://example.org/images/cover.png");
    }

    @Test
    void atomCarriesAuthorsDatesWithZonesAndFullContent() throws Exception {
        String xml = text(render("/atom.xml"));
        assertThat(xml).contains("<feed xmlns=\"http://www.w3.org/2005/Atom\"",
                "<link rel=\"self\" type=\"application/atom+xml\" href=\"https://example.org/atom.xml\"",
                "<name>李雷</name>");
        SyndFeed feed = parse(render("/atom.xml"));
        assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
        SyndEntry seed = feed.getEntries().get(2);
        assertThat(seed.getAuthors()).extracting(a -> a.getName()).containsExactly("Jane Doe", "李雷");
        assertThat(seed.getUpdatedDate().toInstant()).hasToString("2017-12-29T16:00:00Z");
        assertThat(seed.getContents().get(0).getValue()).contains("<h2 id=\"amazon-eks\">Amazon EKS</h2>");
    }

    @Test
    void jsonFeedFollowsVersionOnePointOne() throws Exception {
        Page page = render("/feed.json");
        assertThat(page.contentType()).isEqualTo("application/feed+json; charset=UTF-8");
        JsonNode feed = new ObjectMapper().readTree(page.body());
        assertThat(feed.path("version").asText()).isEqualTo("https://jsonfeed.org/version/1.1");
        assertThat(feed.path("feed_url").asText()).isEqualTo("https://example.org/feed.json");
        JsonNode seed = feed.path("items").get(2);
        assertThat(seed.path("id").asText()).isEqualTo("tag:example.org,2017-12-29:post/1");
        assertThat(seed.path("url").asText()).isEqualTo("https://example.org/2017/12/aws-reinvent/");
        assertThat(seed.path("date_published").asText()).isEqualTo("2017-12-29T00:00:00+08:00");
        assertThat(seed.path("content_html").asText()).contains("https://example.org/images/15129744814539.jpg");
        assertThat(seed.path("authors").get(1).path("name").asText()).isEqualTo("李雷");
        assertThat(seed.path("tags").toString()).isEqualTo("[\"articles\",\"AWS\",\"云计算\"]");
    }

    @Test
    void chineseSpacedAndPunctuatedTagsHaveFeedsAndOneIdentity() throws Exception {
        assertThat(parse(render("/feeds/tags/%E4%BA%91%E8%AE%A1%E7%AE%97/atom.xml")).getEntries())
                .extracting(SyndEntry::getTitle).containsExactly("Review of AWS re:invent");
        assertThat(parse(render("/feeds/tags/linux%20initramfs/rss.xml")).getTitle()).isEqualTo("Linux initramfs · Test site");
        assertThat(parse(render("/feeds/tags/c%2B%2B/rss.xml")).getEntries()).hasSize(1);
        assertThat(parse(render("/feeds/tags/nova/rss.xml")).getEntries()).extracting(SyndEntry::getTitle)
                .containsExactly("Nova again", "Linux initramfs explained");
        assertThat(parse(render("/feeds/categories/Linux/atom.xml")).getEntries()).hasSize(1);
        assertThat(parse(render("/feeds/authors/li-lei/rss.xml")).getEntries()).hasSize(3);
    }

    @Test
    void unknownNamesAndFilesAreNotFeeds() {
        PageRoute tags = registry.active().get(0).routes().stream()
                .filter(r -> r.pattern().equals("/feeds/tags/{name}/{file}")).findFirst().orElseThrow();
        assertThat(tags.render("/feeds/tags/unknown/rss.xml")).isEmpty();
        assertThat(tags.render("/feeds/tags/aws/index.html")).isEmpty();
        assertThat(tags.render("/feeds/tags/")).isEmpty();
    }

    @Test
    void charactersXmlForbidsAreRemovedSoTheFeedAlwaysParses() throws Exception {
        assertThat(FeedWriter.xmlSafe("a\u0007b\u0000c\uFFFEd\uD800e")).isEqualTo("abcde");
        assertThat(parse(render("/feed.xml")).getEntries().get(1).getTitle()).isEqualTo("Linux initramfs explained");
    }

    @Test
    void itemLimitAndExcerptOnlySettingsApply() throws Exception {
        host.set(FeedsPlugin.ID, FeedsPlugin.ITEMS, "1").set(FeedsPlugin.ID, FeedsPlugin.FULL_CONTENT, "false");
        SyndFeed feed = parse(render("/feed.xml"));
        assertThat(feed.getEntries()).singleElement().satisfies(entry -> {
            assertThat(entry.getContents()).isEmpty();
            assertThat(entry.getDescription().getValue()).isEqualTo("<p>Excerpt of nova</p>");
        });
    }

    @Test
    void imagesWithSmallerCopiesPointFeedsToTheOneForAReadersColumn() {
        SiteInfo site = new SiteInfo("Site", "", "https://blog.example", "", java.util.Locale.ENGLISH,
                java.time.ZoneOffset.UTC);
        String html = "<p><img src=\"/media/a.jpg\" srcset=\"/media/_w480/a.jpg?v=1 480w, /media/_w960/a.jpg?v=1 960w,"
                + " /media/a.jpg 2000w\" sizes=\"(max-width: 768px) 100vw, 768px\" width=\"2000\" height=\"1000\""
                + " alt=\"A\" loading=\"lazy\" decoding=\"async\"><img src=\"/media/small.png\""
                + " srcset=\"/media/small.png 300w\" alt=\"B\"></p>";
        String feed = FeedWriter.absolute(site, html);
        assertThat(feed).contains("src=\"https://blog.example/media/_w960/a.jpg?v=1\"")
                .contains("src=\"https://blog.example/media/small.png\"").contains("alt=\"A\"")
                .contains("width=\"2000\"").doesNotContain("srcset").doesNotContain("sizes")
                .doesNotContain("loading").doesNotContain("decoding");
    }
}
