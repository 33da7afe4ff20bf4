package org.quire.web.publicsite;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.quire.web.DatabaseTest;
import org.quire.web.content.Post;
import org.quire.web.content.PostService;
import org.quire.web.content.PostStatus;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ContentApiTest extends DatabaseTest {


    @Inject
    PostService posts;

    private Post publish(String source) {
        return QuarkusTransaction.requiringNew().call(() -> posts.publish(
                posts.create(source, null, PostStatus.PUBLISHED, null).post().id));
    }

    @Test
    void pagesThroughPostsFilteredByTagWhateverItsSpelling() {
        String tag = "Api-" + UUID.randomUUID().toString().substring(0, 6) + " 标签";
        for (int day = 1; day <= 5; day++) {
            publish("---\ntitle: Api " + day + "\nslug: " + UUID.randomUUID() + "\ndate: 2018-02-0" + day
                    + "\ntags: [\"" + tag + "\"]\ncategory: Notes\n---\nBody " + day + "\n");
        }
        String urlForm = new org.quire.core.site.Tag(tag).urlForm();
        given().queryParam("tag", tag.toUpperCase()).queryParam("size", 2).queryParam("page", 2)
                .get("/api/content/posts").then().statusCode(200)
                .body("total", equalTo(5)).body("pages", equalTo(3)).body("page", equalTo(2))
                .body("items.title", equalTo(List.of("Api 3", "Api 2")))
                .body("items[0].tags[0].urlForm", equalTo(urlForm))
                .body("items[0].url", containsString("http://localhost:8080/2018/02/"));
        given().urlEncodingEnabled(false).queryParam("tag", urlForm).get("/api/content/posts").then().statusCode(200)
                .body("total", equalTo(5));
        given().queryParam("tag", tag).queryParam("category", "notes").get("/api/content/posts").then()
                .body("total", equalTo(5));
    }

    @Test
    void filtersByAuthorAndShowsOnePostWithItsHtml() {
        org.quire.web.SeedPosts.publish(posts);
        given().queryParam("author", "admin").get("/api/content/posts").then().statusCode(200)
                .body("items.slug", hasItem("aws-reinvent"));
        given().get("/api/content/posts/aws-reinvent").then().statusCode(200)
                .body("post.title", equalTo("Review of AWS re:invent"))
                .body("html", containsString("<h2 id=\"总结\">"))
                .body("toc.id", hasItem("总结"));
        given().get("/api/content/tags").then().statusCode(200).body("name", hasItem("AWS"));
        given().get("/api/content/authors").then().statusCode(200).body("handle", hasItem("admin"));
    }

    @Test
    void draftsAreNotInTheApi() {
        String slug = "draft-" + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() ->
                posts.create("---\ntitle: Secret\nslug: " + slug + "\n---\n", null, PostStatus.DRAFT, null));
        given().get("/api/content/posts/" + slug).then().statusCode(404);
        String all = given().queryParam("size", 100).get("/api/content/posts").then().extract().asString();
        assertThat(all).doesNotContain(slug);
    }

    @Test
    void badPagingIsRefusedNamingTheParameter() {
        given().queryParam("size", 1000).get("/api/content/posts").then().statusCode(400);
        given().queryParam("page", 0).get("/api/content/posts").then().statusCode(400);
    }

    @Test
    void theApiIsDescribedInOpenApi() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body(containsString("/api/content/posts/{slug}"));
    }

    @Test
    void metricsAreExposedForPrometheus() {
        given().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }
}
