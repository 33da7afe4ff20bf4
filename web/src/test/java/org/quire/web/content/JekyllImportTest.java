package org.quire.web.content;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.quire.web.DatabaseTest;
import org.quire.web.content.JekyllImport.Outcome;
import org.quire.web.content.JekyllImport.PostResult;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** Both real Jekyll corpora moved into an empty instance, then moved in again. */
@QuarkusTest
@TestProfile(JekyllImportTest.EmptyInstance.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JekyllImportTest extends DatabaseTest {

    public static class EmptyInstance implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // A database of its own, so the 607 imported posts neither meet nor slow down the other tests: in-memory
            // H2, or the second database the integration profile names for PostgreSQL and MariaDB.
            return Map.of("quire.import.first-import-takes-site-settings", "true",
                    "quire.database.url", System.getProperty("quire.test.isolated-database-url",
                    "jdbc:h2:mem:quire-import;DB_CLOSE_DELAY=-1"));
        }
    }

    @Inject
    JekyllImport importer;

    private static JekyllImport.Report eighteenF;
    private static JekyllImport.Report jekyllNews;

    private static Path corpus(String name) {
        return Path.of(System.getProperty("quire.shared.dir"), "corpora", name);
    }

    @Test
    @Order(1)
    void everyPostOfBothCorporaIsAccountedFor() throws Exception {
        eighteenF = importer.importSite(corpus("18f"), done -> { });
        jekyllNews = importer.importSite(corpus("jekyll-news"), done -> { });
        assertThat(eighteenF.posts()).hasSize(505);
        assertThat(jekyllNews.posts()).hasSize(102);
        assertThat(eighteenF.posts()).filteredOn(p -> p.outcome() == Outcome.FAILED).isEmpty();
        assertThat(jekyllNews.posts()).filteredOn(p -> p.outcome() == Outcome.FAILED).isEmpty();
        assertThat(eighteenF.count(Outcome.IMPORTED) + eighteenF.count(Outcome.UPDATED)
                + eighteenF.count(Outcome.UNCHANGED)).isEqualTo(505);
    }

    @Test
    @Order(2)
    void multiAuthorPostsHaveEveryAuthorWithTheNameTheSiteGives() {
        QuarkusTransaction.requiringNew().run(() -> {
            Post post = Post.findBySlug("long-term-teams").orElseThrow();
            assertThat(post.authors).extracting(a -> a.displayName).containsExactly("Alex Soble", "Elizabeth Ayer");
            assertThat(post.publishedAt).hasToString("2019-12-03T00:00:00Z");
        });
    }

    @Test
    @Order(3)
    void oldUrlsFollowEachSitesPermalinkRules() {
        String newPath = QuarkusTransaction.requiringNew().call(() ->
                Post.findBySlug("jekyll-1-0-0-released").orElseThrow().path);
        given().redirects().follow(false).get("/news/2013/05/05/jekyll-1-0-0-released/").then().statusCode(301)
                .header("Location", newPath);
        // The first import took 18F's permalink pattern, so its Jekyll URLs are the posts' own addresses.
        String teams = QuarkusTransaction.requiringNew().call(() -> Post.findBySlug("long-term-teams").orElseThrow().path);
        assertThat(teams).isEqualTo("/2019/12/03/long-term-teams/");
        given().redirects().follow(false).get(teams).then().statusCode(200);
    }

    @Test
    @Order(4)
    void siteSettingsResolveAndOddDatesAreReported() {
        String html = QuarkusTransaction.requiringNew().call(() ->
                Post.findBySlug("jekyll-1-0-1-released").orElseThrow().html);
        assertThat(html).contains("https://github.com/jekyll/jekyll").doesNotContain("site.repository");
        PostResult odd = jekyllNews.posts().stream()
                .filter(p -> p.file().endsWith("2023-01-29-jekyll-3-9-3-released.markdown")).findFirst().orElseThrow();
        assertThat(odd.messages()).anySatisfy(m -> assertThat(m).contains("DATE_PARTLY_READ", "'2023 -0800'"));
    }

    @Test
    @Order(5)
    void importingAgainChangesNothing() throws Exception {
        long before = QuarkusTransaction.requiringNew().call(() -> Post.count());
        JekyllImport.Report again = importer.importSite(corpus("jekyll-news"), done -> { });
        assertThat(again.count(Outcome.UNCHANGED)).isEqualTo(102);
        assertThat(QuarkusTransaction.requiringNew().call(() -> Post.count())).isEqualTo(before);
    }
}
