package org.quire.web.plugins;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.quire.web.DatabaseTest;
import org.quire.web.accounts.Account;
import org.quire.web.content.Post;
import org.quire.web.content.PostService;
import org.quire.web.content.PostStatus;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** The built-in feeds plugin served by the site: through the dispatcher, the page cache and conditional GET. */
@QuarkusTest
class FeedsThroughTheSiteTest extends DatabaseTest {

    @Inject
    PostService posts;


    private Post seed() {
        return org.quire.web.SeedPosts.publish(posts);
    }

    @Test
    void theSeedPostIsInTheAwsTagFeedWithFullContentAndAbsoluteImages() {
        seed();
        String atom = given().get("/feeds/tags/aws/atom.xml").then().statusCode(200)
                .contentType(containsString("application/atom+xml")).extract().asString();
        assertThat(atom).contains("<title>Review of AWS re:invent</title>",
                "http://localhost:8080/images/15129744814539.jpg", "&lt;h2 id=\"总结\"&gt;总结&lt;/h2&gt;");
    }

    @Test
    void pagesAnnounceTheirFeedsForAutodiscovery() {
        seed();
        org.jsoup.nodes.Document home = org.jsoup.Jsoup.parse(given().get("/").then().statusCode(200).extract().asString());
        assertThat(home.select("link[rel=alternate]").eachAttr("href")).contains("/feed.xml", "/atom.xml", "/feed.json");
        assertThat(home.select("link[rel=alternate][href=/atom.xml]").attr("type")).isEqualTo("application/atom+xml");
        org.jsoup.nodes.Document tag = org.jsoup.Jsoup.parse(given().get("/tags/aws/").then().statusCode(200)
                .extract().asString());
        assertThat(tag.select("link[rel=alternate]").eachAttr("href"))
                .contains("/feeds/tags/aws/rss.xml", "/feeds/tags/aws/atom.xml", "/feeds/tags/aws/feed.json", "/feed.xml");
    }

    @Test
    void aRepeatedFeedRequestWithItsEtagGets304() {
        seed();
        String etag = given().get("/feed.xml").then().statusCode(200).extract().header("ETag");
        given().header("If-None-Match", etag).get("/feed.xml").then().statusCode(304);
    }

    @Test
    void unpublishedPostsLeaveEveryFeed() {
        String slug = "feed-" + UUID.randomUUID();
        Post post = QuarkusTransaction.requiringNew().call(() -> posts.publish(posts.create(
                "---\ntitle: Briefly public\nslug: " + slug + "\ntags: [Ephemeral]\ncategory: Fleeting\n---\nText\n",
                null, PostStatus.PUBLISHED, null).post().id));
        given().get("/feed.json").then().statusCode(200).body(containsString(slug));
        given().get("/feeds/tags/ephemeral/rss.xml").then().statusCode(200).body(containsString(slug));
        QuarkusTransaction.requiringNew().run(() -> posts.unpublish(post.id));
        given().get("/feed.json").then().statusCode(200).body(org.hamcrest.Matchers.not(containsString(slug)));
        given().get("/atom.xml").then().statusCode(200).body(org.hamcrest.Matchers.not(containsString(slug)));
        given().get("/feeds/tags/ephemeral/rss.xml").then().statusCode(404);
        given().get("/feeds/categories/Fleeting/atom.xml").then().statusCode(404);
    }

    @Test
    void anEditedPostShowsItsNewTextInEveryFeedItIsIn() {
        String slug = "feed-edit-" + UUID.randomUUID();
        String tag = "edited-" + UUID.randomUUID().toString().substring(0, 6);
        Post post = QuarkusTransaction.requiringNew().call(() -> posts.publish(posts.create(
                "---\ntitle: Edited in feeds\nslug: " + slug + "\ntags: [" + tag + "]\n---\nFirst wording\n",
                null, PostStatus.PUBLISHED, null).post().id));
        for (String feed : java.util.List.of("/feed.json", "/atom.xml", "/feeds/tags/" + tag + "/rss.xml")) {
            given().get(feed).then().statusCode(200).body(containsString("First wording"));
        }
        QuarkusTransaction.requiringNew().run(() -> posts.update(post.id, Post.<Post>findById(post.id).version,
                "---\ntitle: Edited in feeds\nslug: " + slug + "\ntags: [" + tag + "]\n---\nSecond wording\n",
                null));
        for (String feed : java.util.List.of("/feed.json", "/atom.xml", "/feeds/tags/" + tag + "/rss.xml")) {
            given().get(feed).then().statusCode(200).body(containsString("Second wording"))
                    .body(org.hamcrest.Matchers.not(containsString("First wording")));
        }
    }
}
