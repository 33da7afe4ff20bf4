package org.quire.web.plugins;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quire.web.DatabaseProduct;
import org.quire.web.DatabaseTest;
import org.quire.web.content.Post;
import org.quire.web.content.PostService;
import org.quire.web.content.PostStatus;
import org.quire.web.content.TagEntity;
import org.quire.web.publicsite.PageCache;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** The built-in tags plugin served by the site, themed by the host. */
@QuarkusTest
class TagsThroughTheSiteTest extends DatabaseTest {

    @Inject
    PostService posts;

    @Inject
    PageCache cache;


    private Post publish(String title, String tags, String extra) {
        return QuarkusTransaction.requiringNew().call(() -> posts.publish(posts.create("---\ntitle: " + title
                + "\nslug: " + UUID.randomUUID() + "\ntags: [" + tags + "]\n" + extra + "---\nAbout " + title + "\n",
                null, PostStatus.PUBLISHED, null).post().id));
    }

    private static Document page(String path, int status) {
        return Jsoup.parse(given().urlEncodingEnabled(false).get(path).then().statusCode(status).extract().asString());
    }

    @Test
    void spacedChineseAndPunctuatedTagsHaveArchivesAndNovaIsOneTag() {
        String suffix = UUID.randomUUID().toString().substring(0, 5);
        publish("Initramfs " + suffix, "\"Linux initramfs\", \"C++\"", "");
        publish("Cloud " + suffix, "\"云计算\", Nova", "");
        publish("Lower " + suffix, "nova", "");
        assertThat(page("/tags/linux%20initramfs/", 200).select("article h2").eachText()).contains("Initramfs " + suffix);
        assertThat(page("/tags/c%2B%2B/", 200).select("article h2").eachText()).contains("Initramfs " + suffix);
        Document cloud = page("/tags/%E4%BA%91%E8%AE%A1%E7%AE%97/", 200);
        assertThat(cloud.select("h1").text()).isEqualTo("Tagged 云计算");
        assertThat(cloud.select("article h2").eachText()).contains("Cloud " + suffix);
        assertThat(page("/tags/Nova/", 200).select("article h2").eachText()).contains("Cloud " + suffix, "Lower " + suffix);
        assertThat(page("/tags/nova/", 200).select("article h2").eachText()).contains("Cloud " + suffix, "Lower " + suffix);
        given().get("/tags/no-such-tag/").then().statusCode(404);
    }

    @Test
    void theIndexListsEveryTagWithItsCountAndPassesTheHtmlChecker() {
        publish("Indexed", "\"云计算\", \"Linux initramfs\"", "");
        String html = given().get("/tags/").then().statusCode(200).extract().asString();
        Document index = Jsoup.parse(html);
        assertThat(index.select("html").attr("lang")).isEqualTo("en");
        assertThat(index.select("link[rel=canonical]").attr("href")).isEqualTo("http://localhost:8080/tags/");
        assertThat(index.select(".tag-list a").eachAttr("href"))
                .contains("/tags/%E4%BA%91%E8%AE%A1%E7%AE%97/", "/tags/linux%20initramfs/");
        assertThat(org.quire.web.publicsite.NuHtmlCheckerAccess.errors(html)).isEmpty();
        assertThat(org.quire.web.publicsite.NuHtmlCheckerAccess.errors(
                given().urlEncodingEnabled(false).get("/tags/%E4%BA%91%E8%AE%A1%E7%AE%97/").then().extract().asString()))
                .isEmpty();
    }

    @Test
    void archivesArePaginatedByTheSetting() {
        String tag = "paged-" + UUID.randomUUID().toString().substring(0, 6);
        for (int i = 1; i <= 3; i++) {
            publish("Paged " + i, tag, "date: 2016-01-0" + i + "\n");
        }
        QuarkusTransaction.requiringNew().run(() -> {
            PluginState state = PluginState.findById("tags");
            if (state == null) {
                state = new PluginState();
                state.pluginId = "tags";
                state.enabled = true;
            }
            state.settingsJson = "{\"posts-per-page\":\"2\"}";
            state.updatedAt = Instant.now();
            state.persist();
        });
        cache.invalidateAll();
        try {
            assertThat(page("/tags/" + tag + "/", 200).select("article h2").eachText()).containsExactly("Paged 3", "Paged 2");
            Document second = page("/tags/" + tag + "/page/2/", 200);
            assertThat(second.select("article h2").eachText()).containsExactly("Paged 1");
            assertThat(second.select("a[rel=prev]").attr("href")).isEqualTo("/tags/" + tag + "/");
            given().get("/tags/" + tag + "/page/3/").then().statusCode(404);
        } finally {
            QuarkusTransaction.requiringNew().run(() -> PluginState.deleteById("tags"));
            cache.invalidateAll();
        }
    }

