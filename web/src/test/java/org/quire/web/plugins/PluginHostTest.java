package org.quire.web.plugins;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.quire.api.SiteEvent;
import org.quire.web.DatabaseTest;
import org.quire.web.content.Post;
import org.quire.web.content.PostService;
import org.quire.web.content.PostStatus;
import org.quire.web.plugins.testplugin.TagIndexTestPlugin;
import org.quire.web.publicsite.PageCache;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** Plugins served through the host: routes, templates, settings, events and the page cache. */
@QuarkusTest
class PluginHostTest extends DatabaseTest {


    @Inject
    PostService posts;

    @Inject
    PluginRoutes routes;

    @Inject
    PluginEvents events;

    @Inject
    PageCache cache;

    @Inject
    org.quire.web.publicsite.PublishedSites publishedSites;

    private Post publish(String title, String tag) {
        return QuarkusTransaction.requiringNew().call(() -> posts.publish(posts.create("---\ntitle: " + title
                + "\nslug: " + UUID.randomUUID() + "\ntags: [\"" + tag + "\"]\n---\nBody\n", null, PostStatus.PUBLISHED,
                null).post().id));
    }

    @Test
    void aPluginRouteRendersItsTemplateThroughTheHostAndIsCached() {
        String tag = "插件 " + UUID.randomUUID().toString().substring(0, 6);
        publish("Tagged post", tag);
        String path = "/tag-index/" + new org.quire.core.site.Tag(tag).urlForm() + "/";
        given().urlEncodingEnabled(false).get(path).then().statusCode(200)
                .body(containsString("<h1>Posts tagged " + tag + "</h1>"))
                .body(containsString("<li>Tagged post</li>"));
        assertThat(cache.get(path)).isNotNull();
        given().get("/tag-index/no-such-tag-at-all/").then().statusCode(404);
    }

    @Test
    void aStoredSettingReachesThePlugin() {
        String tag = "settings-" + UUID.randomUUID().toString().substring(0, 6);
        publish("Configured", tag);
        QuarkusTransaction.requiringNew().run(() -> {
            PluginState state = PluginState.findById("test-tag-index");
            if (state == null) {
                state = new PluginState();
                state.pluginId = "test-tag-index";
                state.enabled = true;
            }
            state.settingsJson = "{\"heading\":\"Everything about\"}";
            state.updatedAt = Instant.now();
            state.persist();
        });
        cache.invalidateAll();
        given().get("/tag-index/" + tag + "/").then().statusCode(200).body(containsString("<h1>Everything about " + tag));
        QuarkusTransaction.requiringNew().run(() -> PluginState.deleteById("test-tag-index"));
        cache.invalidateAll();
    }

    @Test
    void aPluginCannotTakeAPathOfTheSiteItself() {
        assertThat(routes.routes()).extracting(r -> r.route().pattern()).contains("/tag-index/{tag}/")
                .doesNotContain("/archive/{year}/");
        given().get("/archive/").then().statusCode(200).body(not(containsString("hijacked")));
    }

    @Test
    void pluginsHearOfPublishedAndUpdatedPostsAfterTheyCommit() throws Exception {
        TagIndexTestPlugin.EVENTS.clear();
        Post post = publish("Announced", "events");
        events.drain();
        assertThat(TagIndexTestPlugin.EVENTS).anySatisfy(event -> assertThat(event)
                .isInstanceOfSatisfying(SiteEvent.PostPublished.class,
                        published -> assertThat(published.post().path()).isEqualTo(post.path)));
        QuarkusTransaction.requiringNew().run(() -> posts.unpublish(post.id));
        events.drain();
        assertThat(TagIndexTestPlugin.EVENTS).anySatisfy(event -> assertThat(event)
                .isInstanceOfSatisfying(SiteEvent.PostUnpublished.class,
                        gone -> assertThat(gone.path()).isEqualTo(post.path)));
    }

    @Test
    void anEventCountsItsPostsTagsAsCommittedWithoutReadingThePublishedSiteAgain() throws Exception {
        String tag = "counted-" + UUID.randomUUID().toString().substring(0, 6);
        publish("One", tag);
        events.drain();
        publishedSites.current();
        long reads = publishedSites.readsSoFar();
        TagIndexTestPlugin.EVENTS.clear();

        Post second = publish("Two", tag);
        events.drain();

        assertThat(TagIndexTestPlugin.EVENTS).anySatisfy(event -> assertThat(event)
                .isInstanceOfSatisfying(SiteEvent.PostPublished.class, published -> {
                    assertThat(published.post().path()).isEqualTo(second.path);
                    assertThat(published.post().tags()).singleElement()
                            .satisfies(counted -> assertThat(counted.count()).isEqualTo(2));
                }));
        // The snapshot the publication dropped is read again by the next page, not by the event.
        assertThat(publishedSites.readsSoFar()).isEqualTo(reads);
    }

    @Test
    void aPostChangeDropsCachedPluginPages() {
        String tag = "cache-" + UUID.randomUUID().toString().substring(0, 6);
        publish("First", tag);
        given().get("/tag-index/" + tag + "/").then().statusCode(200).body(not(containsString("Second")));
        publish("Second", tag);
        given().get("/tag-index/" + tag + "/").then().statusCode(200).body(containsString("<li>Second</li>"));
    }
}
