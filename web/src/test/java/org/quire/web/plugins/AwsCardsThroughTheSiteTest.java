package org.quire.web.plugins;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import jakarta.inject.Inject;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.quire.web.DatabaseTest;
import org.quire.web.SeedPosts;
import org.quire.web.content.Post;
import org.quire.web.content.PostService;
import org.quire.web.content.PostStatus;
import org.quire.web.publicsite.NuHtmlCheckerAccess;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** The built-in aws-cards plugin served by the site: cards in the seed post and the service pages. */
@QuarkusTest
class AwsCardsThroughTheSiteTest extends DatabaseTest {

    @Inject
    PostService posts;

    private static String get(String path, int status) {
        return given().urlEncodingEnabled(false).get(path).then().statusCode(status).extract().asString();
    }

    @Test
    void theSeedPostShowsSixValidCards() {
        Post seed = SeedPosts.publish(posts);
        String html = get(seed.path, 200);
        Document page = Jsoup.parse(html);
        assertThat(page.select(".post-body section.aws-card h2").eachText()).containsExactly("Amazon EKS",
                "AWS Fargate", "Amazon Aurora", "DynamoDB Global Tables", "AWS S3 As Data Lake", "Amazon Sagemaker");
        assertThat(page.select(".post-body section.aws-card img")).hasSize(6);
        assertThat(page.select(".toc a").eachText()).contains("Amazon EKS", "总结");
        assertThat(NuHtmlCheckerAccess.errors(html)).as("Nu HTML Checker on the seed post").isEmpty();
    }

    @Test
    void serviceIndexAndServicePagesFollowPublishing() {
        Post seed = SeedPosts.publish(posts);
        try {
            String index = get("/aws/", 200);
            Document page = Jsoup.parse(index);
            assertThat(page.select("h1").text()).isEqualTo("AWS services");
            assertThat(page.select(".aws-category-containers h2").text()).isEqualTo("Containers");
            assertThat(page.select(".aws-category-containers a").eachAttr("href")).contains("/aws/eks/", "/aws/fargate/");
            assertThat(page.select(".aws-category-database a").eachAttr("href")).contains("/aws/aurora/", "/aws/dynamodb/");
            assertThat(NuHtmlCheckerAccess.errors(index)).as("Nu HTML Checker on /aws/").isEmpty();

            Document eks = Jsoup.parse(get("/aws/eks/", 200));
            assertThat(eks.select("h1").text()).isEqualTo("Amazon EKS");
            assertThat(eks.select(".aws-card-name").text()).isEqualTo("Amazon Elastic Kubernetes Service");
            assertThat(eks.select(".aws-post-list a").eachText()).contains("Review of AWS re:invent");
            assertThat(eks.select(".aws-post-list a").eachAttr("href")).contains(seed.path);
            get("/aws/no-such-service/", 404);
            get("/aws/Not%20An%20Id/", 404);

            QuarkusTransaction.requiringNew().run(() -> posts.unpublish(seed.id));
            assertThat(Jsoup.parse(get("/aws/", 200)).select("a").eachAttr("href")).doesNotContain("/aws/eks/");
            get("/aws/eks/", 404);
        } finally {
            QuarkusTransaction.requiringNew().run(() -> posts.publish(seed.id));
        }
        assertThat(Jsoup.parse(get("/aws/eks/", 200)).select(".aws-post-list a").eachText())
                .contains("Review of AWS re:invent");
    }

    @Test
    void titlesOnServicePagesAreEscaped() {
        String title = "<img src=x onerror=alert(1)> " + UUID.randomUUID().toString().substring(0, 6);
        QuarkusTransaction.requiringNew().call(() -> posts.publish(posts.create("---\ntitle: \"" + title
                + "\"\nslug: " + UUID.randomUUID() + "\n---\nSee <aws:translate>.\n", null, PostStatus.PUBLISHED,
                null).post().id));
        String page = get("/aws/translate/", 200);
        assertThat(page).doesNotContain("<img src=x").contains("&lt;img src=x onerror=alert(1)&gt;");
    }

    @Test
    void aMentionListsThePostUnderMentionedIn() {
        String title = "Search notes " + UUID.randomUUID().toString().substring(0, 6);
        Post post = QuarkusTransaction.requiringNew().call(() -> posts.publish(posts.create("---\ntitle: " + title
                + "\nslug: " + UUID.randomUUID() + "\n---\nWe tried [Kendra](aws:kendra) for search.\n", null,
                PostStatus.PUBLISHED, null).post().id));
        Document postPage = Jsoup.parse(get(post.path, 200));
        assertThat(postPage.select("a.aws-mention").attr("href")).isEqualTo("/aws/kendra/");
        Document kendra = Jsoup.parse(get("/aws/kendra/", 200));
        assertThat(kendra.select("h2").eachText()).contains("Mentioned in");
        assertThat(kendra.select(".aws-post-list a").eachText()).contains(title);
    }
}