    @Test
    void categoriesHaveArchivesAndTagDescriptionsShow() {
        String tag = "described-" + UUID.randomUUID().toString().substring(0, 6);
        publish("Categorised", tag, "category: Field Notes\n");
        QuarkusTransaction.requiringNew().run(() -> {
            TagEntity entity = TagEntity.find("key", tag).firstResult();
            entity.description = "Notes on things described.";
        });
        cache.invalidateAll();
        given().urlEncodingEnabled(false).get("/categories/Field%20Notes/").then().statusCode(200).body(containsString("Categorised"));
        given().get("/tags/" + tag + "/").then().statusCode(200).body(containsString("Notes on things described."));
    }

    @Test
    void aPostShowsTheRelatedPostsThatShareMostTags() {
        String x = "rel-x-" + UUID.randomUUID().toString().substring(0, 5);
        String y = "rel-y-" + UUID.randomUUID().toString().substring(0, 5);
        Post a = publish("Related A", x + ", " + y, "date: 2019-01-01\n");
        publish("Related B", x + ", " + y, "date: 2019-01-02\n");
        publish("Related C", x, "date: 2019-01-03\n");
        publish("Unrelated D", "rel-z-" + UUID.randomUUID().toString().substring(0, 5), "date: 2019-01-04\n");
        String html = given().urlEncodingEnabled(false).get(org.quire.api.UrlPaths.encodePath(a.path)).then()
                .statusCode(200).extract().asString();
        Document page = Jsoup.parse(html);
        assertThat(page.select("section.related-posts h2").text()).isEqualTo("Related posts");
        assertThat(page.select("section.related-posts a").eachText()).containsExactly("Related B", "Related C");
        assertThat(org.quire.web.publicsite.NuHtmlCheckerAccess.errors(html)).isEmpty();
    }

    @Test
    void aCachedPostPageGainsARelatedPostPublishedAfterIt() {
        String tag = "later-" + UUID.randomUUID().toString().substring(0, 6);
        Post first = publish("Alone at first", tag, "");
        Post second = publish("Arrives later", tag, "");
        QuarkusTransaction.requiringNew().run(() -> posts.delete(second.id));
        // Cached with no related posts at all...
        given().get(first.path).then().statusCode(200).body(not(containsString("related-posts")));
        QuarkusTransaction.requiringNew().run(() -> posts.restore(second.id));
        // ...and dropped when another post with its tag comes back, so the section appears.
        given().get(first.path).then().statusCode(200).body(containsString("Arrives later"));
    }

    @Test
    void scheduledAndDeletedPostsAreInNoArchiveOrFeed() {
        String tag = "hidden-" + UUID.randomUUID().toString().substring(0, 6);
        publish("Visible", tag, "");
        QuarkusTransaction.requiringNew().run(() -> posts.create("---\ntitle: Scheduled one\nslug: " + UUID.randomUUID()
                + "\ntags: [" + tag + "]\n---\n", null, PostStatus.SCHEDULED, null));
        Post deleted = publish("Deleted one", tag, "");
        QuarkusTransaction.requiringNew().run(() -> Post.<Post>findById(deleted.id).deletedAt = Instant.now());
        cache.invalidateAll();
        for (String path : new String[] {"/tags/" + tag + "/", "/feeds/tags/" + tag + "/atom.xml", "/feed.json", "/tags/"}) {
            given().get(path).then().statusCode(200).body(not(containsString("Scheduled one")))
                    .body(not(containsString("Deleted one")));
        }
    }

    @Test
    void unpublishedPostsLeaveTheArchives() {
        String tag = "leaving-" + UUID.randomUUID().toString().substring(0, 6);
        Post staying = publish("Staying", tag, "");
        Post leaving = publish("Leaving", tag, "");
        given().get("/tags/" + tag + "/").then().statusCode(200).body(containsString("Leaving"));
        QuarkusTransaction.requiringNew().run(() -> posts.unpublish(leaving.id));
        given().get("/tags/" + tag + "/").then().statusCode(200).body(not(containsString("Leaving")))
                .body(containsString(staying.title));
    }
}
