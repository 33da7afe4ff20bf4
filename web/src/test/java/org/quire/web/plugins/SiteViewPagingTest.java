package org.quire.web.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.quire.api.AuthorView;
import org.quire.api.PostView;
import org.quire.api.SiteInfo;
import org.quire.api.SiteView;
import org.quire.api.TagView;
import org.quire.web.DatabaseTest;
import org.quire.web.content.PostService;
import org.quire.web.content.PostStatus;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The host's own answers to the paged and related-post questions of the site view (API 1.2 and 1.3) against the
 * API's reference answers, which are built on the whole lists: same posts, same order.
 */
@QuarkusTest
class SiteViewPagingTest extends DatabaseTest {

    @Inject
    DatabaseSiteView site;

    @Inject
    PostService posts;

    /** Only the whole-list methods of the host, so every paged or related answer is the API's default one. */
    private SiteView reference() {
        return new SiteView() {
            @Override
            public SiteInfo info() {
                return site.info();
            }

            @Override
            public List<PostView> publishedPosts() {
                return site.publishedPosts();
            }

            @Override
            public Optional<PostView> postBySlug(String slug) {
                return site.postBySlug(slug);
            }

            @Override
            public List<TagView> tags() {
                return site.tags();
            }

            @Override
            public Optional<TagView> tag(String nameOrUrlForm) {
                return site.tag(nameOrUrlForm);
            }

            @Override
            public List<PostView> postsTagged(TagView tag) {
                return site.postsTagged(tag);
            }

            @Override
            public List<String> categories() {
                return site.categories();
            }

            @Override
            public List<PostView> postsInCategory(String category) {
                return site.postsInCategory(category);
            }

            @Override
            public List<AuthorView> authors() {
                return site.authors();
            }

            @Override
            public List<PostView> postsBy(String authorHandle) {
                return site.postsBy(authorHandle);
            }
        };
    }

    private static List<String> slugs(List<PostView> views) {
        return views.stream().map(PostView::slug).toList();
    }

    private void publish(String slug, String tags, String date, String category) {
        QuarkusTransaction.requiringNew().run(() -> posts.publish(posts.create("---\ntitle: Paged " + slug
                + "\nslug: " + slug + "\ndate: " + date + "\ncategory: " + category + "\nauthor: pager-" + category
                + "\ntags: [" + tags + "]\n---\nText\n", null, PostStatus.PUBLISHED, null).post().id));
    }

    @Test
    void pagesAndRelatedPostsAreTheReferenceAnswersInTheSameOrder() {
        String run = UUID.randomUUID().toString().substring(0, 6);
        String a = "pa-" + run;
        String b = "pb-" + run;
        String c = "pc-" + run;
        String category = "cat" + run;
        // Tags overlap in every way, and two posts share a date, so ties fall to the id.
        String[][] specs = {
                {a + ", " + b, "2020-01-01"}, {a, "2020-01-02"}, {a + ", " + b + ", " + c, "2020-01-03"},
                {b, "2020-01-04"}, {a + ", " + c, "2020-01-05"}, {a + ", " + b, "2020-01-05"}, {c, "2020-01-06"},
                {a, "2020-01-07"}, {a + ", " + b + ", " + c, "2020-01-08"}};
        for (int i = 0; i < specs.length; i++) {
            publish("paged-" + run + "-" + i, specs[i][0], specs[i][1], category);
        }
        SiteView reference = reference();
        TagView tagA = site.tag(a).orElseThrow();
        assertThat(tagA.count()).isEqualTo(7);
        for (int[] window : new int[][] {{0, 3}, {2, 3}, {5, 10}, {7, 1}, {0, 0}}) {
            assertThat(slugs(site.postsTagged(tagA, window[0], window[1])))
                    .as("tag page %s", java.util.Arrays.toString(window))
                    .isEqualTo(slugs(reference.postsTagged(tagA, window[0], window[1])));
            assertThat(slugs(site.postsInCategory(category, window[0], window[1])))
                    .isEqualTo(slugs(reference.postsInCategory(category, window[0], window[1])));
            assertThat(slugs(site.postsBy("pager-" + category, window[0], window[1])))
                    .isEqualTo(slugs(reference.postsBy("pager-" + category, window[0], window[1])));
            assertThat(slugs(site.publishedPosts(window[0], window[1])))
                    .isEqualTo(slugs(reference.publishedPosts(window[0], window[1])));
        }
        assertThat(site.postCountInCategory(category)).isEqualTo(specs.length);
        assertThat(site.postsTagged(tagA, 0, 100)).hasSize(7);
        for (int i = 0; i < specs.length; i++) {
            PostView post = site.postBySlug("paged-" + run + "-" + i).orElseThrow();
            for (int limit : new int[] {1, 3, 20}) {
                assertThat(slugs(site.relatedPosts(post, limit))).as("related to post %d, limit %d", i, limit)
                        .isEqualTo(slugs(reference.relatedPosts(post, limit)));
            }
        }
        long before = site.changeCount();
        publish("paged-" + run + "-late", a, "2020-02-01", category);
        assertThat(site.changeCount()).as("a publication changes the site view's change count").isNotEqualTo(before);
        assertThat(site.tag(a).orElseThrow().count()).isEqualTo(8);
    }
}
