package org.quire.web.export;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quire.api.UrlPaths;
import org.quire.web.DatabaseTest;
import org.quire.web.SeedPosts;
import org.quire.web.content.Post;
import org.quire.web.content.PostService;
import org.quire.web.content.PostStatus;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class SiteExporterTest extends DatabaseTest {

    @Inject
    SiteExporter exporter;

    @Inject
    PostService posts;

    @Inject
    org.quire.web.publicsite.PageCache pageCache;

    @Inject
    org.quire.web.publicsite.PublishedSites publishedSites;

    @TempDir
    Path folder;

    @Test
    void everyExportedPageIsByteForByteThePageTheServerServes() throws Exception {
        Post seed = SeedPosts.publish(posts);
        SiteExporter.Report report = exporter.export(folder, progress -> { });
        assertThat(report.skipped()).isEmpty();
        assertThat(report.written()).isEqualTo(report.pages() + 1);

        List<String> paths = exporter.paths();
        assertThat(paths).contains("/", UrlPaths.encodePath(seed.path), "/archive/", "/archive/2017/12/",
                "/authors/admin/", "/sitemap.xml", "/robots.txt", "/tags/", "/tags/aws/", "/feed.xml", "/atom.xml",
                "/feed.json", "/feeds/tags/aws/atom.xml", "/categories/articles/");
        // Every path when the site is small; otherwise every kind of page (the list above) and the first of the
        // rest, so the test stays fast when other tests have filled the database.
        List<String> sample = new ArrayList<>(paths.size() <= 400 ? paths : paths.subList(0, 400));
        for (String path : List.of("/", UrlPaths.encodePath(seed.path), "/archive/", "/archive/2017/12/", "/authors/admin/",
                "/sitemap.xml", "/robots.txt", "/tags/", "/tags/aws/", "/feed.xml", "/atom.xml", "/feed.json",
                "/feeds/tags/aws/atom.xml", "/categories/articles/")) {
            if (!sample.contains(path)) {
                sample.add(path);
            }
        }
        List<String> compared = new ArrayList<>();
        for (String path : sample) {
            byte[] live = given().urlEncodingEnabled(false).header("Accept-Encoding", "identity").get(path).then()
                    .statusCode(200).extract().asByteArray();
            Path file = SiteExporter.fileFor(folder, UrlPaths.decode(path));
            assertThat(file).as("file for %s", path).isNotNull();
            assertThat(Files.readAllBytes(file)).as("exported %s", path).isEqualTo(live);
            compared.add(path);
        }
        assertThat(compared).hasSameSizeAs(sample);
        assertThat(folder.resolve("404.html")).exists();
        assertThat(folder.resolve("static/theme.css")).exists();
        // The feeds in the folder parse, as a reader of the static site would read them.
        for (String feed : List.of("feed.xml", "atom.xml", "feeds/tags/aws/rss.xml", "feeds/tags/aws/atom.xml")) {
            com.rometools.rome.feed.synd.SyndFeed parsed = new com.rometools.rome.io.SyndFeedInput()
                    .build(new java.io.StringReader(Files.readString(folder.resolve(feed))));
            assertThat(parsed.getEntries()).as("entries of the exported %s", feed).isNotEmpty();
        }
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(folder.resolve("feed.json").toFile())
                .path("items")).isNotEmpty();
    }

    @Test
    void anIncrementalExportRewritesOnlyWhatAnEditChanged() throws Exception {
        String slug = "export-" + UUID.randomUUID().toString().substring(0, 8);
        Post edited = QuarkusTransaction.requiringNew().call(() -> posts.publish(posts.create("---\ntitle: Before\nslug: "
                + slug + "\ndate: 2013-03-03\n---\nText\n", null, PostStatus.PUBLISHED, null).post().id));
        Post untouched = SeedPosts.publish(posts);
        exporter.export(folder, progress -> { });
        SiteExporter.Report again = exporter.export(folder, progress -> { });
        assertThat(again.written()).isZero();

        Path untouchedFile = SiteExporter.fileFor(folder, untouched.path);
        Path awsTagFile = SiteExporter.fileFor(folder, "/tags/aws/");
        FileTime untouchedTime = Files.getLastModifiedTime(untouchedFile);
        FileTime awsTagTime = Files.getLastModifiedTime(awsTagFile);
        Thread.sleep(20);
        QuarkusTransaction.requiringNew().run(() -> posts.update(edited.id, Post.<Post>findById(edited.id).version,
                "---\ntitle: After\nslug: " + slug + "\ndate: 2013-03-03\n---\nText\n", null));
        SiteExporter.Report incremental = exporter.export(folder, progress -> { });

        assertThat(Files.readString(SiteExporter.fileFor(folder, edited.path))).contains("<h1>After</h1>");
        assertThat(Files.readString(SiteExporter.fileFor(folder, "/archive/2013/03/"))).contains("After");
        assertThat(Files.getLastModifiedTime(untouchedFile)).isEqualTo(untouchedTime);
        assertThat(Files.getLastModifiedTime(awsTagFile)).isEqualTo(awsTagTime);
        assertThat(incremental.written()).isPositive().isLessThan(incremental.pages() / 2);
    }

    @Test
    void renderingEveryPostAgainWritesOnlyWhatChangedAndDropsThePagesThatShowedIt() {
        String slug = "rerender-" + UUID.randomUUID().toString().substring(0, 8);
        Post post = QuarkusTransaction.requiringNew().call(() -> posts.publish(posts.create(
                "---\ntitle: Rendered\nslug: " + slug + "\n---\nFresh *text*\n", null, PostStatus.PUBLISHED, null)
                .post().id));
        posts.rerenderAll();
        long drops = pageCache.dropsSoFar();
        assertThat(posts.rerenderAll()).isPositive();
        assertThat(pageCache.dropsSoFar()).as("pages dropped though no post changed").isEqualTo(drops);

        given().get(post.path).then().statusCode(200).body(org.hamcrest.Matchers.containsString("<em>text</em>"));
        // HTML as an older engine or plugin left it: a bulk update, which drops no page by itself.
        QuarkusTransaction.requiringNew().run(() -> Post.update("html = 'stale' where id = ?1", post.id));
        posts.rerenderAll();

        assertThat(pageCache.dropsSoFar()).isGreaterThan(drops);
        assertThat(QuarkusTransaction.requiringNew().call(() -> Post.<Post>findById(post.id).html))
                .contains("<em>text</em>");
        given().get(post.path).then().statusCode(200).body(org.hamcrest.Matchers.containsString("<em>text</em>"));
    }

    @Test
    void anExportTakesHtmlAtHandOnlyForThePostsPublishedVersion() throws Exception {
        String slug = "handed-" + UUID.randomUUID().toString().substring(0, 8);
        Post fresh = QuarkusTransaction.requiringNew().call(() -> posts.publish(posts.create("---\ntitle: Fresh\nslug: "
                + slug + "-a\ndate: 2014-04-04\n---\nFirst *text*\n", null, PostStatus.PUBLISHED, null).post().id));
        Post edited = QuarkusTransaction.requiringNew().call(() -> posts.publish(posts.create("---\ntitle: Edited\nslug: "
                + slug + "-b\ndate: 2014-04-05\n---\nSecond *text*\n", null, PostStatus.PUBLISHED, null).post().id));

        long freshVersion = QuarkusTransaction.requiringNew().call(() -> Post.<Post>findById(fresh.id).version);
        long editedVersion = QuarkusTransaction.requiringNew().call(() -> Post.<Post>findById(edited.id).version);
        // What an earlier render kept of each: the first post as published now, the second as it was before a save.
        Map<Long, PostService.CurrentHtml> known = Map.of(
                fresh.id, new PostService.CurrentHtml(freshVersion, "<p>kept by the render</p>"),
                edited.id, new PostService.CurrentHtml(editedVersion - 1, "<p>an older version's</p>"));
        exporter.export(folder, progress -> { }, known);

        assertThat(Files.readString(SiteExporter.fileFor(folder, fresh.path))).contains("<p>kept by the render</p>");
        assertThat(Files.readString(SiteExporter.fileFor(folder, edited.path)))
                .contains("Second <em>text</em>").doesNotContain("an older version's");

        // What rendering every post again keeps is what it stored: the export is the live site, byte for byte.
        assertThat(posts.rerenderAllKeepingHtml().html().get(fresh.id).html()).contains("First <em>text</em>");
        // Left by an older engine, as a bulk update leaves it: the snapshot read while the posts render holds this
        // excerpt, and rendering them again must drop it.
        QuarkusTransaction.requiringNew().run(() -> Post.update("html = '<p>stale</p>', excerptHtml = '<p>stale</p>'"
                + " where id = ?1", fresh.id));
        Path again = folder.resolve("again");
        SiteExporter.Report fromMarkdown = exporter.exportFromMarkdown(again, progress -> { });
        assertThat(fromMarkdown.rendered()).isPositive();
        assertThat(fromMarkdown.written()).isEqualTo(fromMarkdown.pages() + 1);
        for (Post post : List.of(fresh, edited)) {
            byte[] live = given().urlEncodingEnabled(false).header("Accept-Encoding", "identity")
                    .get(UrlPaths.encodePath(post.path)).then().statusCode(200).extract().asByteArray();
            assertThat(Files.readAllBytes(SiteExporter.fileFor(again, post.path))).as("exported %s", post.path)
                    .isEqualTo(live);
        }
        assertThat(Files.readString(SiteExporter.fileFor(again, "/archive/2014/04/"))).contains("First <em>text</em>")
                .doesNotContain("stale");
    }

    @Test
    void anExportFromMarkdownStartsWithNothingCached() throws Exception {
        Post post = SeedPosts.publish(posts);
        posts.rerenderAll();
        // Warm: the page cached, the published site read, and nothing changes from here on.
        given().get(post.path).then().statusCode(200);
        publishedSites.current();
        long drops = pageCache.dropsSoFar();
        long reads = publishedSites.readsSoFar();

        SiteExporter.Report report = exporter.exportFromMarkdown(folder, progress -> { });

        assertThat(report.rendered()).isPositive();
        assertThat(pageCache.dropsSoFar()).as("cached pages dropped first").isGreaterThan(drops);
        assertThat(publishedSites.readsSoFar()).as("the published site read again").isGreaterThan(reads);
        // The export is still the live site, byte for byte.
        byte[] live = given().urlEncodingEnabled(false).header("Accept-Encoding", "identity")
                .get(UrlPaths.encodePath(post.path)).then().statusCode(200).extract().asByteArray();
        assertThat(Files.readAllBytes(SiteExporter.fileFor(folder, post.path))).isEqualTo(live);
    }
}
