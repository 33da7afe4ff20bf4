package org.quire.web.publicsite;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.quire.web.DatabaseTest;
import org.quire.web.content.Post;
import org.quire.web.content.PostService;
import org.quire.web.content.PostStatus;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class PublicSiteTest extends DatabaseTest {


    @Inject
    PostService posts;

    @Inject
    PageCache cache;

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private Post create(String frontMatterAndBody, PostStatus status) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Post post = posts.create(frontMatterAndBody, null, status, null).post();
            return status == PostStatus.PUBLISHED ? posts.publish(post.id) : post;
        });
    }

    private static Document html(Response response) {
        return Jsoup.parse(response.asString());
    }

    @Test
    void homeListsPublishedPostsNewestFirst() {
        String title = unique("Newest");
        create("---\ntitle: " + title + "\nslug: " + unique("newest") + "\n---\nJust now\n", PostStatus.PUBLISHED);
        Document home = html(given().get("/").then().statusCode(200).contentType(containsString("text/html")).extract().response());
        assertThat(home.select("html").attr("lang")).isEqualTo("en");
        assertThat(home.select("article.post-summary h2 a").first().text()).isEqualTo(title);
        List<String> dates = home.select("article.post-summary time").eachAttr("datetime");
        assertThat(dates).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(home.select("link[rel=canonical]").attr("href")).isEqualTo("http://localhost:8080/");
    }

    @Test
    void theSeedPostIsServedAtItsPermalink() {
        Post seed = org.quire.web.SeedPosts.publish(posts);
        assertThat(seed.path).isEqualTo("/2017/12/aws-reinvent/");
        Document page = html(given().get(seed.path).then().statusCode(200).extract().response());
        assertThat(page.select("h1").text()).isEqualTo("Review of AWS re:invent");
        assertThat(page.select(".post-body h2")).hasSize(7);
        assertThat(page.select(".post-body img")).hasSize(6);
        assertThat(page.select(".meta").text()).containsPattern("[3-8] min read");
        assertThat(page.select("meta[property=og:title]").attr("content")).startsWith("Review of AWS re:invent");
        assertThat(page.select("meta[property=og:type]").attr("content")).isEqualTo("article");
        assertThat(page.select("meta[property=og:url]").attr("content"))
                .isEqualTo("http://localhost:8080/2017/12/aws-reinvent/");
        assertThat(page.select("meta[name=twitter:card]").attr("content")).isEqualTo("summary_large_image");
        String jsonLd = page.select("script[type=application/ld+json]").html();
        assertThat(jsonLd).contains("\"@type\":\"BlogPosting\"", "\"headline\":\"Review of AWS re:invent\"",
                "\"datePublished\":\"2017-12-29T00:00:00Z\"", "\"@type\":\"Person\"");
        assertThat(page.select("nav.toc a").eachAttr("href")).contains("#总结");
    }

    @Test
    void canonicalUrlsComeFromTheConfiguredSiteNeverTheHostHeader() {
        Post seed = org.quire.web.SeedPosts.publish(posts);
        cache.invalidateAll();
        Document page = html(given().header("Host", "evil.example").get(seed.path).then().statusCode(200)
                .extract().response());
        assertThat(page.select("link[rel=canonical]").attr("href")).isEqualTo("http://localhost:8080/2017/12/aws-reinvent/");
        assertThat(page.html()).doesNotContain("evil.example");
        given().header("Host", "evil.example").get("/sitemap.xml").then().statusCode(200)
                .body(not(containsString("evil.example")));
    }

    @Test
    void unknownPathsGetTheNotFoundPage() {
        Document page = html(given().get("/no/such/page/").then().statusCode(404)
                .contentType(containsString("text/html")).extract().response());
        assertThat(page.select("h1").text()).isEqualTo("Page not found");
        given().get("/page/999/").then().statusCode(404);
        given().get("/authors/nobody-at-all/").then().statusCode(404);
    }

    @Test
    void anOldSlugAnswers301ToTheCurrentAddress() {
        String slug = unique("renamed");
        Post post = create("---\ntitle: Renamed\nslug: " + slug + "\ndate: 2021-04-05\n---\nText\n", PostStatus.PUBLISHED);
        QuarkusTransaction.requiringNew().run(() -> posts.update(post.id, Post.<Post>findById(post.id).version,
                "---\ntitle: Renamed\nslug: " + slug + "-now\ndate: 2021-04-05\n---\nText\n", null));
        given().redirects().follow(false).get("/2021/04/" + slug + "/").then().statusCode(301)
                .header("Location", "/2021/04/" + slug + "-now/");
        given().get("/2021/04/" + slug + "-now/").then().statusCode(200);
        given().redirects().follow(false).get("/2021/04/" + slug + "-now").then().statusCode(301)
                .header("Location", "/2021/04/" + slug + "-now/");
    }

    @Test
    void aRepeatedRequestWithTheEtagOrDateGets304() {
        Post seed = org.quire.web.SeedPosts.publish(posts);
        Response first = given().get(seed.path).then().statusCode(200).extract().response();
        String etag = first.header("ETag");
        String lastModified = first.header("Last-Modified");
        assertThat(etag).matches("\"[0-9a-f]{32}\"");
        given().header("If-None-Match", etag).get(seed.path).then().statusCode(304).header("ETag", etag);
        given().header("If-Modified-Since", lastModified).get(seed.path).then().statusCode(304);
        given().header("If-None-Match", "\"something-else\"").get(seed.path).then().statusCode(200);
    }

    @Test
    void textIsServedGzippedToClientsThatAcceptIt() {
        Post seed = org.quire.web.SeedPosts.publish(posts);
        given().header("Accept-Encoding", "gzip").get(seed.path).then().statusCode(200)
                .header("Content-Encoding", "gzip").header("Vary", "Accept-Encoding")
                .body(containsString("Review of AWS re:invent"));
    }

    @Test
    void theSitemapListsEveryPublishedPostAndNothingElse() {
        String draftSlug = unique("draft");
        String goneSlug = unique("gone");
        Post published = create("---\ntitle: Listed\nslug: " + unique("listed") + "\n---\n", PostStatus.PUBLISHED);
        create("---\ntitle: Draft\nslug: " + draftSlug + "\n---\n", PostStatus.DRAFT);
        Post gone = create("---\ntitle: Gone\nslug: " + goneSlug + "\n---\n", PostStatus.PUBLISHED);
        QuarkusTransaction.requiringNew().run(() -> posts.unpublish(gone.id));

        String sitemap = given().get("/sitemap.xml").then().statusCode(200)
                .contentType(containsString("application/xml")).extract().asString();
        long publishedCount = QuarkusTransaction.requiringNew().call(() ->
                Post.count("status = ?1 and deletedAt is null", PostStatus.PUBLISHED));
        assertThat(Jsoup.parse(sitemap, "", org.jsoup.parser.Parser.xmlParser()).select("url")).hasSize((int) publishedCount + 1);
        assertThat(sitemap).contains("http://localhost:8080" + published.path).doesNotContain(draftSlug, goneSlug);
        given().get(gone.path).then().statusCode(404);
    }

    @Test
    void authorAndArchivePagesListThePosts() {
        org.quire.web.SeedPosts.publish(posts);
        given().get("/authors/admin/").then().statusCode(200).body(containsString("Review of AWS re:invent"));
        // Handles are kept in lower case; a link written with capitals still finds the author.
        given().get("/authors/Admin/").then().statusCode(200).body(containsString("Review of AWS re:invent"));
        given().get("/archive/").then().statusCode(200).body(containsString("/archive/2017/12/"));
        given().get("/archive/2017/").then().statusCode(200).body(containsString("Review of AWS re:invent"));
        given().get("/archive/2017/12/").then().statusCode(200).body(containsString("Review of AWS re:invent"));
        given().get("/archive/1999/01/").then().statusCode(404);
        given().get("/robots.txt").then().statusCode(200).body(containsString("Sitemap: http://localhost:8080/sitemap.xml"));
    }

    @Test
    void anEditDropsExactlyThePagesThatShowedThePost() {
        String slugA = unique("edited");
        Post a = create("---\ntitle: Edited\nslug: " + slugA + "\ndate: 2015-01-02\n---\nBefore\n", PostStatus.PUBLISHED);
        Post b = create("---\ntitle: Untouched\nslug: " + unique("untouched") + "\ndate: 2014-06-07\n---\nSame\n",
                PostStatus.PUBLISHED);
        String etagA = given().get(a.path).then().statusCode(200).extract().header("ETag");
        given().get(b.path).then().statusCode(200);
        given().get("/archive/2014/06/").then().statusCode(200);
        PageCache.Entry cachedB = cache.get(b.path);
        PageCache.Entry cachedJune = cache.get("/archive/2014/06/");
        assertThat(cachedB).isNotNull();

        QuarkusTransaction.requiringNew().run(() -> posts.update(a.id, Post.<Post>findById(a.id).version,
                "---\ntitle: Edited\nslug: " + slugA + "\ndate: 2015-01-02\n---\nAfter\n", null));

        assertThat(cache.get(a.path)).isNull();
        assertThat(cache.get("/")).isNull();
        assertThat(cache.get(b.path)).isSameAs(cachedB);
        assertThat(cache.get("/archive/2014/06/")).isSameAs(cachedJune);
        given().get(a.path).then().statusCode(200).body(containsString("After"))
                .header("ETag", not(etagA));
    }

    @Test
    void applicationEndpointsAreNotTakenByTheSite() {
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/api/runtime").then().statusCode(401);
        given().get("/api/admin/me").then().statusCode(401);
        given().get("/admin/sign-in").then().statusCode(200);
        given().get("/static/theme.css").then().statusCode(200).contentType(containsString("text/css"));
        assertThat(List.of("/q/", "/api/")).isNotEmpty();
    }
}
